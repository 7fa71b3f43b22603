// The exam island's state as a reducer: what the page shows (question, answers, dialogs, messages) changes only
// here, so it is tested without a browser and ExamRunner.tsx only renders and wires effects. Saving is not here: the
// save queue (src/components/exam/save-queue.ts) owns what reached the server.

/** A question as the island holds it (the server's view carries the stem too; the reducer needs only these). */
export interface RunnerQuestion {
  readonly id: string;
  readonly type: 'single' | 'multiple' | 'truefalse' | 'ordering';
  readonly choices: readonly string[];
}

/** An answer as shown: the response (null: none) and the trainee's 稍后再看 flag. */
export interface RunnerAnswer {
  readonly response: unknown;
  readonly flagged: boolean;
}

export interface RunnerAttempt {
  readonly id: string;
  readonly status: 'in-progress' | 'submitted' | 'expired';
  readonly questions: readonly RunnerQuestion[];
}

export interface RunnerState<A extends RunnerAttempt = RunnerAttempt> {
  readonly attempt: A | null;
  /** The question on screen (0-based). */
  readonly index: number;
  readonly answers: Readonly<Record<string, RunnerAnswer>>;
  readonly error: string | null;
  readonly isSubmitting: boolean;
  /** Text for the polite live region (time warnings, save trouble); never the countdown itself. */
  readonly announcement: string;
}

export type RunnerAction<A extends RunnerAttempt = RunnerAttempt> =
  | { readonly type: 'loaded'; readonly attempt: A; readonly answers: Readonly<Record<string, RunnerAnswer>> }
  | { readonly type: 'go'; readonly index: number }
  | { readonly type: 'move'; readonly step: -1 | 1 }
  | { readonly type: 'answer'; readonly itemId: string; readonly answer: RunnerAnswer }
  | { readonly type: 'submitting'; readonly isSubmitting: boolean }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'announce'; readonly text: string };

export function initialRunnerState<A extends RunnerAttempt>(): RunnerState<A> {
  return { attempt: null, index: 0, answers: {}, error: null, isSubmitting: false, announcement: '' };
}

const clampIndex = (index: number, attempt: RunnerAttempt | null) => Math.min(Math.max(0, index), Math.max(0, (attempt?.questions.length ?? 1) - 1));

export function runnerReducer<A extends RunnerAttempt>(state: RunnerState<A>, action: RunnerAction<A>): RunnerState<A> {
  switch (action.type) {
    case 'loaded':
      return { ...state, attempt: action.attempt, answers: action.answers, index: clampIndex(state.index, action.attempt) };
    case 'go':
      return { ...state, index: clampIndex(action.index, state.attempt) };
    case 'move':
      return { ...state, index: clampIndex(state.index + action.step, state.attempt) };
    case 'answer':
      return { ...state, answers: { ...state.answers, [action.itemId]: action.answer } };
    case 'submitting':
      return { ...state, isSubmitting: action.isSubmitting };
    case 'failed':
      return { ...state, error: action.message, isSubmitting: false };
    case 'announce':
      return { ...state, announcement: action.text };
  }
}

/** The response after choosing choice `index` (0-based): the choice itself, or a toggled set for 多选. */
export function chooseResponse(question: RunnerQuestion, response: unknown, index: number, isChecked?: boolean): unknown {
  if (question.type === 'truefalse') return index === 0;
  if (question.type === 'single') return index;
  const current = Array.isArray(response) ? (response as number[]) : [];
  const tick = isChecked ?? !current.includes(index);
  return tick ? [...new Set([...current, index])].sort((a, b) => a - b) : current.filter((value) => value !== index);
}

/** The choice indices a response selects, for rendering option cards. */
export function selectedChoices(question: RunnerQuestion, response: unknown): number[] {
  if (question.type === 'truefalse') return typeof response === 'boolean' ? [response ? 0 : 1] : [];
  if (question.type === 'single') return typeof response === 'number' ? [response] : [];
  return Array.isArray(response) ? (response as number[]).filter((value) => typeof value === 'number') : [];
}

/** What a key press means on the exam page, as practice's shortcuts: 1–9 choose, ←/→ move, F flags. */
export type Shortcut = { readonly type: 'choose'; readonly index: number } | { readonly type: 'move'; readonly step: -1 | 1 } | { readonly type: 'flag' };

/** Where the key was pressed, as far as shortcuts care. */
export interface KeyTarget {
  readonly key: string;
  readonly hasModifier: boolean;
  /** Typing into a text field, a select or an editable element: no shortcut applies. */
  readonly isTyping: boolean;
  /** Focus is on a radio, where the browser's own arrow keys move the choice: ←/→ are left to it. */
  readonly isOnRadio: boolean;
}

/** The shortcut a key press stands for on `question`, or null (the browser keeps the key). */
export function shortcutFor(target: KeyTarget, question: RunnerQuestion): Shortcut | null {
  if (target.hasModifier || target.isTyping) return null;
  if (target.key === 'ArrowLeft' || target.key === 'ArrowRight') return target.isOnRadio ? null : { type: 'move', step: target.key === 'ArrowLeft' ? -1 : 1 };
  if (target.key === 'f' || target.key === 'F') return { type: 'flag' };
  if (question.type === 'ordering' || !/^[1-9]$/.test(target.key)) return null;
  const index = Number(target.key) - 1;
  return index < question.choices.length ? { type: 'choose', index } : null;
}

/** Question numbers (1-based) whose id `pick` selects. */
export const numbersOf = (questions: readonly RunnerQuestion[], pick: (id: string) => boolean): number[] =>
  questions.flatMap((question, position) => (pick(question.id) ? [position + 1] : []));

/** The confirmation before submitting: which questions are still unanswered or flagged, by number. */
export function submitPrompt(questions: readonly RunnerQuestion[], answers: Readonly<Record<string, RunnerAnswer>>): string {
  const unanswered = numbersOf(questions, (id) => answers[id]?.response == null);
  const flagged = numbersOf(questions, (id) => answers[id]?.flagged === true);
  return [
    ...(unanswered.length ? [`还有 ${unanswered.length} 题未作答：第 ${unanswered.join('、')} 题。`] : []),
    ...(flagged.length ? [`已标记 ${flagged.length} 题待复查：第 ${flagged.join('、')} 题。`] : []),
    '确定交卷吗？交卷后不能再修改。',
  ].join('\n');
}

/** Milliseconds as mm:ss, rounded up, never below 00:00. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Remaining times (seconds) announced to screen readers; the visible countdown itself is never announced. */
export const TIME_WARNINGS: readonly (readonly [number, string])[] = [
  [300, '考试剩余 5 分钟。'],
  [60, '考试剩余 1 分钟。'],
];

/** The warnings due at `remainingMs` that were not announced yet (the latest last); a page opened late skips earlier ones. */
export function dueWarnings(remainingMs: number, announced: ReadonlySet<number>): (readonly [number, string])[] {
  return TIME_WARNINGS.filter(([seconds]) => remainingMs <= seconds * 1000 && !announced.has(seconds));
}
