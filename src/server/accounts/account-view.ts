import type { Role, User } from '../store/index.ts';

/** What the API tells a client about an account: never the password hash. */
export interface AccountView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly employeeId: string;
  readonly cohort: string | null;
}

export function accountView(user: User): AccountView {
  return { id: user.id, name: user.name, role: user.role, employeeId: user.employeeId, cohort: user.cohort };
}

/**
 * `path` when it is a path on this site; `null` for anything a browser could take elsewhere (`//host`, `/\host`,
 * `https:`), and for any control character: browsers drop tabs and line breaks inside a URL, so `/<TAB>/evil.example`
 * would become `//evil.example`.
 */
export function sameSitePath(path: string | null | undefined): string | null {
  return path && /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f\u007f]/.test(path) ? path : null;
}

/** Where an account lands after signing in: a same-site `next`, else its role's home page. */
export function homeAfterSignIn(role: Role, next: string | null | undefined): string {
  return sameSitePath(next) ?? (role === 'lead' ? '/lead' : '/me');
}
