import type { AttemptStatus, AttemptView } from '../../quiz/index.ts';
import { type AreaTally, itemTallies } from './area-accuracy.ts';

/**
 * What the dashboard reads of one attempt: its standing and its per-area tallies, never its answers or questions, so
 * that a store can hand over tens of thousands of them (see the store's `scanAttempts`).
 */
export interface DashboardAttempt {
  readonly id: string;
  readonly userId: string;
  readonly startedAt: number;
  readonly status: AttemptStatus;
  /** The grade; null while in progress and for an attempt that expired ungraded. */
  readonly result: { readonly score: number; readonly maxScore: number; readonly passed: boolean } | null;
  /** Items right out of items asked per rule area, in first-seen order (see `itemTallies`); empty unless graded. */
  readonly areas: readonly AreaTally[];
}

/** A dashboard attempt with a grade: submitted, or expired and graded on what was saved in time. */
export type ScoredDashboardAttempt = DashboardAttempt & { readonly result: NonNullable<DashboardAttempt['result']> };

export function isScored(attempt: DashboardAttempt): attempt is ScoredDashboardAttempt {
  return attempt.status !== 'in-progress' && attempt.result !== null;
}

/** A full attempt as the dashboard reads it (its tallies counted from its per-item results). */
export function dashboardAttempt(attempt: AttemptView): DashboardAttempt {
  const graded = attempt.status !== 'in-progress' && attempt.result !== null;
  return { ...attempt, areas: graded ? itemTallies(attempt.result!.perItem) : [] };
}

export interface AttemptCounts {
  readonly total: number;
  readonly inProgress: number;
  readonly submitted: number;
  /** Closed by the deadline rather than by the trainee; graded on what was saved in time. */
  readonly expired: number;
}

export function isClosed(attempt: Pick<DashboardAttempt, 'status'>): boolean {
  return attempt.status !== 'in-progress';
}

/** A closed attempt counts as passed only with a passing result; one that expired ungraded did not pass. */
export function hasPassed(attempt: Pick<DashboardAttempt, 'status' | 'result'>): boolean {
  return isClosed(attempt) && attempt.result?.passed === true;
}

export function attemptCounts(attempts: readonly Pick<DashboardAttempt, 'status'>[]): AttemptCounts {
  const count = (status: AttemptStatus) => attempts.filter((attempt) => attempt.status === status).length;
  return { total: attempts.length, inProgress: count('in-progress'), submitted: count('submitted'), expired: count('expired') };
}
