import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ApiHandler, isPortable } from '../http/index.ts';

/** One endpoint file the fast path serves: its pattern and the handlers it exports, by method (`ALL` included). */
export interface FastRoute {
  /** e.g. `/api/attempts/[id]/answers`, as Astro's file router names it. */
  readonly pattern: string;
  readonly file: string;
  /** Path segments; a `[name]` segment is a parameter. */
  readonly segments: readonly string[];
  readonly handlers: Readonly<Record<string, ApiHandler>>;
}

/** A request matched to a fast route. */
export interface FastMatch {
  readonly route: FastRoute;
  readonly params: Record<string, string>;
  readonly handler: ApiHandler;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ALL'] as const;
// A path segment the fast path matches as is. Anything else (percent-encoding, dots, a trailing slash, upper case in
// a different spelling) goes to Astro, whose router and decoding then decide exactly as before.
const PLAIN_SEGMENT = /^[A-Za-z0-9_~-]+(\.[A-Za-z0-9]+)?$/;
const PARAM = /^\[([A-Za-z_][A-Za-z0-9_]*)\]$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function patternOf(pagesDir: string, file: string): string {
  const path = `/${relative(pagesDir, file).replace(/\.ts$/, '').split(sep).join('/')}`.replace(/\/index$/, '');
  return path === '' ? '/' : path;
}

/**
 * Imports every endpoint under `<pagesDir>/api` (and `<pagesDir>/healthz.ts`) and keeps those whose exported handlers
 * are all portable (made by `apiRoute`, `portable` or `methodNotAllowed`, which read only an `ApiContext`): the
 * built server then answers them without Astro's page pipeline. A route with any other export, a rest parameter,
 * `prerender` not false, or a file that does not import outside Vite, is left to Astro, which serves it as before.
 * @returns the fast routes, and the files left to Astro with the reason, for the start-up log.
 */
export async function loadFastRoutes(
  pagesDir: string,
): Promise<{ readonly routes: FastRoute[]; readonly leftToAstro: { readonly file: string; readonly reason: string }[] }> {
  const files = [...filesUnder(join(pagesDir, 'api')), join(pagesDir, 'healthz.ts')]
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !relative(pagesDir, file).split(sep).some((part) => part.startsWith('_')))
    .sort();
  const routes: FastRoute[] = [];
  const leftToAstro: { file: string; reason: string }[] = [];
  for (const file of files) {
    const pattern = patternOf(pagesDir, file);
    const shown = relative(join(pagesDir, '..', '..'), file);
    const segments = pattern.split('/').slice(1);
    if (!segments.every((segment) => PARAM.test(segment) || PLAIN_SEGMENT.test(segment))) {
      leftToAstro.push({ file: shown, reason: 'its path has a segment the fast path does not route' });
      continue;
    }
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (error) {
      leftToAstro.push({ file: shown, reason: `it does not load outside Astro (${String(error).split('\n')[0]})` });
      continue;
    }
    if (module['prerender'] !== false) {
      leftToAstro.push({ file: shown, reason: 'it is not `prerender = false`' });
      continue;
    }
    const handlers: Record<string, ApiHandler> = {};
    let portableOnly = true;
    for (const [name, value] of Object.entries(module)) {
      if (name === 'prerender') continue;
      if ((METHODS as readonly string[]).includes(name) && isPortable(value)) handlers[name] = value;
      else portableOnly = false;
    }
    if (!portableOnly || Object.keys(handlers).length === 0) {
      leftToAstro.push({ file: shown, reason: 'it exports a handler that is not an apiRoute' });
      continue;
    }
    routes.push({ pattern, file: shown, segments, handlers });
  }
  return { routes, leftToAstro };
}

/** Astro's order: a static segment beats a parameter at the first position where two patterns differ. */
function moreSpecific(a: FastRoute, b: FastRoute): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i += 1) {
    const aParam = PARAM.test(a.segments[i]!);
    const bParam = PARAM.test(b.segments[i]!);
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return 0;
}

/**
 * A matcher over the fast routes: a request path (without query) and method to its handler and parameters, or `null`
 * when the fast path does not serve it (no route, a path spelled in any but the plain form, or no handler for the
 * method, e.g. HEAD on a route with `ALL`, which Astro answers as it always did).
 */
export function fastRouter(routes: readonly FastRoute[]): (method: string, pathname: string) => FastMatch | null {
  const byLength = new Map<number, FastRoute[]>();
  for (const route of [...routes].sort(moreSpecific)) {
    const list = byLength.get(route.segments.length) ?? [];
    list.push(route);
    byLength.set(route.segments.length, list);
  }
  // Each pattern segment read once here: a parameter's name, or null for a literal segment.
  const paramNames = new Map(routes.map((route) => [route, route.segments.map((segment) => PARAM.exec(segment)?.[1] ?? null)]));
  return (method, pathname) => {
    const parts = pathname.split('/').slice(1);
    const candidates = byLength.get(parts.length);
    if (!candidates || !parts.every((part) => PLAIN_SEGMENT.test(part))) return null;
    for (const route of candidates) {
      const names = paramNames.get(route)!;
      const params: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < parts.length; i += 1) {
        const name = names[i];
        if (name) params[name] = parts[i]!;
        else if (route.segments[i] !== parts[i]) {
          matched = false;
          break;
        }
      }
      if (!matched) continue;
      // Astro: the method's export, else ALL; a HEAD without either falls to GET (its body then dropped).
      const handler = route.handlers[method] ?? route.handlers['ALL'] ?? (method === 'HEAD' ? route.handlers['GET'] : undefined);
      return handler ? { route, params, handler } : null;
    }
    return null;
  };
}
