import { Agent, request } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  /** Milliseconds from sending to the last byte of the answer. */
  readonly ms: number;
}

/**
 * A keep-alive JSON client for one origin: one connection per concurrent request, reused, like a browser tab each.
 * Network errors resolve with status 0 so a load run counts them instead of stopping.
 */
export function httpClient(origin: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  function send(method: string, path: string, options: { readonly token?: string | null; readonly json?: unknown } = {}) {
    return new Promise<HttpAnswer>((resolve) => {
      const payload = options.json === undefined ? null : Buffer.from(JSON.stringify(options.json));
      const headers: Record<string, string> = { origin };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(payload.length);
      }
      if (options.token) headers['cookie'] = `asa_session=${options.token}`;
      const started = performance.now();
      const req = request(`${origin}${path}`, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        );
        res.on('error', (error) => resolve({ status: 0, body: String(error), ms: performance.now() - started }));
      });
      req.on('error', (error) => resolve({ status: 0, body: String(error), ms: performance.now() - started }));
      req.end(payload ?? undefined);
    });
  }
  /**
   * Like `send`, but a request whose reused keep-alive connection was closed under it (ECONNRESET before any answer)
   * is sent once more, as browsers do for idempotent requests. An autosave is idempotent by its version.
   */
  async function sendIdempotent(method: string, path: string, options: { readonly token?: string | null; readonly json?: unknown } = {}) {
    const first = await send(method, path, options);
    if (first.status !== 0 || !/ECONNRESET|socket hang up/.test(first.body)) return { ...first, retried: false };
    const again = await send(method, path, options);
    return { ...again, ms: again.ms + first.ms, retried: true };
  }
  return { send, sendIdempotent, close: () => agent.destroy() };
}

/** Percentile (nearest rank) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function inParallel<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}
