import type { AttemptRecord, AttemptResult } from '../../../server/store/index.ts';

export interface AttemptCounts {
  readonly total: number;
  readonly inProgress: number;
  readonly submitted: number;
  /** Closed by the deadline rather than by the trainee; graded on what was saved in time. */
  readonly expired: number;
}

/** An attempt that has a graded result: submitted, or expired and graded. */
export type ScoredAttempt = AttemptRecord & { readonly result: AttemptResult };

export function isScored(attempt: AttemptRecord): attempt is ScoredAttempt {
  return attempt.status !== 'in-progress' && attempt.result !== null;
}

export function isClosed(attempt: AttemptRecord): boolean {
  return attempt.status !== 'in-progress';
}

/** A closed attempt counts as passed only with a passing result; one that expired ungraded did not pass. */
export function hasPassed(attempt: AttemptRecord): boolean {
  return isClosed(attempt) && attempt.result?.passed === true;
}

export function attemptCounts(attempts: readonly AttemptRecord[]): AttemptCounts {
  const count = (status: AttemptRecord['status']) => attempts.filter((attempt) => attempt.status === status).length;
  return { total: attempts.length, inProgress: count('in-progress'), submitted: count('submitted'), expired: count('expired') };
}
