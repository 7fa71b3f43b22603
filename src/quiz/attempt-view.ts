import type { AttemptEntry } from './exam-assembly.ts';

// The one attempt model every analysis reads (item analysis here, the lead dashboard in src/present). It is the
// server's stored AttemptRecord seen from below: the server passes its records in and TypeScript checks they fit.

export type AttemptStatus = 'in-progress' | 'submitted' | 'expired';

/** The official grade of a closed attempt. */
export interface AttemptResultView {
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  readonly perItem: readonly { readonly itemId: string; readonly correct: boolean; readonly ruleArea: string }[];
  readonly certificateId: string | null;
}

/** One exam attempt: who took which exam, the questions drawn, the answers saved and, once closed, the grade. */
export interface AttemptView {
  readonly id: string;
  readonly examId: string;
  readonly userId: string;
  readonly items: readonly AttemptEntry[];
  readonly startedAt: number;
  readonly status: AttemptStatus;
  readonly answers: Readonly<Record<string, { readonly response: unknown }>>;
  readonly submittedAt: number | null;
  readonly result: AttemptResultView | null;
}

/** An attempt with a grade: submitted, or expired and graded on what was saved in time. */
export type GradedAttempt = AttemptView & { readonly result: AttemptResultView };

export function isGraded(attempt: AttemptView): attempt is GradedAttempt {
  return attempt.status !== 'in-progress' && attempt.result !== null;
}
