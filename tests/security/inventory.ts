import type { DiscoveredRoute, Method } from './routes.ts';

/**
 * Who a route is for, as this inventory states it independently of src/server/auth/access.ts: `studio` is the
 * authoring studio, open to leads and 出题人 (authors); `lead` is leads only.
 */
export type Audience = 'public' | 'signed-in' | 'studio' | 'lead';

export interface InventoryEntry {
  readonly audience: Audience;
  /** For endpoints: exactly the methods it may export. Pages answer GET only. */
  readonly methods?: readonly Method[];
}

/**
 * Every route rendered per request, by pattern, except those a prefix below classifies. A new on-demand route that is
 * neither listed nor under a prefix fails the inventory test until someone decides here who may reach it.
 */
export const INVENTORY: Readonly<Record<string, InventoryEntry>> = {
  '/login': { audience: 'public' },
  '/setup': { audience: 'public' },
  '/activate': { audience: 'public' },
  '/verify/[id]': { audience: 'public' },
  '/healthz': { audience: 'public', methods: ['GET'] },
  '/me': { audience: 'signed-in' },
  '/exams/[id]': { audience: 'signed-in' },
  '/api/auth/login': { audience: 'public', methods: ['POST'] },
  '/api/auth/setup': { audience: 'public', methods: ['POST'] },
  '/api/auth/activate': { audience: 'public', methods: ['POST'] },
  '/api/auth/logout': { audience: 'public', methods: ['POST'] },
  '/api/auth/me': { audience: 'signed-in', methods: ['GET'] },
  '/api/exams/[id]/start': { audience: 'signed-in', methods: ['POST'] },
  '/api/attempts/[id]': { audience: 'signed-in', methods: ['GET'] },
  '/api/attempts/[id]/answers': { audience: 'signed-in', methods: ['PUT'] },
  '/api/attempts/[id]/review': { audience: 'signed-in', methods: ['GET'] },
  '/api/attempts/[id]/submit': { audience: 'signed-in', methods: ['POST'] },
  '/api/practice/progress': { audience: 'signed-in', methods: ['GET', 'POST'] },
  '/api/lead/trainees': { audience: 'lead', methods: ['GET', 'POST'] },
  '/api/lead/trainees/import': { audience: 'lead', methods: ['POST'] },
  '/api/lead/trainees/[id]/activation': { audience: 'lead', methods: ['POST'] },
  '/api/lead/trainees/[id]/disable': { audience: 'lead', methods: ['POST'] },
  '/api/lead/trainees/[id]/enable': { audience: 'lead', methods: ['POST'] },
  '/api/lead/staff/[id]/disable': { audience: 'lead', methods: ['POST'] },
  '/api/lead/staff/[id]/enable': { audience: 'lead', methods: ['POST'] },
  '/api/lead/certificates/[id]/revoke': { audience: 'lead', methods: ['POST'] },
  '/api/studio/files': { audience: 'studio', methods: ['GET'] },
  '/api/studio/file': { audience: 'studio', methods: ['GET', 'PUT'] },
  '/api/studio/check': { audience: 'studio', methods: ['POST'] },
  '/api/studio/history': { audience: 'studio', methods: ['GET'] },
  '/api/studio/drafts': { audience: 'studio', methods: ['GET', 'PUT', 'DELETE'] },
  '/api/studio/publish': { audience: 'studio', methods: ['GET', 'POST'] },
  '/api/studio/publish/[job]': { audience: 'studio', methods: ['GET'] },
  '/api/studio/policy-preview/[job]': { audience: 'studio', methods: ['GET'] },
  '/api/studio/preview': { audience: 'studio', methods: ['POST'] },
  '/api/studio/download': { audience: 'studio', methods: ['GET'] },
};

/**
 * Areas the project's access rules protect as a whole: any route below them is classified by prefix, so the lead
 * pages and lead APIs being added need no entry. State-changing handlers are allowed by prefix only under /api/lead.
 */
export const PREFIXES: readonly { readonly prefix: string; readonly audience: Audience; readonly mayChangeState: boolean }[] = [
  { prefix: '/api/lead', audience: 'lead', mayChangeState: true },
  // Before `/lead`: the first matching prefix classifies.
  { prefix: '/lead/studio', audience: 'studio', mayChangeState: false },
  { prefix: '/lead', audience: 'lead', mayChangeState: false },
  { prefix: '/me', audience: 'signed-in', mayChangeState: false },
];

export type Classification =
  | { readonly by: 'entry'; readonly audience: Audience; readonly methods: readonly Method[] | undefined }
  | { readonly by: 'prefix'; readonly audience: Audience; readonly prefix: string; readonly mayChangeState: boolean };

/** How the inventory classifies a route, or `null` when it does not. */
export function classify(route: DiscoveredRoute): Classification | null {
  const entry = INVENTORY[route.pattern];
  if (entry) return { by: 'entry', audience: entry.audience, methods: entry.methods };
  const area = PREFIXES.find(({ prefix }) => route.pattern === prefix || route.pattern.startsWith(`${prefix}/`));
  return area ? { by: 'prefix', ...area } : null;
}
