import type { AstroCookieSetOptions } from 'astro';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { CookieJar } from '../auth/index.ts';

const identity = (value: string) => value;

/**
 * The fast path's cookies: reads the request's `Cookie` header and collects `Set-Cookie` values exactly as Astro's
 * `AstroCookies` does (same `cookie` package, values not decoded, a deletion is the value `deleted` expiring at the
 * epoch), so a response from the fast path sets the same cookie text as the same route rendered by Astro.
 */
export class FastCookieJar implements CookieJar {
  readonly #header: string | undefined;
  #parsed: Record<string, string | undefined> | undefined;
  readonly #outgoing = new Map<string, string>();

  constructor(cookieHeader: string | undefined) {
    this.#header = cookieHeader;
  }

  get(name: string): { readonly value: string } | undefined {
    this.#parsed ??= this.#header ? parseCookie(this.#header, { decode: identity }) : {};
    const value = this.#parsed[name];
    return value === undefined ? undefined : { value };
  }

  set(name: string, value: string, options: AstroCookieSetOptions): void {
    const { encode, ...attributes } = options;
    this.#outgoing.set(name, stringifySetCookie({ ...attributes, name, value }, encode ? { encode } : {}));
  }

  delete(name: string, options: { readonly path: string }): void {
    this.#outgoing.set(
      name,
      // As Astro: no Max-Age, so that the expiry in the past is what the browser reads.
      stringifySetCookie({ ...options, name, value: 'deleted', expires: new Date(0) }),
    );
  }

  /** The `Set-Cookie` values to send, in the order the cookies were first set. */
  setCookieHeaders(): string[] {
    return [...this.#outgoing.values()];
  }
}
