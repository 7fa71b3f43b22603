import { commit, type JsonDoc, keep } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { SessionsFile, ThrottleFile } from './schemas.ts';
import type { Store } from './store.ts';
import type { LoginFailures, Session } from './types.ts';

/** Throttle entries untouched for this long are dropped on the next write, so the file stays small. */
const THROTTLE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export type SessionVerbs = Pick<
  Store,
  'createSession' | 'getSession' | 'touchSession' | 'deleteSession' | 'deleteSessionsOf' | 'pruneSessions'
>;

export type ThrottleVerbs = Pick<Store, 'getLoginFailures' | 'recordLoginFailure' | 'clearLoginFailures'>;

/**
 * Sessions in `sessions.json`, keyed by the hash of the cookie value. Updates replace session objects and the list,
 * never edit a stored session in place: the document is copied shallowly for each write (see lowdb-store.ts).
 */
export class LowdbSessions implements SessionVerbs {
  readonly #doc: JsonDoc<SessionsFile>;
  readonly #lifecycle: Lifecycle;
  #byId = new Map<string, Session>();

  constructor(doc: JsonDoc<SessionsFile>, lifecycle: Lifecycle) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
    doc.subscribe((data) => this.#reindex(data));
  }

  #reindex(data: SessionsFile): void {
    this.#byId = new Map(data.sessions.map((s) => [s.id, s]));
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

  async touchSession(id: string, at: number): Promise<Session | null> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const index = draft.sessions.findIndex((s) => s.id === id);
      if (index < 0) return keep(null);
      const session = { ...draft.sessions[index]!, lastSeenAt: at };
      draft.sessions[index] = session;
      return commit(session);
    });
  }

  async deleteSession(id: string): Promise<void> {
    await this.pruneSessions((s) => s.id === id);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.pruneSessions((s) => s.userId === userId);
  }

  async pruneSessions(isExpired: (session: Session) => boolean): Promise<number> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const before = draft.sessions.length;
      draft.sessions = draft.sessions.filter((s) => !isExpired(s));
      const removed = before - draft.sessions.length;
      return removed > 0 ? commit(removed) : keep(0);
    });
  }
}

/** Failed-login counts in `throttle.json`. */
export class LowdbThrottle implements ThrottleVerbs {
  readonly #doc: JsonDoc<ThrottleFile>;
  readonly #lifecycle: Lifecycle;
  #byKey = new Map<string, LoginFailures>();

  constructor(doc: JsonDoc<ThrottleFile>, lifecycle: Lifecycle) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
    doc.subscribe((data) => this.#reindex(data));
  }

  #reindex(data: ThrottleFile): void {
    this.#byKey = new Map(data.failures.map((f) => [f.key, f]));
  }

  async getLoginFailures(key: string): Promise<LoginFailures | null> {
    return this.#byKey.get(key) ?? null;
  }

  async recordLoginFailure(key: string, at: number, forgetAfterMs: number): Promise<LoginFailures> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const previous = draft.failures.find((f) => f.key === key);
      const next: LoginFailures =
        previous && at - previous.lastAt <= forgetAfterMs
          ? { ...previous, count: previous.count + 1, lastAt: at }
          : { key, count: 1, firstAt: at, lastAt: at };
      draft.failures = draft.failures.filter((f) => f.key !== key && at - f.lastAt <= THROTTLE_RETENTION_MS);
      draft.failures.push(next);
      return commit(next);
    });
  }

  async clearLoginFailures(key: string): Promise<void> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      if (!draft.failures.some((f) => f.key === key)) return keep(undefined);
      draft.failures = draft.failures.filter((f) => f.key !== key);
      return commit(undefined);
    });
  }
}
