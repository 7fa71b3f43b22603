import type { CertificateStatus } from '../../../server/certificates/index.ts';
import type { AttemptRecord, Certificate, User } from '../../../server/store/index.ts';
import { type AreaTally, areaTallies, overallTally } from './area-accuracy.ts';
import { hasPassed, isClosed, isScored, type ScoredAttempt } from './attempt-counts.ts';

/** A certificate with its standing, as src/server/certificates decided it (the dashboard never re-derives it). */
export interface CertificateWithStatus {
  readonly certificate: Certificate;
  readonly status: CertificateStatus;
}

/** One trainee's record at one exam. */
export interface TraineeProgress {
  readonly user: User;
  /** Attempts at the exam, oldest first. */
  readonly attempts: readonly AttemptRecord[];
  readonly scored: readonly ScoredAttempt[];
  readonly hasAttemptInProgress: boolean;
  /** Whether the first attempt passed; null while there is none or it is still open. */
  readonly firstAttemptPassed: boolean | null;
  readonly hasEverPassed: boolean;
  readonly latestClosed: AttemptRecord | null;
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
  user: User,
  attempts: readonly AttemptRecord[],
  certificates: readonly CertificateWithStatus[],
): TraineeProgress {
  const mine = attempts.filter((a) => a.userId === user.id).sort((a, b) => a.startedAt - b.startedAt);
  const closed = mine.filter(isClosed);
  const first = mine[0];
  const newestCertificate = certificates
    .filter((c) => c.certificate.userId === user.id)
    .reduce<CertificateWithStatus | null>((newest, c) => (newest && newest.certificate.issuedAt >= c.certificate.issuedAt ? newest : c), null);
  const areas = areaTallies(mine);
  return {
    user,
    attempts: mine,
    scored: mine.filter(isScored),
    hasAttemptInProgress: mine.some((a) => a.status === 'in-progress'),
    firstAttemptPassed: first && isClosed(first) ? hasPassed(first) : null,
    hasEverPassed: mine.some(hasPassed),
    latestClosed: closed.at(-1) ?? null,
    certificate: newestCertificate,
    areas,
    overall: overallTally(areas),
  };
}
