import { describe, expect, it } from 'vitest';
import type { PracticeItem } from '../../quiz/index.ts';
import { correctCount, currentItem, fitsItem, missedCount, newRound, resumeRound, roundReducer, savedRound, type RoundAction, type RoundState } from './round-state.ts';

const item = (id: string, overrides: Partial<PracticeItem> = {}): PracticeItem => ({
  id,
  type: 'single',
  topics: ['seven-day'],
  difficulty: 1,
  stem: `题目 ${id}`,
  choices: ['甲', '乙', '丙'],
  key: 1,
  keyVersion: `k-${id}`,
  area: 'seven-day',
  decidingRuleId: null,
  explanation: [],
  ...overrides,
});

const ordering = item('q-order', { type: 'ordering', choices: ['回访', '安抚', '核实'], key: ['安抚', '核实', '回访'] });
const multiple = item('q-multi', { type: 'multiple', key: [0, 2] });
const bank = [item('q-1'), multiple, ordering];

const run = (state: RoundState, ...actions: RoundAction[]) => actions.reduce(roundReducer, state);

describe('the round reducer', () => {
  it('starts at the first question with the answer shape of its type, and moves no focus on load', () => {
    const state = newRound(bank);
    expect(state).toMatchObject({ position: 0, phase: 'question', answer: null, results: {}, focus: null, announcement: '' });
    expect(run(state, { type: 'submit', isQueued: false }, { type: 'next' }).position).toBe(0);
    const redrawn = run(state, { type: 'start', round: [multiple, ordering] });
    expect(redrawn).toMatchObject({ answer: [], focus: 'control', announcement: '新的一轮开始，共 2 题。' });
  });

  it('asks for an answer before grading, then scores the first answer and says where focus goes', () => {
    let state = run(newRound(bank), { type: 'submit', isQueued: false });
    expect(state).toMatchObject({ phase: 'question', problem: '请先选择一个答案，再提交。' });
    state = run(state, { type: 'choose', answer: 0 }, { type: 'submit', isQueued: true });
    expect(state).toMatchObject({ phase: 'feedback', problem: null, isQueued: true, results: { 'q-1': false }, focus: 'next' });
    expect(state.announcement).toBe('回答错误。正确答案：B. 乙。这道题已加入复习队列。');
    // Choices are locked after submitting.
    expect(run(state, { type: 'choose', answer: 1 }).answer).toBe(0);
  });

  it('does not score a redo and keeps the first answer', () => {
    const state = run(
      newRound(bank),
      { type: 'choose', answer: 0 },
      { type: 'submit', isQueued: true },
      { type: 'redo' },
      { type: 'choose', answer: 1 },
      { type: 'submit', isQueued: true },
    );
    expect(state).toMatchObject({ isRedo: true, isQueued: false, results: { 'q-1': false }, announcement: '回答正确。' });
  });

  it('moves ordering steps with the new order and announces the place', () => {
    const state = run(newRound([ordering]), { type: 'moved', answer: ['安抚', '回访', '核实'], step: '安抚', place: 1, direction: 'up' });
    expect(state).toMatchObject({ answer: ['安抚', '回访', '核实'], announcement: '“安抚”移到第 1 位。', focus: { step: '安抚', direction: 'up' } });
  });

  it('goes through every question to a summary of first answers', () => {
    const state = run(
      newRound(bank),
      { type: 'choose', answer: 1 },
      { type: 'submit', isQueued: false },
      { type: 'next' },
      { type: 'choose', answer: [0] },
      { type: 'submit', isQueued: true },
      { type: 'next' },
      { type: 'moved', answer: ['安抚', '核实', '回访'], step: '回访', place: 3, direction: 'down' },
      { type: 'submit', isQueued: false },
      { type: 'next' },
    );
    expect(state).toMatchObject({ phase: 'summary', focus: 'summary', announcement: '本轮结束：首次作答答对 2 / 3 题。' });
    expect([correctCount(state), missedCount(state)]).toEqual([2, 1]);
  });
});

describe('resuming a saved round', () => {
  const midway = run(newRound(bank), { type: 'choose', answer: 1 }, { type: 'submit', isQueued: false }, { type: 'next' }, { type: 'choose', answer: [2] });
  const stored = () => JSON.parse(JSON.stringify(savedRound(midway))) as unknown;

  it('resumes the same questions at the same place with the answers given, and says so', () => {
    const resumed = resumeRound(stored(), bank)!;
    expect(resumed.round.map((entry) => entry.id)).toEqual(['q-1', 'q-multi', 'q-order']);
    expect(resumed).toMatchObject({ position: 1, phase: 'question', answer: [2], results: { 'q-1': true }, focus: null, isResumed: true });
    expect(resumed.announcement).toBe('已回到上次未完成的练习：第 2 题（共 3 题）。');
    expect(currentItem(resumed)?.id).toBe('q-multi');
  });

  it('resumes a finished round at its summary', () => {
    const done = run(midway, { type: 'submit', isQueued: true }, { type: 'next' }, { type: 'submit', isQueued: false }, { type: 'next' });
    const resumed = resumeRound(JSON.parse(JSON.stringify(savedRound(done))), bank)!;
    expect(resumed).toMatchObject({ phase: 'summary', results: done.results });
    expect(resumed.announcement).toBe('已回到上次未完成的练习：本轮结果。');
  });

  it('drops a round whose question left the bank or whose key changed', () => {
    expect(resumeRound(stored(), bank.slice(0, 2))).toBeNull();
    expect(resumeRound(stored(), [item('q-1', { keyVersion: 'new' }), multiple, ordering])).toBeNull();
  });

  it('drops malformed saved data instead of trusting it', () => {
    const saved = stored() as Record<string, unknown>;
    for (const broken of [null, 'x', { ...saved, version: 2 }, { ...saved, position: 7 }, { ...saved, phase: 'done' }, { ...saved, answer: [9] }, { ...saved, results: [] }, { ...saved, itemIds: [] }]) {
      expect(resumeRound(broken, bank), JSON.stringify(broken)).toBeNull();
    }
    expect(resumeRound({ ...saved, phase: 'feedback', answer: null }, bank)).toBeNull();
  });

  it('accepts only answers of the item’s shape', () => {
    expect([fitsItem(item('a'), 2), fitsItem(item('a'), 3), fitsItem(item('a'), 1.5)]).toEqual([true, false, false]);
    expect([fitsItem(multiple, [0, 2]), fitsItem(multiple, [0, 0]), fitsItem(multiple, 0)]).toEqual([true, false, false]);
    expect([fitsItem(ordering, ['核实', '回访', '安抚']), fitsItem(ordering, ['核实', '回访']), fitsItem(ordering, ['核实', '回访', '回访'])]).toEqual([true, false, false]);
  });
});
