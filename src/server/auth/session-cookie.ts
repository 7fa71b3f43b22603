import type { AstroCookieSetOptions } from 'astro';
import { ACCOUNT_HINT_COOKIE, type AccountHint, accountHintValue } from '../../present/index.ts';
import { isHttps } from '../config.ts';
import type { Store } from '../store/index.ts';
import { endSession, SESSION_COOKIE, SESSION_LIMITS, type SessionLifetime, startSession } from './sessions.ts';

/**
 * The part of Astro's cookie API the server uses. Astro's `AstroCookies` satisfies it, and so does the built server's
 * fast-path jar (`src/server/serve/cookie-jar.ts`), which writes the same `Set-Cookie` text with the same `cookie`
 * package.
 */
export interface CookieJar {
  get(name: string): { readonly value: string } | undefined;
  set(name: string, value: string, options: AstroCookieSetOptions): void;
  delete(name: string, options: { readonly path: string }): void;
}

/**
 * httpOnly (no script can read it), SameSite=Lax (not sent on cross-site posts), Secure over https, whole site.
 * No Max-Age: the browser drops it when closed, and the server ends it after 2 h idle or 12 h anyway.
 */
function cookieOptions(url: URL): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', secure: isHttps(url), path: '/' };
}

/**
 * Keeps the display cookie (src/present/account-hint.ts) in step with the account a request resolved to: set when it
 * is missing or names someone else, deleted when nobody is signed in, untouched otherwise (so an anonymous visitor
 * gets no Set-Cookie at all). Readable by script on purpose: it only tells a static page's header what to show.
 * `maxAge` (seconds; sign-in with 记住我) always writes it, to outlive the browser as the session cookie does.
 */
export function syncAccountHint(
  context: { readonly cookies: CookieJar; readonly url: URL },
  account: AccountHint | null,
  maxAge?: number,
): void {
  // The fast path's jar reads the value as the cookie holds it, Astro's decodes it (decodeURIComponent): either
  // matches. Without the second, every page Astro rendered wrote the cookie again, as a browser-session cookie.
  const current = context.cookies.get(ACCOUNT_HINT_COOKIE)?.value;
  if (!account) {
    if (current !== undefined) context.cookies.delete(ACCOUNT_HINT_COOKIE, { path: '/' });
    return;
  }
  const wanted = accountHintValue(account);
  if ((current === wanted || current === decodeURIComponent(wanted)) && maxAge === undefined) return;
  context.cookies.set(ACCOUNT_HINT_COOKIE, wanted, {
    ...cookieOptions(context.url),
    httpOnly: false,
    encode: (value) => value,
    ...(maxAge === undefined ? {} : { maxAge }),
  });
}

/**
 * Signs `user` in with a new session id, ending the session the request arrived with (rotation). A remembered
 * session's cookie carries Max-Age (30 days, as the server keeps it), so it outlives the browser; a browser session's
 * has none.
 */
export async function signIn(
  context: { readonly cookies: CookieJar; readonly url: URL },
  store: Store,
  user: { readonly id: string } & AccountHint,
  now: number,
  lifetime: SessionLifetime = 'browser',
): Promise<void> {
  const previous = context.cookies.get(SESSION_COOKIE)?.value;
  const token = await startSession(store, user.id, now, previous, lifetime);
  const maxAge = lifetime === 'remembered' ? Math.floor(SESSION_LIMITS.rememberedMs / 1000) : undefined;
  context.cookies.set(SESSION_COOKIE, token, { ...cookieOptions(context.url), ...(maxAge === undefined ? {} : { maxAge }) });
  syncAccountHint(context, user, maxAge);
}

/** Ends the request's session on the server and clears the cookie. */
export async function signOut(
  context: { readonly cookies: CookieJar; readonly url: URL },
  store: Store,
): Promise<void> {
  await endSession(store, context.cookies.get(SESSION_COOKIE)?.value);
  context.cookies.delete(SESSION_COOKIE, { path: '/' });
  syncAccountHint(context, null);
}
