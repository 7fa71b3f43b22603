import { describe, expect, it } from 'vitest';
import type { PracticeItem } from '../../quiz/index.ts';
import { progressData } from '../practice/progress-data.ts';
import { LEARN_AHEAD_MS, newCard } from '../practice/review-schedule.ts';
import { progressIndex, topicProgress, topicProgressText } from './topic-progress.ts';

const NOW = 1_760_000_000_000;
const item = (id: string, topics: string[]): PracticeItem => ({
  id,
  type: 'single',
  topics,
  difficulty: 1,
  stem: `题目 ${id}`,
  choices: ['甲', '乙'],
  key: 0,
  keyVersion: `k-${id}`,
  area: 'seven-day',
  decidingRuleId: null,
  explanation: [],
});
const bank = [item('q-1', ['seven-day']), item('q-2', ['seven-day', 'freight']), item('t-a~1', ['freight']), item('t-a~2', ['freight']), item('q-3', ['other'])];
const index = progressIndex(bank, ['seven-day', 'freight']);
const answer = (isCorrect: boolean, keyVersion: string) => ({ at: NOW - 60_000, isCorrect, keyVersion });

describe('progress per topic', () => {
  it('embeds ids, key versions and topic indices only', () => {
    expect(index.items[1]).toEqual(['q-2', 'k-q-2', [0, 1]]);
    expect(index.items[4]).toEqual(['q-3', 'k-q-3', []]);
    expect(JSON.stringify(index)).not.toContain('题目');
  });

  it('counts questions answered (a template once), accuracy over stored answers, and due reviews per topic', () => {
    const data = progressData({
      version: 1,
      attempts: { 'q-2': [answer(false, 'k-q-2'), answer(true, 'k-q-2')], 't-a~1': [answer(true, 'k-t-a~1')], 't-a~2': [answer(false, 'k-t-a~2')] },
      cards: {
        'q-2': { ...newCard('k-q-2', NOW), due: NOW + LEARN_AHEAD_MS },
        't-a~2': { ...newCard('k-t-a~2', NOW), due: NOW + LEARN_AHEAD_MS + 1 },
        // Learned against an older key: the review page restarts it, due at once.
        'q-3': { ...newCard('old', NOW), due: NOW + 86_400_000 },
      },
    });
    const { topics, due } = topicProgress(index, data, NOW);
    expect(topics).toEqual([
      { topic: 'seven-day', questions: 2, answered: 1, answers: 2, correct: 1, accuracy: 0.5, due: 1 },
      { topic: 'freight', questions: 2, answered: 2, answers: 4, correct: 2, accuracy: 0.5, due: 1 },
    ]);
    expect(due).toBe(2);
    expect(topics.map(topicProgressText)).toEqual(['已练 1 / 2 题 · 正确率 50% · 待复习 1 题', '已练 2 / 2 题 · 正确率 50% · 待复习 1 题']);
  });

  it('says a topic was never practised', () => {
    const { topics, due } = topicProgress(index, progressData(null), NOW);
    expect(topics.map(topicProgressText)).toEqual(['还没有练过', '还没有练过']);
    expect(due).toBe(0);
  });
});
