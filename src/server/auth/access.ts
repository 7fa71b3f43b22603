import { mayAuthor } from '../../present/index.ts';
import type { Role } from '../store/index.ts';

/** Who may reach a path: anyone, any signed-in account, the studio's authors (leads and 出题人), or only one role. */
export type Access = 'public' | 'signed-in' | 'studio' | Role;

/**
 * Protected areas by path prefix, checked in order. A prefix covers itself and everything below it
 * (`/lead` covers `/lead/trainees`, not `/leader`).
 */
export const ACCESS_RULES: readonly { readonly prefix: string; readonly access: Access }[] = [
  { prefix: '/api/lead', access: 'lead' },
  { prefix: '/api/studio', access: 'studio' },
  // Ahead of `/lead`: an author reaches the studio but none of the lead's people, results or assignment pages.
  { prefix: '/lead/studio', access: 'studio' },
  { prefix: '/lead', access: 'lead' },
  { prefix: '/api/auth/me', access: 'signed-in' },
  { prefix: '/me', access: 'signed-in' },
  { prefix: '/api/exams', access: 'signed-in' },
  { prefix: '/api/attempts', access: 'signed-in' },
  { prefix: '/api/practice', access: 'signed-in' },
  { prefix: '/exams', access: 'signed-in' },
];

// Each prefix with its trailing slash made once, not per request (this runs on every autosave).
const RULES_WITH_SLASH = ACCESS_RULES.map((rule) => ({ ...rule, below: `${rule.prefix}/` }));

/**
 * The access a request path needs. The path is percent-decoded and lower-cased first, the way a router might read
 * it, so `/%6Cead` or `/LEAD` cannot slip past a check on `/lead`; a path that does not decode is treated as lead-only.
 */
export function requiredAccess(pathname: string): Access {
  let path: string;
  try {
    path = decodeURIComponent(pathname).toLowerCase();
  } catch {
    return 'lead';
  }
  if (path.includes('//')) path = path.replace(/\/{2,}/g, '/');
  for (const rule of RULES_WITH_SLASH) {
    if (path === rule.prefix || path.startsWith(rule.below)) return rule.access;
  }
  return 'public';
}

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** Whether a signed-in role satisfies the access; `null` role means anonymous. */
export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'studio') return mayAuthor(role);
  return access === 'signed-in' || access === role;
}
