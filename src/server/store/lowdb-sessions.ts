import { randomUUID } from 'node:crypto';
import { commit, type JsonDoc, keep } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import { countedFailures, LOGIN_IN_FLIGHT_RETRY_MS, lockEnd } from './login-throttle.ts';
import type { SessionsFile, ThrottleFile } from './schemas.ts';
import type { LoginSettlement, ReserveLoginResult, SessionPrune, SessionsArea, ThrottleArea } from './store.ts';
import type { ExamHold, KnownSignIn, LoginFailures, LoginReservation, Session, ThrottleKeyLimit, User } from './types.ts';

/**
 * How long a session's new last-seen time may wait in memory before it is written. Activity only postpones the idle
 * expiry (2 h), so a crash that loses up to this much of it ends no session early in practice; writing each touch at
 * once rewrote sessions.json ~100 times a second for 6,000 trainees and was the largest share of the server's CPU in
 * the exam-day load benchmark.
 */
export const TOUCH_WRITE_DELAY_MS = 15_000;

/** Throttle entries untouched for this long are dropped on the next write, so the file stays small. */
const THROTTLE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

const KNOWN_REFRESH_MS = 24 * 60 * 60 * 1000;

/**
 * Sessions in `sessions.json`, keyed by the hash of the cookie value. Updates replace session objects and the list,
 * never edit a stored session in place: the document is copied shallowly for each write (see lowdb-store.ts).
 * Creating and ending sessions is written before the call returns; last-seen times are written behind, together, at
 * most `TOUCH_WRITE_DELAY_MS` later (and at close), and reads see them at once.
 */
export class LowdbSessions implements SessionsArea {
  readonly #doc: JsonDoc<SessionsFile>;
  readonly #lifecycle: Lifecycle;
  #byId = new Map<string, Session>();
  /** Last-seen times not yet written, by session id. */
  #touches = new Map<string, number>();
  #touchTimer: ReturnType<typeof setTimeout> | null = null;

  readonly #findUser: (id: string) => Promise<User | null>;

  /** `findUser`: the accounts area's, for `getSessionWithUser`. */
  constructor(doc: JsonDoc<SessionsFile>, lifecycle: Lifecycle, findUser: (id: string) => Promise<User | null>) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
    this.#findUser = findUser;
    doc.subscribe((data) => this.#reindex(data));
  }

  #reindex(data: SessionsFile): void {
    this.#byId = new Map(data.sessions.map((s) => [s.id, this.#withTouch(s)]));
  }

  #withTouch(session: Session): Session {
    const at = this.#touches.get(session.id);
    return at !== undefined && at > session.lastSeenAt ? { ...session, lastSeenAt: at } : session;
  }

  /** Writes the pending last-seen times in one rewrite; sessions ended meanwhile are simply gone from the file. */
  async writeTouches(): Promise<void> {
    if (this.#touchTimer) clearTimeout(this.#touchTimer);
    this.#touchTimer = null;
    if (this.#touches.size === 0) return;
    const touches = this.#touches;
    await this.#doc.update((draft) => {
      let changed = false;
      draft.sessions = draft.sessions.map((s) => {
        const at = touches.get(s.id);
        if (at === undefined || at <= s.lastSeenAt) return s;
        changed = true;
        return { ...s, lastSeenAt: at };
      });
      return changed ? commit(undefined) : keep(undefined);
    });
    // Touches that arrived during the write stay pending; the written ones are now in the file.
    for (const [id, at] of touches) if (this.#touches.get(id) === at) this.#touches.delete(id);
  }

  async createSession(session: Session): Promise<void> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      draft.sessions.push(session);
      return commit(undefined);
    });
  }

  async getSession(id: string): Promise<Session | null> {
    return this.#byId.get(id) ?? null;
  }

  async getSessionWithUser(id: string): Promise<{ readonly session: Session; readonly user: User | null } | null> {
    const session = this.#byId.get(id);
    return session ? { session, user: await this.#findUser(session.userId) } : null;
  }

  async touchSession(id: string, at: number): Promise<Session | null> {
    this.#lifecycle.assertOpen();
    const current = this.#byId.get(id);
    if (!current) return null;
    const session = { ...current, lastSeenAt: Math.max(at, current.lastSeenAt) };
    this.#byId.set(id, session);
    this.#touches.set(id, session.lastSeenAt);
    this.#touchTimer ??= setTimeout(() => void this.writeTouches().catch((error: unknown) => console.error('[store] sessions.json:', error)), TOUCH_WRITE_DELAY_MS);
    // A pending write must not keep a finished process (a test, a CLI) alive.
    this.#touchTimer.unref?.();
    return session;
  }

  async deleteSession(id: string): Promise<void> {
    await this.#deleteWhere((s) => s.id === id);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.#deleteWhere((s) => s.userId === userId);
  }

  async pruneSessions(bounds: SessionPrune): Promise<number> {
    return this.#deleteWhere(
      (s) => s.lastSeenAt + s.idleMs <= bounds.idleEndsUpTo || Math.max(s.expiresAt, s.examHold?.until ?? 0) <= bounds.expiresUpTo,
    );
  }

  /** Written at once, not behind like a touch: a hold is rare (one per attempt at most) and must survive a crash. */
  async holdSession(id: string, hold: ExamHold): Promise<Session | null> {
    this.#lifecycle.assertOpen();
    const found = await this.#doc.update((draft) => {
      const index = draft.sessions.findIndex((s) => s.id === id);
      if (index < 0) return keep(false);
      draft.sessions = draft.sessions.with(index, { ...draft.sessions[index]!, examHold: { attemptId: hold.attemptId, until: hold.until } });
      return commit(true);
    });
    return found ? (this.#byId.get(id) ?? null) : null;
  }

  #deleteWhere(isExpired: (session: Session) => boolean): Promise<number> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const before = draft.sessions.length;
      // Judge each session by its newest last-seen time, written or not.
      draft.sessions = draft.sessions.filter((s) => !isExpired(this.#withTouch(s)));
      const removed = before - draft.sessions.length;
      return removed > 0 ? commit(removed) : keep(0);
    });
  }
}

