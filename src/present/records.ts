// Stored records as the presentation layer reads them. The server's store types (src/server/store/types.ts) are the
// source; these name only what a view shows, and pages pass the server's records in, so TypeScript checks they fit.

/**
 * Every account role, the one list both stores and the access rules use: a 组长 (lead) manages people and authors
 * content, a 出题人 (author) only authors content in the studio, a 学员 (trainee) learns and takes exams.
 */
export const ROLES = ['lead', 'author', 'trainee'] as const;

export type Role = (typeof ROLES)[number];

/** Roles a lead may give a new staff account (trainees are added on the trainee pages). */
export const STAFF_ROLES = ['author', 'lead'] as const satisfies readonly Role[];

export type StaffRole = (typeof STAFF_ROLES)[number];

/** The Chinese name of each role, as the header and the lead's pages show it. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { lead: '组长', author: '出题人', trainee: '学员' };

/** Whether a role may use the authoring studio (/lead/studio and /api/studio). */
export function mayAuthor(role: Role): boolean {
  return role === 'lead' || role === 'author';
}

/** Where an account lands after signing in or activating, unless it asked for a page. */
export function homeOf(role: Role): string {
  return role === 'lead' ? '/lead' : role === 'author' ? '/lead/studio' : '/me';
}

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
