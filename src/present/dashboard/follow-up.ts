import type { TraineeProgress } from './trainee-progress.ts';

/** A valid certificate expiring within this many days puts its holder on the follow-up list. */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export type FollowUpReason =
  | { readonly kind: 'needs-recertification'; readonly certificateId: string }
  | { readonly kind: 'expired'; readonly certificateId: string; readonly expiredAt: number }
  | { readonly kind: 'revoked'; readonly certificateId: string; readonly revokedAt: number; readonly reason: string | null }
  | { readonly kind: 'expiring'; readonly certificateId: string; readonly expiresAt: number; readonly daysLeft: number }
  | { readonly kind: 'failed'; readonly attemptId: string; readonly attemptsUsed: number; readonly attemptsAllowed: number };

export interface FollowUp {
  readonly progress: TraineeProgress;
  /** Most urgent first; never empty. */
  readonly reasons: readonly FollowUpReason[];
}

/** Most urgent first: a certificate that no longer counts, then one about to lapse, then a failed trainee. */
const URGENCY: readonly FollowUpReason['kind'][] = ['needs-recertification', 'expired', 'revoked', 'expiring', 'failed'];

/**
 * Why a lead should act on this trainee now, judged on the newest certificate and the latest closed attempt:
 * that certificate needs recertification, has expired, was revoked, or expires within `warningDays` (whole days left,
 * rounded up); or the latest closed attempt failed with no attempt open and no valid certificate.
 */
export function followUpReasons(
  progress: TraineeProgress,
  now: number,
  attemptsAllowed: number,
  warningDays: number = CERTIFICATE_EXPIRY_WARNING_DAYS,
): FollowUpReason[] {
  const reasons: FollowUpReason[] = [];
  const held = progress.certificate;
  if (held) {
    const { certificate, status } = held;
    if (status === 'needs-recertification') reasons.push({ kind: 'needs-recertification', certificateId: certificate.id });
    else if (status === 'expired') reasons.push({ kind: 'expired', certificateId: certificate.id, expiredAt: certificate.expiresAt });
    else if (status === 'revoked')
      reasons.push({ kind: 'revoked', certificateId: certificate.id, revokedAt: certificate.revokedAt ?? certificate.issuedAt, reason: certificate.revokedReason });
    else if (certificate.expiresAt - now <= warningDays * DAY_MS)
      reasons.push({ kind: 'expiring', certificateId: certificate.id, expiresAt: certificate.expiresAt, daysLeft: Math.ceil((certificate.expiresAt - now) / DAY_MS) });
  }
  const latest = progress.latestClosed;
  const holdsValid = held?.status === 'valid';
  if (latest && latest.result?.passed !== true && !progress.hasAttemptInProgress && !holdsValid) {
    reasons.push({ kind: 'failed', attemptId: latest.id, attemptsUsed: progress.attempts.length, attemptsAllowed });
  }
  return reasons.sort((a, b) => URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind));
}

/** The trainees with a reason to follow up, most urgent first; among equals, the soonest expiry, then 工号. */
export function followUps(progresses: readonly TraineeProgress[], now: number, attemptsAllowed: number, warningDays?: number): FollowUp[] {
  const rank = (f: FollowUp) => URGENCY.indexOf(f.reasons[0]!.kind);
  const expiry = (f: FollowUp) => (f.reasons[0]!.kind === 'expiring' ? f.reasons[0]!.expiresAt : 0);
  return progresses
    .map((progress) => ({ progress, reasons: followUpReasons(progress, now, attemptsAllowed, warningDays) }))
    .filter((f) => f.reasons.length > 0)
    .sort(
      (a, b) =>
        rank(a) - rank(b) || expiry(a) - expiry(b) || a.progress.user.employeeId.localeCompare(b.progress.user.employeeId),
    );
}
