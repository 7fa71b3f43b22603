import { REMEMBERED_SESSION_MS, SESSION_IDLE_MS, SESSION_TOUCH_EVERY_MS } from '../../present/index.ts';
import type { Session, Store, User } from '../store/index.ts';
import { randomToken, sha256Hex } from './tokens.ts';

const MINUTE = 60 * 1000;

/**
 * Session lifetime, enforced on the server. A browser session (the default) ends after 2 h without a request (idle)
 * and lives at most 12 h from login (absolute), one working day. A remembered one (记住我 at login) lives 30 days from
 * login whatever the activity, and its cookie survives closing the browser (docs/exams.md, "Sessions": the
 * trade-off). Activity is written at most once a minute.
 */
export const SESSION_LIMITS = {
  idleMs: SESSION_IDLE_MS,
  absoluteMs: 12 * 60 * MINUTE,
  rememberedMs: REMEMBERED_SESSION_MS,
  touchEveryMs: SESSION_TOUCH_EVERY_MS,
} as const;

/** How long a new session lasts: a browser session, or a remembered one (记住我). */
export type SessionLifetime = 'browser' | 'remembered';

export const SESSION_COOKIE = 'asa_session';

/** The cookie carries 256 random bits as base64url; anything else is not worth a lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isSessionExpired(session: Session, now: number): boolean {
  return now >= session.expiresAt || now - session.lastSeenAt >= session.idleMs;
}

/**
 * Starts a session for `userId` and returns the cookie value. Ends `previousToken`'s session first, so a session id
 * planted before login is worthless after it (rotation), and clears out expired sessions while at it.
 */
export async function startSession(
  store: Store,
  userId: string,
  now: number,
  previousToken?: string,
  lifetime: SessionLifetime = 'browser',
): Promise<string> {
  const previousId = previousToken === undefined ? undefined : sha256Hex(previousToken);
  if (previousId !== undefined) await store.deleteSession(previousId);
  // The same bounds as isSessionExpired, as data, so the store (SQL included) applies them.
  await store.pruneSessions({ idleEndsUpTo: now, expiresUpTo: now });
  const token = randomToken(32);
  const isRemembered = lifetime === 'remembered';
  await store.createSession({
    id: sha256Hex(token),
    userId,
    createdAt: now,
    expiresAt: now + (isRemembered ? SESSION_LIMITS.rememberedMs : SESSION_LIMITS.absoluteMs),
    lastSeenAt: now,
    idleMs: isRemembered ? SESSION_LIMITS.rememberedMs : SESSION_LIMITS.idleMs,
  });
  return token;
}

/**
 * The live session and its user for a cookie value, recording activity; `null` when the token is malformed,
 * unknown, expired (then deleted), or its account is gone or disabled.
 */
export async function resumeSession(
  store: Store,
  token: string | undefined,
  now: number,
): Promise<{ readonly session: Session; readonly user: User } | null> {
  if (!token || !TOKEN.test(token)) return null;
  const id = sha256Hex(token);
  // One read for both (a database round trip less on every request).
  const found = await store.getSessionWithUser(id);
  if (!found) return null;
  let session = found.session;
  if (isSessionExpired(session, now)) {
    await store.deleteSession(id);
    return null;
  }
  const user = found.user;
  if (!user || user.disabled) return null;
  if (now - session.lastSeenAt >= SESSION_LIMITS.touchEveryMs) session = (await store.touchSession(id, now)) ?? session;
  return { session, user };
}

/** Ends the session behind a cookie value, if any. */
export async function endSession(store: Store, token: string | undefined): Promise<void> {
  if (token && TOKEN.test(token)) await store.deleteSession(sha256Hex(token));
}
