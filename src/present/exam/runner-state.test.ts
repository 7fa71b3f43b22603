import { describe, expect, it } from 'vitest';
import {
  chooseResponse,
  clock,
  dueWarnings,
  initialRunnerState,
  runnerReducer,
  selectedChoices,
  shortcutFor,
  submitPrompt,
  type KeyTarget,
  type RunnerAttempt,
  type RunnerQuestion,
} from './runner-state.ts';

const single: RunnerQuestion = { id: 'q1', type: 'single', choices: ['甲', '乙', '丙'] };
const multiple: RunnerQuestion = { id: 'q2', type: 'multiple', choices: ['一', '二', '三', '四'] };
const truefalse: RunnerQuestion = { id: 'q3', type: 'truefalse', choices: ['正确', '错误'] };
const ordering: RunnerQuestion = { id: 'q4', type: 'ordering', choices: ['安抚', '核实'] };
const attempt: RunnerAttempt = { id: 'a1', status: 'in-progress', questions: [single, multiple, truefalse, ordering] };
const key = (over: Partial<KeyTarget>): KeyTarget => ({ key: '1', hasModifier: false, isTyping: false, isOnRadio: false, ...over });

describe('exam runner reducer', () => {
  it('loads an attempt with its answers and keeps the question on screen within the paper', () => {
    const state = runnerReducer({ ...initialRunnerState(), index: 9 }, { type: 'loaded', attempt, answers: { q1: { response: 1, flagged: false } } });
    expect(state).toMatchObject({ attempt, index: 3, answers: { q1: { response: 1, flagged: false } } });
  });

  it('moves between questions without leaving the paper', () => {
    let state = runnerReducer(initialRunnerState(), { type: 'loaded', attempt, answers: {} });
    state = runnerReducer(state, { type: 'move', step: -1 });
    expect(state.index).toBe(0);
    state = runnerReducer(state, { type: 'go', index: 3 });
    expect(runnerReducer(state, { type: 'move', step: 1 }).index).toBe(3);
    expect(runnerReducer(state, { type: 'go', index: 99 }).index).toBe(3);
  });

  it('records an answer per question and a failure stops the busy states', () => {
    let state = runnerReducer(initialRunnerState(), { type: 'loaded', attempt, answers: {} });
    state = runnerReducer(state, { type: 'answer', itemId: 'q2', answer: { response: [0, 2], flagged: true } });
    state = runnerReducer(state, { type: 'submitting', isSubmitting: true });
    state = runnerReducer(state, { type: 'failed', message: '网络异常' });
    expect(state).toMatchObject({ answers: { q2: { response: [0, 2], flagged: true } }, isSubmitting: false, error: '网络异常' });
  });
});

describe('choosing and shortcuts', () => {
  it('chooses one choice, toggles a statement, and maps true/false to a boolean', () => {
    expect(chooseResponse(single, 0, 2)).toBe(2);
    expect(chooseResponse(multiple, [3, 0], 1)).toEqual([0, 1, 3]);
    expect(chooseResponse(multiple, [0, 1], 1)).toEqual([0]);
    expect(chooseResponse(multiple, [0], 0, true)).toEqual([0]);
    expect(chooseResponse(truefalse, null, 1)).toBe(false);
    expect(selectedChoices(truefalse, false)).toEqual([1]);
    expect(selectedChoices(multiple, [2, 3])).toEqual([2, 3]);
    expect(selectedChoices(single, null)).toEqual([]);
  });

  it('reads 1–9, ←/→ and F as practice does, and stands aside while typing or with a modifier', () => {
    expect(shortcutFor(key({ key: '3' }), single)).toEqual({ type: 'choose', index: 2 });
    expect(shortcutFor(key({ key: '4' }), single)).toBeNull();
    expect(shortcutFor(key({ key: '1' }), ordering)).toBeNull();
    expect(shortcutFor(key({ key: 'ArrowRight' }), single)).toEqual({ type: 'move', step: 1 });
    expect(shortcutFor(key({ key: 'ArrowLeft' }), ordering)).toEqual({ type: 'move', step: -1 });
    expect(shortcutFor(key({ key: 'f' }), single)).toEqual({ type: 'flag' });
    expect(shortcutFor(key({ key: 'F' }), multiple)).toEqual({ type: 'flag' });
    expect(shortcutFor(key({ key: '1', isTyping: true }), single)).toBeNull();
    expect(shortcutFor(key({ key: 'f', hasModifier: true }), single)).toBeNull();
    // On a radio the browser's own arrow keys move the choice; the shortcut must not also change the question.
    expect(shortcutFor(key({ key: 'ArrowRight', isOnRadio: true }), single)).toBeNull();
  });
});

describe('prompts and the clock', () => {
  it('lists unanswered and flagged questions by number before submitting', () => {
    const prompt = submitPrompt(attempt.questions, { q1: { response: 0, flagged: true }, q3: { response: false, flagged: false } });
    expect(prompt).toBe('还有 2 题未作答：第 2、4 题。\n已标记 1 题待复查：第 1 题。\n确定交卷吗？交卷后不能再修改。');
  });

  it('counts down in mm:ss, rounding up and never below zero', () => {
    expect(clock(1_800_000)).toBe('30:00');
    expect(clock(59_001)).toBe('01:00');
    expect(clock(-5)).toBe('00:00');
  });

  it('announces each time warning once, and only the latest when the page opens late', () => {
    expect(dueWarnings(170_000, new Set())).toHaveLength(1);
    expect(dueWarnings(50_000, new Set())).toHaveLength(2);
    expect(dueWarnings(50_000, new Set([300]))).toEqual([[60, '考试剩余 1 分钟。']]);
    expect(dueWarnings(400_000, new Set())).toEqual([]);
  });
});
