import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT } from '../server/built-server.ts';

export const PAGES_DIR = join(ROOT, 'src/pages');

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const STATE_CHANGING: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** One file under src/pages as the router sees it. */
export interface DiscoveredRoute {
  /** Path relative to the repository root, for messages. */
  readonly file: string;
  /** Route pattern with Astro's brackets kept, e.g. `/api/attempts/[id]/answers`. */
  readonly pattern: string;
  readonly isApi: boolean;
  /** Rendered per request (`export const prerender = false`); everything else is static in this project. */
  readonly isOnDemand: boolean;
  /** An endpoint (.ts/.js) rather than a page (.astro/.md/.mdx). */
  readonly isEndpoint: boolean;
  /** HTTP methods an endpoint exports (ALL excluded); a page answers GET. */
  readonly methods: readonly Method[];
  /** Whether an endpoint exports `ALL` (the project's 405 catch-all). */
  readonly hasCatchAll: boolean;
  /** Names of the bracketed parameters in order. */
  readonly params: readonly string[];
}

const PAGE_EXTENSIONS = ['.astro', '.md', '.mdx', '.html'];
const ENDPOINT_EXTENSIONS = ['.ts', '.js', '.mjs'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function patternOf(file: string, extension: string): string {
  const withoutExtension = relative(PAGES_DIR, file).slice(0, -extension.length).split(sep).join('/');
  const path = `/${withoutExtension}`.replace(/\/index$/, '');
  return path === '' ? '/' : path;
}

/**
 * Every route file under src/pages, read the way Astro's file router reads it. Files whose name starts with `_` are
 * not routes. Exported methods are found by their `export const|function NAME` declarations, the only form the project
 * uses; a re-export form would be missed, so the inventory test also requires every endpoint to export `ALL`.
 */
export function discoverRoutes(): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const path of filesUnder(PAGES_DIR).sort()) {
    if (path.split(sep).some((part) => part.startsWith('_'))) continue;
    const page = PAGE_EXTENSIONS.find((ext) => path.endsWith(ext));
    const endpoint = ENDPOINT_EXTENSIONS.find((ext) => path.endsWith(ext) && !path.endsWith('.d.ts'));
    const extension = page ?? endpoint;
    if (!extension) continue;
    const source = readFileSync(path, 'utf8');
    const pattern = patternOf(path, extension);
    const exported = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|ALL)\b/g)].map(
      (match) => match[1]!,
    );
    routes.push({
      file: relative(ROOT, path),
      pattern,
      isApi: pattern === '/api' || pattern.startsWith('/api/'),
      isOnDemand: /export\s+const\s+prerender\s*=\s*false/.test(source),
      isEndpoint: endpoint !== undefined,
      methods: endpoint ? (exported.filter((m) => m !== 'ALL') as Method[]) : ['GET'],
      hasCatchAll: exported.includes('ALL'),
      params: [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!),
    });
  }
  return routes;
}

/** The on-demand routes: what the running server answers per request. */
export function onDemandRoutes(): DiscoveredRoute[] {
  return discoverRoutes().filter((route) => route.isOnDemand);
}

/** A concrete path for a pattern, each parameter percent-encoded (UTF-8) from `values`, falling back to `fallback`. */
export function pathFor(pattern: string, values: Readonly<Record<string, string>> = {}, fallback = 'no-such-id'): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => encodePathSegment(values[name] ?? fallback));
}

/**
 * Percent-encodes every byte outside RFC 3986's unreserved set, from the UTF-8 bytes, so any JavaScript string
 * (lone surrogates included, which become U+FFFD) yields a well-formed path segment.
 */
export function encodePathSegment(value: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
