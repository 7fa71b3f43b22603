import type { PracticeItem } from '../../quiz/index.ts';
import { feedbackView, type Answer } from './answer-view.ts';

/** Which practice page runs the round: a topic, mixed practice or the review queue. */
export type PracticeMode = 'topic' | 'mixed' | 'review';

export type RoundPhase = 'question' | 'feedback' | 'summary';

/** Where focus goes after the next render: a part of the quiz, or a moved ordering step's button. Never on load. */
export type RoundFocus = 'control' | 'next' | 'summary' | { readonly step: string; readonly direction: 'up' | 'down' } | null;

/**
 * One practice round as the island shows it. Everything the screen needs is here, so the component only renders
 * and dispatches; everything but `problem`, `announcement` and `focus` is saved (see `savedRound`), so a reload
 * resumes the same round at the same place.
 */
export interface RoundState {
  readonly round: readonly PracticeItem[];
  /** Index into `round` of the question on screen. */
  readonly position: number;
  readonly phase: RoundPhase;
  /** Null until a single or true/false answer is picked; multiple starts empty, ordering with the shown steps. */
  readonly answer: Answer | null;
  /** A redo: not scored, not scheduled. */
  readonly isRedo: boolean;
  /** Whether the last scored answer left the item in the review queue. */
  readonly isQueued: boolean;
  /** First answers of this round, right or wrong, by item id. */
  readonly results: Readonly<Record<string, boolean>>;
  readonly problem: string | null;
  /** What the live region says. */
  readonly announcement: string;
  readonly focus: RoundFocus;
  /** Resumed from a saved round after a reload, until the trainee starts another round. */
  readonly isResumed: boolean;
}

export type RoundAction =
  | { readonly type: 'start'; readonly round: readonly PracticeItem[] }
  | { readonly type: 'choose'; readonly answer: Answer }
  /** An ordering step moved: the new order, the step, its new place (from 1) and the button used. */
  | { readonly type: 'moved'; readonly answer: Answer; readonly step: string; readonly place: number; readonly direction: 'up' | 'down' }
  /** Submit the current answer; `isQueued` is what recording it did to the review queue (false for a redo). */
  | { readonly type: 'submit'; readonly isQueued: boolean }
  | { readonly type: 'redo' }
  | { readonly type: 'next' }
  /** Focus was moved: forget the request. */
  | { readonly type: 'focused' };

const startAnswer = (item: PracticeItem | undefined): Answer | null =>
  item?.type === 'ordering' ? [...item.choices] : item?.type === 'multiple' ? [] : null;

function atQuestion(state: RoundState, position: number, isRedo: boolean): RoundState {
  return { ...state, position, phase: 'question', answer: startAnswer(state.round[position]), isRedo, problem: null, isQueued: false, focus: 'control' };
}

/** A fresh round at its first question; `announce` says so in the live region (not on page load). */
export function newRound(round: readonly PracticeItem[], announcement = ''): RoundState {
  return {
    round,
    position: 0,
    phase: 'question',
    answer: startAnswer(round[0]),
    isRedo: false,
    isQueued: false,
    results: {},
    problem: null,
    announcement,
    focus: null,
    isResumed: false,
  };
}

/** The question on screen, if the round has any. */
export const currentItem = (state: RoundState): PracticeItem | undefined => state.round[state.position];

/** First answers right in this round. */
export const correctCount = (state: RoundState): number => Object.values(state.results).filter(Boolean).length;

/** Misses of this round (first answers), which went to the review queue. */
export const missedCount = (state: RoundState): number => Object.values(state.results).filter((right) => !right).length;

