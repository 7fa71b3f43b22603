/** One question as the exporters write it: format-neutral, with the key spelled out. */
export type ExportQuestion = {
  /** Permanent item id, or `templateId~seed` for a variant: becomes the Moodle name and idnumber, the GIFT title. */
  readonly id: string;
  /** Category path below the root, e.g. ['认证题', '七天无理由', '模板 t-x']. */
  readonly category: readonly string[];
  readonly stem: string;
  /** The author's explanation and the rules the key rests on; empty when there is neither. */
  readonly feedback: string;
} & (
  | { readonly kind: 'single' | 'multiple'; readonly choices: readonly { readonly text: string; readonly correct: boolean }[] }
  | { readonly kind: 'truefalse'; readonly answer: boolean }
  /** The steps in the keyed order; exported as a matching question (step → 第 N 步). */
  | { readonly kind: 'ordering'; readonly steps: readonly string[] }
);

/** A bank entry the exporters could not express, and why (in Chinese, for the lead). */
export interface SkippedQuestion {
  readonly id: string;
  readonly reason: string;
}

/** The category every exported question sits under. */
export const EXPORT_ROOT_CATEGORY = '售后规则学堂';

/** Moodle's matching question needs at least this many answers, so shorter orderings cannot be exported. */
export const MIN_MATCHING_STEPS = 3;

/** Grades as Moodle writes them: at most 5 decimals (33.33333), no trailing zeros. */
export function moodleFraction(value: number): string {
  return String(Number(value.toFixed(5)));
}

/**
 * Moodle fractions for a multiple-answer question: each correct statement 100/k (they add up to 100 after Moodle's
 * 2-decimal rounding), each wrong statement −100, so choosing any wrong statement scores 0 — the nearest core Moodle
 * gets to our all-or-nothing grading (a response missing a correct statement still earns part marks there).
 */
export function multipleFractions(choices: readonly { readonly correct: boolean }[]): string[] {
  const correct = choices.filter((choice) => choice.correct).length;
  return choices.map((choice) => (choice.correct ? moodleFraction(100 / correct) : '-100'));
}

/** Step position label used as the matching answer. */
export const stepLabel = (index: number) => `第 ${index + 1} 步`;

/** The text a Moodle true/false question needs when the item asks 是/否 rather than 正确/错误. */
export const YES_NO_HINT = '（“是”请选“对”，“否”请选“错”）';
