import type { AstroCookieSetOptions } from 'astro';
import { isHttps } from '../config.ts';
import type { Store } from '../store/index.ts';
import { endSession, SESSION_COOKIE, startSession } from './sessions.ts';

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

/** Signs `userId` in with a new session id, ending the session the request arrived with (rotation). */
export async function signIn(
  context: { readonly cookies: CookieJar; readonly url: URL },
  store: Store,
  userId: string,
  now: number,
): Promise<void> {
  const previous = context.cookies.get(SESSION_COOKIE)?.value;
  const token = await startSession(store, userId, now, previous);
  context.cookies.set(SESSION_COOKIE, token, cookieOptions(context.url));
}

/** Ends the request's session on the server and clears the cookie. */
export async function signOut(
  context: { readonly cookies: CookieJar; readonly url: URL },
  store: Store,
): Promise<void> {
  await endSession(store, context.cookies.get(SESSION_COOKIE)?.value);
  context.cookies.delete(SESSION_COOKIE, { path: '/' });
}
