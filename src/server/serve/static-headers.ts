import { readFileSync, statSync } from 'node:fs';

/** One prerendered page's headers as the node adapter writes them to `dist/_headers.json`. */
interface HeadersEntry {
  readonly pathname: string;
  readonly headers: readonly { readonly key: string; readonly value: string }[];
}

export type PageHeaders = HeadersEntry['headers'];

/** How often (ms) the served `_headers.json` is looked at again: a publish swaps it, and a page should follow soon after. */
const RECHECK_MS = 1000;

/** `/a/b/`, `/a/b` and `/a/b/index.html` are one page. */
export function pageKey(pathname: string): string {
  const bare = pathname.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  return bare === '' ? '/' : bare;
}

/** Looks a page up by any of its spellings (`/a/b/`, `/a/b`, `/a/b/index.html`). */
export interface PageHeadersMap {
  get(pathname: string): PageHeaders | undefined;
  readonly size: number;
}

/**
 * The per-page headers of `dist/_headers.json`, kept live.
 *
 * A studio publish swaps in pages the list has never seen (a new case page would be served without its
 * Content-Security-Policy) and rebuilt pages may carry new script hashes. So every call re-reads the file when its mtime
 * changed (checked at most once a second); the publish replaces it atomically after the swap, and every worker process
 * follows on its own. A missing or half-written file keeps the last good list: it must not strip every page's headers.
 * @returns a getter for the current map (cheap: one `stat` a second at most).
 */
export function livePageHeaders(file: string): () => PageHeadersMap {
  let pages = new Map<string, PageHeaders>();
  let seenMtime = -1;
  let checkedAt = -Infinity;
  const view: PageHeadersMap = {
    get: (pathname) => pages.get(pageKey(pathname)),
    get size() {
      return pages.size;
    },
  };
  return () => {
    const now = Date.now();
    if (now - checkedAt < RECHECK_MS) return view;
    checkedAt = now;
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      return view; // No file (a build without prerendered pages): no page headers.
    }
    if (mtime === seenMtime) return view;
    // Once per version of the file, read or not: a broken file is reported once, not every second.
    seenMtime = mtime;
    try {
      const next = new Map<string, PageHeaders>();
      for (const entry of JSON.parse(readFileSync(file, 'utf8')) as HeadersEntry[]) next.set(pageKey(entry.pathname), entry.headers);
      pages = next;
    } catch (error) {
      console.error('[static headers] could not read', file, error);
    }
    return view;
  };
}
