import type { CertificateStatus } from '../certificate-status.ts';
import type { CertificateView } from '../records.ts';

/** Where one trainee stands on one assignment. */
export type AssignmentStatus = 'not-started' | 'in-progress' | 'passed' | 'overdue' | 'needs-recertification';

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  'not-started': '未开始',
  'in-progress': '进行中',
  passed: '已通过',
  overdue: '已逾期',
  'needs-recertification': '需重新认证',
};

/** What the status reads of an attempt: AttemptSummary and AttemptRecord both fit. */
export interface AttemptStanding {
  readonly id: string;
  readonly userId: string;
  readonly examId: string;
  readonly startedAt: number;
  readonly status: 'in-progress' | 'submitted' | 'expired';
}

export interface CertificateStanding {
  readonly certificate: Pick<CertificateView, 'id' | 'userId' | 'examId' | 'issuedAt' | 'expiresAt'>;
  readonly status: CertificateStatus;
}

/** The part of an assignment the status reads. */
export interface AssignmentDue {
  readonly examId: string;
  readonly opensAt: number;
  readonly closesAt: number | null;
  readonly dueAt: number;
}

export interface AssigneeStatus {
  readonly status: AssignmentStatus;
  /** When the valid certificate that completes the assignment was issued (status `passed`). */
  readonly passedAt: number | null;
  /** The open attempt to continue, if any. */
  readonly openAttemptId: string | null;
  /** Attempts counted for this round (since a lapsed certificate, when there is one). */
  readonly attemptsThisRound: number;
  /** How long past the due date (status `overdue`), in ms; otherwise null. */
  readonly lateMs: number | null;
}

/**
 * One trainee's standing on one assignment at `now`, from their attempts and certificates (any exam; only the
 * assignment's exam is read). In order of precedence:
 * - `passed`: the trainee holds a valid certificate of the exam, whenever it was earned (a holder is compliant);
 * - `needs-recertification`: no valid one, and the newest certificate expired or needs recertification: the holder is
 *   back on the assignment, due again, and only attempts started after that certificate count for this round;
 * - `overdue`: the due date has passed without a valid certificate (an attempt still open does not change that);
 * - `in-progress`: an attempt is open, or one was made and did not pass;
 * - `not-started`.
 * A revoked certificate counts as none.
 */
export function assigneeStatus(
  userId: string,
  assignment: AssignmentDue,
  attempts: readonly AttemptStanding[],
  certificates: readonly CertificateStanding[],
  now: number,
): AssigneeStatus {
  const certs = certificates.filter((c) => c.certificate.userId === userId && c.certificate.examId === assignment.examId);
  const valid = certs
    .filter((c) => c.status === 'valid')
    .reduce<CertificateStanding | null>((newest, c) => (newest && newest.certificate.issuedAt >= c.certificate.issuedAt ? newest : c), null);
  const lapsed = certs
    .filter((c) => c.status === 'expired' || c.status === 'needs-recertification')
    .reduce<CertificateStanding | null>((newest, c) => (newest && newest.certificate.issuedAt >= c.certificate.issuedAt ? newest : c), null);
  const since = valid === null && lapsed !== null ? lapsed.certificate.issuedAt : Number.NEGATIVE_INFINITY;
  const mine = attempts.filter((a) => a.userId === userId && a.examId === assignment.examId && a.startedAt >= since);
  const open = mine.find((a) => a.status === 'in-progress') ?? null;
  const base = { passedAt: null, openAttemptId: open?.id ?? null, attemptsThisRound: mine.length, lateMs: null };
  if (valid) return { ...base, status: 'passed', passedAt: valid.certificate.issuedAt };
  if (lapsed) return { ...base, status: 'needs-recertification' };
  if (now >= assignment.dueAt) return { ...base, status: 'overdue', lateMs: now - assignment.dueAt };
  if (mine.length > 0) return { ...base, status: 'in-progress' };
  return { ...base, status: 'not-started' };
}

/** How late, in words: 「3 天 4 小时」, 「5 小时」, 「不到 1 小时」. */
export function lateText(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return '不到 1 小时';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return `${hours} 小时`;
  return rest === 0 ? `${days} 天` : `${days} 天 ${rest} 小时`;
}

/** An instant as a datetime-local input's value in Beijing time, e.g. `2026-12-31T18:00`. */
export function datetimeLocalValue(at: number): string {
  const shifted = new Date(at + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}
