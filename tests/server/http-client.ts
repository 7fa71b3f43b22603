/** One parsed Set-Cookie header. */
export interface SetCookie {
  readonly name: string;
  readonly value: string;
  /** Attribute names in lower case (httponly, secure, …) with their values ('' for flags). */
  readonly attributes: ReadonlyMap<string, string>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair, ...rest] = header.split(';');
  const eq = pair!.indexOf('=');
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const [key, ...value] = part.trim().split('=');
    attributes.set(key!.toLowerCase(), value.join('='));
  }
  return { name: pair!.slice(0, eq).trim(), value: pair!.slice(eq + 1).trim(), attributes };
}

export interface SendOptions {
  /** Serialised as the JSON body with Content-Type application/json. */
  readonly json?: unknown;
  /** A raw body (bytes to send what no string can, such as invalid UTF-8); set its content type in `headers`. */
  readonly body?: string | Uint8Array<ArrayBuffer>;
  readonly headers?: Record<string, string>;
  /** The Origin header for state-changing requests: ours by default, `null` to send none. */
  readonly origin?: string | null;
}

/**
 * A browser-like client for API tests: keeps cookies, sends our Origin on state-changing requests (as browsers do),
 * and never follows redirects, so tests can see them.
 */
export class Client {
  readonly base: string;
  readonly cookies = new Map<string, string>();
  lastSetCookies: SetCookie[] = [];

  constructor(base: string) {
    this.base = base;
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const origin = options.origin === undefined ? this.base : options.origin;
    if (method !== 'GET' && method !== 'HEAD' && origin !== null) headers['origin'] = origin;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body ?? null, redirect: 'manual' });
    this.lastSetCookies = response.headers.getSetCookie().map(parseSetCookie);
    for (const cookie of this.lastSetCookies) {
      const expired = cookie.attributes.get('max-age') === '0' || cookie.value === '' || cookie.value === 'deleted';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(path: string, options?: SendOptions): Promise<Response> {
    return this.send('GET', path, options);
  }

  post(path: string, json?: unknown, options: SendOptions = {}): Promise<Response> {
    return this.send('POST', path, json === undefined ? options : { ...options, json });
  }
}

/** The `{ error: { code } }` of a JSON error response, asserting it is JSON with a stable code and no stack. */
export async function errorOf(
  response: Response,
): Promise<{
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
  retryAfterSeconds?: number;
}> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) throw new Error(`expected JSON, got ${type}: ${await response.text()}`);
  const text = await response.text();
  if (/\bat .+:\d+:\d+/.test(text) || /stack/i.test(text)) throw new Error(`error body leaks a stack: ${text}`);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  return body.error;
}
