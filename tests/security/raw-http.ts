import { Agent, request } from 'node:http';

/** What a test sends, byte for byte: no header is added except Host and Content-Length. */
export interface RawRequest {
  readonly method: string;
  /** Path and query, already percent-encoded. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Source address to connect from (any 127.0.0.0/8 address works on Linux), to act as another client. */
  readonly localAddress?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** Set-Cookie lines as sent. */
  readonly setCookies: readonly string[];
  header(name: string): string | undefined;
  /** The parsed body; throws when it is not JSON. */
  json<T = unknown>(): T;
}

// One keep-alive pool per server, closed before the server stops: an idle kept-alive socket would otherwise hold a
// stopping server open for its whole keep-alive timeout.
const agents = new Map<string, Agent>();

/** Closes the kept-alive connections to `base`. */
export function closeConnections(base: string): void {
  agents.get(base)?.destroy();
  agents.delete(base);
}

function agentFor(base: string): Agent {
  let agent = agents.get(base);
  if (!agent) agents.set(base, (agent = new Agent({ keepAlive: true, maxSockets: 16 })));
  return agent;
}

/**
 * Sends one request with node:http rather than fetch, because fetch adds headers of its own (Sec-Fetch-Mode,
 * Accept-Language, …) and cannot pick a source address: CSRF and throttling tests need exact control of both.
 */
export function rawRequest(base: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? Buffer.from(options.body) : Buffer.from(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers,
        agent: options.localAddress ? undefined : agentFor(base),
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const raw = res.headers;
          const setCookie = raw['set-cookie'];
          resolve({
            status: res.statusCode ?? 0,
            headers: raw,
            text,
            setCookies: Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [],
            header: (name) => {
              const value = raw[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : value;
            },
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
