import { describe, expect, it } from 'vitest';
import { areaSummary } from './area-summary.ts';
import { mixedRound, questionGroups, questionId, reviewRound, topicRound } from './quiz-round.ts';
import { seededRandom } from '../../quiz/index.ts';
import type { PracticeItem } from '../../quiz/index.ts';

const item = (id: string, area: string, difficulty: 1 | 2 | 3 = 1): PracticeItem => ({
  id,
  type: 'single',
  topics: ['seven-day'],
  difficulty,
  stem: `题目 ${id}`,
  choices: ['甲', '乙'],
  key: 0,
  keyVersion: 'k',
  area,
  decidingRuleId: null,
  explanation: [],
});

const areaTitles = { shipping: '发货规范', 'seven-day': '七天无理由', quality: '质量问题与假货' };

describe('summary by rule area', () => {
  it('counts first answers per area in handbook order, linking each area’s handbook section', () => {
    const items = [item('q-1', 'quality'), item('q-2', 'seven-day'), item('q-3', 'quality'), item('q-4', 'shipping')];
    const results = new Map([
      ['q-1', true],
      ['q-2', false],
      ['q-3', false],
      ['q-4', true],
    ]);
    expect(areaSummary(items, results, areaTitles)).toEqual([
      { area: 'shipping', title: '发货规范', correct: 1, total: 1, href: '/rules#shipping' },
      { area: 'seven-day', title: '七天无理由', correct: 0, total: 1, href: '/rules#seven-day' },
      { area: 'quality', title: '质量问题与假货', correct: 1, total: 2, href: '/rules#quality' },
    ]);
  });

  it('skips unanswered items and lists an area without a title last, under its id', () => {
    const items = [item('q-1', 'mystery'), item('q-2', 'shipping'), item('q-3', 'quality')];
    const results = new Map([
      ['q-1', true],
      ['q-2', true],
    ]);
    expect(areaSummary(items, results, areaTitles).map((row) => [row.title, row.total])).toEqual([
      ['发货规范', 1],
      ['mystery', 1],
    ]);
  });
});

describe('rounds', () => {
  const bank = [
    item('q-hard', 'quality', 3),
    ...[1, 2, 3, 4, 5, 6].map((seed) => item(`t-window~${seed}`, 'seven-day', 2)),
    item('q-easy', 'shipping', 1),
    item('q-easy-2', 'shipping', 1),
  ];

  it('groups a template’s variants as one question', () => {
    expect(questionId('t-window~4')).toBe('t-window');
    expect(questionId('q-easy')).toBe('q-easy');
    expect(questionGroups(bank).map((group) => group.length)).toEqual([1, 6, 1, 1]);
  });

  it('asks each topic question once, one variant per template, easiest first', () => {
    const round = topicRound(bank, seededRandom(7), new Set());
    expect(round.map((entry) => questionId(entry.id)).sort()).toEqual(['q-easy', 'q-easy-2', 'q-hard', 't-window']);
    expect(round.map((entry) => entry.difficulty)).toEqual([1, 1, 2, 3]);
  });

  it('fills a short topic round with questions never answered first', () => {
    const answered = new Set(['q-easy', 'q-easy-2', 't-window']);
    for (let seed = 1; seed <= 10; seed++) {
      const round = topicRound(bank, seededRandom(seed), answered, 2);
      expect(round.map((entry) => questionId(entry.id))).toContain('q-hard');
      expect(round).toHaveLength(2);
    }
  });

  it('draws a mixed round of distinct questions, never two variants of one template', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const round = mixedRound(bank, seededRandom(seed), 3);
      expect(round).toHaveLength(3);
      expect(new Set(round.map((entry) => questionId(entry.id))).size).toBe(3);
    }
    expect(mixedRound(bank, seededRandom(1))).toHaveLength(4);
  });

  it('reviews due items in the order given and skips ids no longer in the bank', () => {
    expect(reviewRound(bank, ['t-window~3', 'q-retired', 'q-hard']).map((entry) => entry.id)).toEqual(['t-window~3', 'q-hard']);
  });
});
