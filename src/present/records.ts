// Stored records as the presentation layer reads them. The server's store types (src/server/store/types.ts) are the
// source; these name only what a view shows, and pages pass the server's records in, so TypeScript checks they fit.

export type Role = 'lead' | 'trainee';

/** An account as views show it (never its password hash). */
export interface UserView {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  /** 工号: the login name. */
  readonly employeeId: string;
  readonly cohort: string | null;
  readonly createdAt: number;
  readonly activatedAt: number | null;
  readonly disabled: boolean;
}

/** An issued certificate. */
export interface CertificateView {
  readonly id: string;
  readonly userId: string;
  readonly examId: string;
  readonly attemptId: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly edition: string;
  /** Rule ids the exam covered. */
  readonly rules: readonly string[];
  readonly revokedAt: number | null;
  readonly revokedReason: string | null;
}