/**
 * Failed-login counts and known sign-in places in `throttle.json`; reservations in memory.
 *
 * Reservations are not written: this store serves one process, and `reserveLoginAttempt` checks and counts them in
 * one synchronous step, so no parallel request sees the count before the reservation. A crash while hashing loses
 * the reservations in flight (those attempts then count as nothing), which an attacker cannot choose to cause.
 * A reservation stays counted in memory until the failure it becomes is durable and visible in `#byKey`.
 */
export class LowdbThrottle implements ThrottleArea {
  readonly #doc: JsonDoc<ThrottleFile>;
  readonly #lifecycle: Lifecycle;
  #byKey = new Map<string, LoginFailures>();
  #known = new Map<string, KnownSignIn>();
  /** Unsettled reservations per key, and the reservations themselves by id. */
  readonly #inFlight = new Map<string, number>();
  readonly #reservations = new Set<string>();

  constructor(doc: JsonDoc<ThrottleFile>, lifecycle: Lifecycle) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
    doc.subscribe((data) => this.#reindex(data));
  }

  #reindex(data: ThrottleFile): void {
    this.#byKey = new Map(data.failures.map((f) => [f.key, f]));
    this.#known = new Map(data.known.map((k) => [k.key, k]));
  }

  async getLoginFailures(key: string): Promise<LoginFailures | null> {
    return this.#byKey.get(key) ?? null;
  }

  async reserveLoginAttempt(keys: readonly ThrottleKeyLimit[], at: number): Promise<ReserveLoginResult> {
    this.#lifecycle.assertOpen();
    // No await from here to the end: the check and the count are one step for every other request.
    let retryAfterMs = 0;
    for (const { key, limit } of keys) {
      const stored = this.#byKey.get(key) ?? null;
      const counted = countedFailures(limit, stored, at);
      const until = stored ? lockEnd(limit, counted, stored.lastAt) : null;
      if (until !== null && until > at) retryAfterMs = Math.max(retryAfterMs, until - at);
      else if ((this.#inFlight.get(key) ?? 0) >= Math.max(1, limit.freeFailures - counted)) {
        retryAfterMs = Math.max(retryAfterMs, LOGIN_IN_FLIGHT_RETRY_MS);
      }
    }
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    for (const { key } of keys) this.#inFlight.set(key, (this.#inFlight.get(key) ?? 0) + 1);
    const reservation: LoginReservation = { id: randomUUID(), keys, at };
    this.#reservations.add(reservation.id);
    return { ok: true, reservation };
  }

  async settleLoginAttempt(reservation: LoginReservation, outcome: LoginSettlement): Promise<void> {
    if (!this.#reservations.has(reservation.id)) return;
    try {
      if (!outcome.succeeded) await this.#recordFailure(reservation);
      else await this.#recordSuccess(reservation, outcome);
    } finally {
      // Only now: until the failure is visible in #byKey, the reservation is what keeps it counted.
      if (this.#reservations.delete(reservation.id)) {
        for (const { key } of reservation.keys) {
          const left = (this.#inFlight.get(key) ?? 1) - 1;
          if (left > 0) this.#inFlight.set(key, left);
          else this.#inFlight.delete(key);
        }
      }
    }
  }

  async isKnownSignIn(key: string, at: number): Promise<boolean> {
    const known = this.#known.get(key);
    return known !== undefined && known.until >= at;
  }

  #recordFailure({ keys, at }: LoginReservation): Promise<void> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const touched = new Set(keys.map((k) => k.key));
      const next = keys.map(({ key, limit }): LoginFailures => {
        const previous = draft.failures.find((f) => f.key === key) ?? null;
        return previous && countedFailures(limit, previous, at) > 0
          ? { ...previous, count: previous.count + 1, lastAt: Math.max(previous.lastAt, at) }
          : { key, count: 1, firstAt: at, lastAt: at };
      });
      draft.failures = draft.failures.filter((f) => !touched.has(f.key) && at - f.lastAt <= THROTTLE_RETENTION_MS);
      draft.failures.push(...next);
      return commit(undefined);
    });
  }

  #recordSuccess({ at }: LoginReservation, outcome: LoginSettlement & { succeeded: true }): Promise<void> {
    const clear = new Set(outcome.clear);
    const remember = outcome.remember;
    const known = remember ? this.#known.get(remember.key) : undefined;
    // A known place is written again only when its remembered time would grow by more than a day: one write per
    // trainee per day, not per login.
    const refresh = remember !== null && (known === undefined || remember.until - known.until > KNOWN_REFRESH_MS);
    if (!refresh && !outcome.clear.some((key) => this.#byKey.has(key))) return Promise.resolve();
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const before = draft.failures.length;
      draft.failures = draft.failures.filter((f) => !clear.has(f.key));
      let changed = draft.failures.length !== before;
      if (refresh && remember) {
        draft.known = draft.known.filter((k) => k.key !== remember.key && k.until >= at);
        draft.known.push({ key: remember.key, at, until: remember.until });
        changed = true;
      }
      return changed ? commit(undefined) : keep(undefined);
    });
  }
}
