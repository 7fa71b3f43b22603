import { ROLES, type Role } from './records.ts';

/**
 * The display cookie behind the header's account links on prerendered pages. It is a hint, not a credential: it holds
 * only the name and role the header shows, is readable by script (the session cookie stays HttpOnly), is set and
 * cleared by the server's middleware whenever a page rendered per request sees the session, and grants nothing.
 */
export const ACCOUNT_HINT_COOKIE = 'asa_who';

/** What the header shows of the signed-in account. */
export interface AccountHint {
  readonly name: string;
  readonly role: Role;
}

/** The cookie value for an account: percent-encoded JSON `{ n, r }` (cookie-safe, any name). */
export function accountHintValue(account: AccountHint): string {
  return encodeURIComponent(JSON.stringify({ n: account.name, r: account.role }));
}

/** The account a cookie value names, or `null` when it is missing or not ours. */
export function parseAccountHint(value: string | undefined): AccountHint | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { n, r } = parsed as { n?: unknown; r?: unknown };
    if (typeof n !== 'string' || n.length === 0 || !ROLES.includes(r as Role)) return null;
    return { name: n, role: r as Role };
  } catch {
    return null;
  }
}

/** A header link of the account area. */
export interface AccountLink {
  readonly href: string;
  readonly label: string;
}

/**
 * The header's account links: 登录 when signed out; 我的学习 when signed in, plus 管理 for leads and 出题工作室 for
 * authors.
 */
export function accountLinks(account: AccountHint | null): readonly AccountLink[] {
  if (!account) return [{ href: '/login', label: '登录' }];
  const mine = { href: '/me', label: '我的学习' };
  if (account.role === 'lead') return [mine, { href: '/lead', label: '管理' }];
  if (account.role === 'author') return [mine, { href: '/lead/studio', label: '出题工作室' }];
  return [mine];
}
