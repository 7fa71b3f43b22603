import type { PracticeItem } from '../../quiz/index.ts';

/**
 * A trainee's answer as the island holds it: the chosen choice index (single, true/false), the chosen statement
 * indices (multiple), or the steps in the order given (ordering).
 */
export type Answer = number | readonly number[] | readonly string[];

const LETTERS = 'ABCDEFGHIJ';

/** The choice's letter as options are labelled on screen (A, B, …). */
export const choiceLetter = (index: number): string => LETTERS[index] ?? String(index + 1);

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value) => b.includes(value));

/** The item's key in the island's answer form; for true/false, `true` is the first choice. */
export function keyAnswer(item: PracticeItem): Answer {
  return typeof item.key === 'boolean' ? (item.key ? 0 : 1) : item.key;
}

/**
 * Whether `answer` is right, graded as `grade()` in src/quiz grades the certification exam: all or nothing, and an
 * answer of the wrong shape is wrong.
 */
export function isCorrect(item: PracticeItem, answer: Answer): boolean {
  const key = keyAnswer(item);
  if (typeof key === 'number') return answer === key;
  if (!Array.isArray(answer) || answer.length !== key.length) return false;
  if (item.type === 'ordering') return key.every((step, index) => answer[index] === step);
  return answer.every((value) => typeof value === 'number') && sameSet(answer as readonly number[], key as readonly number[]);
}

/** The lines that show an answer: lettered choices, or numbered steps for ordering. */
export function answerLines(item: PracticeItem, answer: Answer): string[] {
  if (item.type === 'truefalse') return [item.choices[answer as number] ?? ''];
  if (item.type === 'ordering') return (answer as readonly string[]).map((step, index) => `${index + 1}. ${step}`);
  const chosen = typeof answer === 'number' ? [answer] : [...(answer as readonly number[])].sort((a, b) => a - b);
  if (chosen.length === 0) return ['（一项都没有选）'];
  return chosen.map((index) => `${choiceLetter(index)}. ${item.choices[index] ?? ''}`);
}

/** What the feedback panel shows and the live region says after an answer. */
export interface FeedbackView {
  readonly isCorrect: boolean;
  readonly yours: readonly string[];
  readonly correct: readonly string[];
  readonly announcement: string;
}

/** Grades `answer` and words the result for the feedback panel. */
export function feedbackView(item: PracticeItem, answer: Answer): FeedbackView {
  const right = isCorrect(item, answer);
  const correct = answerLines(item, keyAnswer(item));
  return {
    isCorrect: right,
    yours: answerLines(item, answer),
    correct,
    announcement: right ? '回答正确。' : `回答错误。正确答案：${correct.join('；')}。`,
  };
}
