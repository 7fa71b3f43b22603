import type { CertificateStatus } from '../certificate-status.ts';
import type { CertificateView, UserView } from '../records.ts';
import { type AreaTally, mergeTallies, overallTally } from './area-accuracy.ts';
import { type DashboardAttempt, hasPassed, isClosed, isScored, type ScoredDashboardAttempt } from './attempt-counts.ts';

/** A certificate with its standing, as src/server/certificates decided it (the dashboard never re-derives it). */
export interface CertificateWithStatus {
  readonly certificate: CertificateView;
  readonly status: CertificateStatus;
}

/** One trainee's record at one exam. */
export interface TraineeProgress {
  readonly user: UserView;
  /** Attempts at the exam, oldest first. */
  readonly attempts: readonly DashboardAttempt[];
  readonly scored: readonly ScoredDashboardAttempt[];
  readonly hasAttemptInProgress: boolean;
  /** Whether the first attempt passed; null while there is none or it is still open. */
  readonly firstAttemptPassed: boolean | null;
  readonly hasEverPassed: boolean;
  readonly latestClosed: DashboardAttempt | null;
  /** The most recently issued certificate for the exam, whatever its status. */
  readonly certificate: CertificateWithStatus | null;
  /** Per rule area over every scored attempt. */
  readonly areas: readonly AreaTally[];
  readonly overall: AreaTally;
}

/**
 * Gathers one trainee's attempts and certificates at one exam. `attempts` and `certificates` may cover other users;
 * only the trainee's are kept.
 */
export function traineeProgress(
  user: UserView,
  attempts: readonly DashboardAttempt[],
  certificates: readonly CertificateWithStatus[],
): TraineeProgress {
  const mine = attempts.filter((a) => a.userId === user.id).sort((a, b) => a.startedAt - b.startedAt);
  const closed = mine.filter(isClosed);
  const first = mine[0];
  const newestCertificate = certificates
    .filter((c) => c.certificate.userId === user.id)
    .reduce<CertificateWithStatus | null>((newest, c) => (newest && newest.certificate.issuedAt >= c.certificate.issuedAt ? newest : c), null);
  const scored = mine.filter(isScored);
  const areas = mergeTallies(scored.map((a) => a.areas));
  return {
    user,
    attempts: mine,
    scored,
    hasAttemptInProgress: mine.some((a) => a.status === 'in-progress'),
    firstAttemptPassed: first && isClosed(first) ? hasPassed(first) : null,
    hasEverPassed: mine.some(hasPassed),
    latestClosed: closed.at(-1) ?? null,
    certificate: newestCertificate,
    areas,
    overall: overallTally(areas),
  };
}
