import type { Role, User } from '../store/index.ts';
import { homeOf } from '../../present/index.ts';

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
 * `path` when it is a path on this site, with every character outside printable ASCII percent-encoded (UTF-8) so it
 * can stand in a `Location` header; `null` for anything a browser could take elsewhere (`//host`, `/\host`,
 * `https:`), for any control character (browsers drop tabs and line breaks inside a URL, so `/<TAB>/evil.example`
 * would become `//evil.example`) and for text that is not well-formed Unicode. The path is not normalised: `/..//x`
 * stays a path on this host, where normalising would turn it into `//x`.
 */
export function sameSitePath(path: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point (see above)
  if (!path || !/^\/(?![/\\])/.test(path) || /[\u0000-\u001f\u007f]/.test(path) || !path.isWellFormed()) return null;
  return path.replace(/[^\u0021-\u007e]/gu, (char) => encodeURIComponent(char));
}

/** Where an account lands after signing in: a same-site `next`, else its role's home page. */
export function homeAfterSignIn(role: Role, next: string | null | undefined): string {
  return sameSitePath(next) ?? homeOf(role);
}
