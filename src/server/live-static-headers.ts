import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface StaticHeaders {
  readonly pathname: string;
  readonly headers: readonly { readonly key: string; readonly value: string }[];
}

/** How often (ms) the served `_headers.json` is looked at again: a publish swaps it, and a page should follow soon after. */
const RECHECK_MS = 1000;

/** `<dist>/_headers.json` of the running server: the folder above the `server/` folder this module runs from. */
function servedHeadersFile(moduleUrl: string): string | null {
  let folder = dirname(fileURLToPath(moduleUrl));
  while (basename(folder) !== 'server' || !existsSync(join(dirname(folder), 'client'))) {
    const up = dirname(folder);
    if (up === folder) return null;
    folder = up;
  }
  return join(dirname(folder), '_headers.json');
}

/**
 * The per-page headers (`_headers.json`) @astrojs/node's static handler applies to prerendered pages, kept live.
 *
 * The adapter reads the file once at start (from the build's absolute outDir) and looks entries up per request
 * (`headersMap.find(...)`). A studio publish swaps in pages the list has never seen — a new case page would be served
 * without its Content-Security-Policy — and rebuilt pages may carry new script hashes. So startup-integration.ts wraps
 * the adapter's list in this proxy: every read re-reads the served `dist/_headers.json` when its mtime changed (checked
 * at most once a second), which the publish replaces atomically after the swap. Every worker process follows on its own.
 */
export function liveStaticHeaders(initial: readonly StaticHeaders[] | undefined, moduleUrl: string = import.meta.url): readonly StaticHeaders[] | undefined {
  const file = servedHeadersFile(moduleUrl);
  if (!initial || !file) return initial;
  let entries: readonly StaticHeaders[] = initial;
  let seenMtime = -1;
  let checkedAt = 0;
  const refresh = () => {
    const now = Date.now();
    if (now - checkedAt < RECHECK_MS) return;
    checkedAt = now;
    try {
      const mtime = statSync(file).mtimeMs;
      if (mtime === seenMtime) return;
      // Once per version of the file, read or not: a broken file is reported once, not every second.
      seenMtime = mtime;
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (Array.isArray(parsed)) entries = parsed as StaticHeaders[];
    } catch (error) {
      // Keep serving the last good list: a missing or half-read file must not strip every page's headers.
      console.error('[static headers] could not read', file, error);
    }
  };
  return new Proxy([] as StaticHeaders[], {
    get(_target, property) {
      refresh();
      const value = Reflect.get(entries, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(entries) : value;
    },
  });
}
