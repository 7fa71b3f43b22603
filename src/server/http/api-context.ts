import type { CookieJar } from '../auth/index.ts';

/**
 * What an API handler may read of its request: a subset of Astro's `APIContext`, so one handler runs both inside
 * Astro (`astro dev`, and any route the fast path leaves to Astro) and in the fast path of the built server
 * (`src/server/serve/`), which builds this object without Astro's page pipeline. A handler that needs more of
 * `APIContext` (redirects, rewrites, Astro sessions) is not an `apiRoute` and stays with Astro.
 */
export interface ApiContext {
  readonly request: Request;
  readonly url: URL;
  readonly params: Record<string, string | undefined>;
  readonly cookies: CookieJar;
  readonly locals: App.Locals;
  /** The peer's address; Astro throws where an adapter does not know it, and so may the fast path. */
  readonly clientAddress: string;
}

/** An API handler that needs only an `ApiContext`; assignable to Astro's `APIRoute`. */
export type ApiHandler = (context: ApiContext) => Promise<Response> | Response;

const PORTABLE = Symbol.for('after-sales-academy/portable-api-handler');

/** Marks `handler` as safe to run outside Astro (it reads only `ApiContext`); returns it. */
export function portable<H extends ApiHandler>(handler: H): H {
  Object.defineProperty(handler, PORTABLE, { value: true });
  return handler;
}

/** Whether a route module's export was made by `apiRoute`/`portable`, so the fast path may call it. */
export function isPortable(value: unknown): value is ApiHandler {
  return typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[PORTABLE] === true;
}
