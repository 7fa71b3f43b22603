import { getStore } from '../server/index.ts';
import { methodNotAllowed, portable } from '../server/http/index.ts';

export const prerender = false;

/**
 * Health check for load balancers and reverse proxies: 200 `{ status: 'ok', store }` when the store answers,
 * 503 `{ status: 'unavailable', store }` when it does not. Public, no account data, never cached.
 */
export const GET = portable(async () => {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  let kind: string | null = null;
  try {
    const store = await getStore();
    kind = store.kind;
    await store.ping();
    return new Response(JSON.stringify({ status: 'ok', store: kind }), { status: 200, headers });
  } catch (error) {
    console.error('[healthz] store check failed:', error instanceof Error ? error.message : error);
    return new Response(JSON.stringify({ status: 'unavailable', store: kind }), { status: 503, headers });
  }
});

export const ALL = methodNotAllowed;
