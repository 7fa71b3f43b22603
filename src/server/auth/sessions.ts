import { REMEMBERED_SESSION_MS, SESSION_IDLE_MS, SESSION_TOUCH_EVERY_MS } from '../../present/index.ts';
import type { ExamHold, Session, Store, User } from '../store/index.ts';
import { randomToken, sha256Hex } from './tokens.ts';

const MINUTE = 60 * 1000;

/**
 * Session lifetime, enforced on the server. A browser session (the default) ends after 2 h without a request (idle)
 * and lives at most 12 h from login (absolute), one working day. A remembered one (记住我 at login) lives 30 days from
 * login whatever the activity, and its cookie survives closing the browser (docs/exams.md, "Sessions": the
 * trade-off). Activity is written at most once a minute. The one exception to the absolute limit is an exam hold
 * (`holdSessionForAttempt`): `examHoldAfterDeadlineMs` is how long after an attempt's deadline (grace included) the
 * hold still lets the page read the closed attempt and show its result.
 */
export const SESSION_LIMITS = {
  idleMs: SESSION_IDLE_MS,
  absoluteMs: 12 * 60 * MINUTE,
  rememberedMs: REMEMBERED_SESSION_MS,
  touchEveryMs: SESSION_TOUCH_EVERY_MS,
  examHoldAfterDeadlineMs: 10 * MINUTE,
} as const;

/** How long a new session lasts: a browser session, or a remembered one (记住我). */
export type SessionLifetime = 'browser' | 'remembered';

export const SESSION_COOKIE = 'asa_session';

/** The cookie carries 256 random bits as base64url; anything else is not worth a lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Where a session stands at `now`: `ended` once idle for its idle limit, or past its absolute limit without an exam
 * hold that runs longer; `held` past the absolute limit while its exam hold runs (it then serves only the held
 * attempt: `isHeldRequest`); `live` otherwise. A hold never lifts the idle limit.
 */
export function sessionStanding(session: Session, now: number): 'live' | 'held' | 'ended' {
  if (now - session.lastSeenAt >= session.idleMs) return 'ended';
  if (now < session.expiresAt) return 'live';
  return session.examHold !== undefined && now < session.examHold.until ? 'held' : 'ended';
}

/**
 * The requests a held session still serves: the held attempt's API (read, autosave, submit, review), the exam page
 * showing that attempt (`/exams/<id>?attempt=<attempt id>`, its result too), and `/api/auth/me` (the page's
 * 保持登录). Anything else is answered as signed out. The path is compared as sent, so any other spelling of it is
 * refused too.
 */
export function isHeldRequest(hold: ExamHold, url: URL): boolean {
  const path = url.pathname;
  const api = `/api/attempts/${hold.attemptId}`;
  if (path === api || path.startsWith(`${api}/`) || path === '/api/auth/me') return true;
  return /^\/exams\/[^/]+$/.test(path) && url.searchParams.get('attempt') === hold.attemptId;
}

/**
 * Holds `session` for an exam attempt when the attempt would outlast it: past its absolute limit the session then
 * still serves that attempt (`isHeldRequest`) until the attempt's deadline (limit + grace) plus
 * `SESSION_LIMITS.examHoldAfterDeadlineMs`, so a trainee who signed in 11 h 50 min ago can finish, submit and see the
 * result. Only a live session gets a hold (a held one cannot reach the start API or hold again, so holds never chain);
 * a session that outlives the attempt anyway is left alone, and so is one already held long enough for it. A new
 * attempt's hold replaces an earlier attempt's. Called when an attempt starts and when its page opens (a session
 * signed in again mid-attempt).
 */
export async function holdSessionForAttempt(
  store: Store,
  session: Session | null,
  attempt: { readonly id: string; readonly deadlineAt: number },
  now: number,
): Promise<void> {
  if (!session || sessionStanding(session, now) !== 'live') return;
  const until = attempt.deadlineAt + SESSION_LIMITS.examHoldAfterDeadlineMs;
  if (session.expiresAt >= until) return;
  if (session.examHold?.attemptId === attempt.id && session.examHold.until >= until) return;
  await store.holdSession(session.id, { attemptId: attempt.id, until });
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

/** A session that serves the request: `isHeld` when it is past its absolute limit and serves only its exam attempt. */
export interface ResumedSession {
  readonly session: Session;
  readonly user: User;
  readonly isHeld: boolean;
}

/**
 * The session and its user for a cookie value and the request's URL, recording activity. `null` when the token is
 * malformed, unknown, ended (then deleted), or its account is gone or disabled; `'held-elsewhere'` when the session is
 * held for an exam attempt and `url` is not a request of that attempt (`isHeldRequest`; no `url`: none is): the
 * request is signed out, but the session and its cookie must stay for the exam page.
 */
export async function resumeSession(
  store: Store,
  token: string | undefined,
  now: number,
  url?: URL,
): Promise<ResumedSession | 'held-elsewhere' | null> {
  if (!token || !TOKEN.test(token)) return null;
  const id = sha256Hex(token);
  // One read for both (a database round trip less on every request).
  const found = await store.getSessionWithUser(id);
  if (!found) return null;
  let session = found.session;
  const standing = sessionStanding(session, now);
  if (standing === 'ended') {
    await store.deleteSession(id);
    return null;
  }
  if (standing === 'held' && !(url && isHeldRequest(session.examHold!, url))) return 'held-elsewhere';
  const user = found.user;
  if (!user || user.disabled) return null;
  if (now - session.lastSeenAt >= SESSION_LIMITS.touchEveryMs) session = (await store.touchSession(id, now)) ?? session;
  return { session, user, isHeld: standing === 'held' };
}

/** Ends the session behind a cookie value, if any. */
export async function endSession(store: Store, token: string | undefined): Promise<void> {
  if (token && TOKEN.test(token)) await store.deleteSession(sha256Hex(token));
}
