import type { AttemptDigest, AttemptFilter, AttemptsArea } from './store.ts';

/** Digests per page when a caller walks a whole scan: small enough to stream, large enough that round trips do not dominate. */
export const SCAN_PAGE_SIZE = 5_000;

/** Every page of a scan (see AttemptsArea.scanAttempts), oldest first; holds one page at a time. */
export async function* attemptPages(
  store: Pick<AttemptsArea, 'scanAttempts'>,
  filter: AttemptFilter,
  pageSize: number = SCAN_PAGE_SIZE,
): AsyncGenerator<readonly AttemptDigest[]> {
  let after: Parameters<AttemptsArea['scanAttempts']>[1]['after'] = null;
  for (;;) {
    const page = await store.scanAttempts(filter, { after, limit: pageSize });
    if (page.attempts.length > 0) yield page.attempts;
    if (!page.next) return;
    after = page.next;
  }
}

/** Every digest the filter matches, oldest first: for views that add up one exam's attempts (a few numbers each). */
export async function attemptDigests(store: Pick<AttemptsArea, 'scanAttempts'>, filter: AttemptFilter): Promise<AttemptDigest[]> {
  const all: AttemptDigest[] = [];
  for await (const page of attemptPages(store, filter)) all.push(...page);
  return all;
}
