import type { AstroCookieSetOptions, AstroCookies } from 'astro';
import { isHttps } from '../config.ts';
import type { Store } from '../store/index.ts';
import { endSession, SESSION_COOKIE, startSession } from './sessions.ts';

/**
 * httpOnly (no script can read it), SameSite=Lax (not sent on cross-site posts), Secure over https, whole site.
 * No Max-Age: the browser drops it when closed, and the server ends it after 2 h idle or 12 h anyway.
 */
function cookieOptions(url: URL): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', secure: isHttps(url), path: '/' };
}

/** Signs `userId` in with a new session id, ending the session the request arrived with (rotation). */
export async function signIn(
  context: { readonly cookies: AstroCookies; readonly url: URL },
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
  context: { readonly cookies: AstroCookies; readonly url: URL },
  store: Store,
): Promise<void> {
  await endSession(store, context.cookies.get(SESSION_COOKIE)?.value);
  context.cookies.delete(SESSION_COOKIE, { path: '/' });
}
