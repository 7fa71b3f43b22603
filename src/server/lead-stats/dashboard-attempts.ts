import type { DashboardAttempt } from '../../present/index.ts';
import { type AttemptDigest, attemptDigests, type AttemptFilter, type Store } from '../store/index.ts';

/** A store digest as the dashboard reads it: the grade when there is one, and the per-area tallies stored with it. */
export function dashboardAttemptOf(digest: AttemptDigest): DashboardAttempt {
  const graded = digest.status !== 'in-progress' && digest.score !== null && digest.maxScore !== null && digest.passed !== null;
  return {
    id: digest.id,
    userId: digest.userId,
    startedAt: digest.startedAt,
    status: digest.status,
    result: graded ? { score: digest.score!, maxScore: digest.maxScore!, passed: digest.passed! } : null,
    areas: graded ? digest.areas : [],
  };
}

/**
 * The attempts a dashboard, completion board or exam statistic adds up, from the store's digests (lowdb: the attempt
 * index; PostgreSQL: a few columns per row): no answer and no question is read, so 50,000 attempts take a fraction of
 * a second where reading every attempt took seconds.
 */
export async function dashboardAttempts(store: Store, filter: AttemptFilter): Promise<DashboardAttempt[]> {
  return (await attemptDigests(store, filter)).map(dashboardAttemptOf);
}