/** The round's reducer: pure, so every transition is tested without a browser (round-state.test.ts). */
export function roundReducer(state: RoundState, action: RoundAction): RoundState {
  const item = currentItem(state);
  switch (action.type) {
    case 'start':
      return { ...newRound(action.round, action.round.length > 0 ? `新的一轮开始，共 ${action.round.length} 题。` : ''), focus: 'control' };
    case 'choose':
      return state.phase === 'question' ? { ...state, answer: action.answer, problem: null } : state;
    case 'moved':
      if (state.phase !== 'question') return state;
      return { ...state, answer: action.answer, problem: null, announcement: `“${action.step}”移到第 ${action.place} 位。`, focus: { step: action.step, direction: action.direction } };
    case 'submit': {
      if (state.phase !== 'question' || !item) return state;
      if (state.answer === null) return { ...state, problem: '请先选择一个答案，再提交。' };
      const view = feedbackView(item, state.answer);
      const isQueued = !state.isRedo && action.isQueued;
      return {
        ...state,
        phase: 'feedback',
        isQueued,
        results: state.isRedo ? state.results : { ...state.results, [item.id]: view.isCorrect },
        announcement: `${view.announcement}${isQueued && !view.isCorrect ? '这道题已加入复习队列。' : ''}`,
        focus: 'next',
      };
    }
    case 'redo':
      if (state.phase !== 'feedback') return state;
      return { ...atQuestion(state, state.position, true), announcement: '重做本题：这次作答不计入本轮成绩。' };
    case 'next':
      if (state.phase !== 'feedback') return state;
      if (state.position < state.round.length - 1) return { ...atQuestion(state, state.position + 1, false), announcement: '' };
      return { ...state, phase: 'summary', focus: 'summary', announcement: `本轮结束：首次作答答对 ${correctCount(state)} / ${state.round.length} 题。` };
    case 'focused':
      return state.focus === null ? state : { ...state, focus: null };
  }
}

/** A round as saved in the browser between page loads: item ids and key versions instead of the items. */
export interface SavedRound {
  readonly version: 1;
  readonly itemIds: readonly string[];
  /** Each item's key version when the round was drawn: a rebuilt question or key ends the saved round. */
  readonly keyVersions: readonly string[];
  readonly position: number;
  readonly phase: RoundPhase;
  readonly answer: Answer | null;
  readonly isRedo: boolean;
  readonly isQueued: boolean;
  readonly results: Readonly<Record<string, boolean>>;
}

/** What to save of `state`. */
export function savedRound(state: RoundState): SavedRound {
  return {
    version: 1,
    itemIds: state.round.map((item) => item.id),
    keyVersions: state.round.map((item) => item.keyVersion),
    position: state.position,
    phase: state.phase,
    answer: state.answer,
    isRedo: state.isRedo,
    isQueued: state.isQueued,
    results: state.results,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIndex = (value: unknown, length: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/** Whether `answer` is a well-formed answer to `item` (not whether it is right). */
export function fitsItem(item: PracticeItem, answer: unknown): answer is Answer {
  if (item.type === 'single' || item.type === 'truefalse') return isIndex(answer, item.choices.length);
  if (!Array.isArray(answer)) return false;
  if (item.type === 'multiple') return answer.every((value) => isIndex(value, item.choices.length)) && new Set(answer).size === answer.length;
  return answer.length === item.choices.length && [...answer].sort().join('\u0000') === [...item.choices].sort().join('\u0000');
}

/**
 * The round saved in `raw`, resumed against the current `items`, or null when there is none or it no longer fits
 * (a question left the bank, its key changed, or the saved data is malformed: it came from storage, which another
 * version or a person may have written). The resumed round says so in the live region and moves no focus.
 */
export function resumeRound(raw: unknown, items: readonly PracticeItem[]): RoundState | null {
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.itemIds) || !Array.isArray(raw.keyVersions)) return null;
  const byId = new Map(items.map((item) => [item.id, item]));
  const round = raw.itemIds.map((id) => byId.get(id as string));
  if (round.length === 0 || round.length !== raw.keyVersions.length) return null;
  const keyVersions = raw.keyVersions as unknown[];
  if (round.some((item, index) => !item || item.keyVersion !== keyVersions[index])) return null;
  const present = round as PracticeItem[];
  const { position, phase, answer } = raw;
  if (!isIndex(position, present.length) || !['question', 'feedback', 'summary'].includes(phase as string)) return null;
  const item = present[position]!;
  if (answer === null ? phase === 'feedback' || item.type === 'ordering' : !fitsItem(item, answer)) return null;
  if (!isRecord(raw.results) || typeof raw.isRedo !== 'boolean' || typeof raw.isQueued !== 'boolean') return null;
  const ids = new Set(raw.itemIds as string[]);
  const results = Object.fromEntries(Object.entries(raw.results).filter(([id, right]) => ids.has(id) && typeof right === 'boolean')) as Record<string, boolean>;
  const where = phase === 'summary' ? '本轮结果' : `第 ${position + 1} 题（共 ${present.length} 题）`;
  return {
    round: present,
    position,
    phase: phase as RoundPhase,
    answer: answer as Answer | null,
    isRedo: raw.isRedo,
    isQueued: raw.isQueued,
    results,
    problem: null,
    announcement: `已回到上次未完成的练习：${where}。`,
    focus: null,
    isResumed: true,
  };
}

