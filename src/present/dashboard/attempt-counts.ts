import type { AttemptView } from '../../quiz/index.ts';

export interface AttemptCounts {
  readonly total: number;
  readonly inProgress: number;
  readonly submitted: number;
  /** Closed by the deadline rather than by the trainee; graded on what was saved in time. */
  readonly expired: number;
}

export function isClosed(attempt: AttemptView): boolean {
  return attempt.status !== 'in-progress';
}

/** A closed attempt counts as passed only with a passing result; one that expired ungraded did not pass. */
export function hasPassed(attempt: AttemptView): boolean {
  return isClosed(attempt) && attempt.result?.passed === true;
}

export function attemptCounts(attempts: readonly AttemptView[]): AttemptCounts {
  const count = (status: AttemptView['status']) => attempts.filter((attempt) => attempt.status === status).length;
  return { total: attempts.length, inProgress: count('in-progress'), submitted: count('submitted'), expired: count('expired') };
}
