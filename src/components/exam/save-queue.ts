// The exam page's autosave queue: pure logic, no DOM. Storage, the network call, the clock, randomness and timers are
// passed in, so tests drive it step by step and the island only renders what it reports.

/** One answer as the page shows it. */
export interface ShownAnswer {
  readonly response: unknown;
  readonly flagged: boolean;
}

/** An answer as the server stored it (the attempt view's `answers`). */
export interface StoredAnswer extends ShownAnswer {
  readonly version: number;
}

/** The autosave body: `PUT /api/attempts/<id>/answers`. */
export interface SaveBody extends ShownAnswer {
  readonly itemId: string;
  readonly version: number;
}

/**
 * What one save call came back with: the server's acknowledgement, or a refusal with its HTTP status and error code
 * (status 0 when the request never got an answer: offline, timeout, connection cut).
 */
export type SendResult =
  | { readonly ok: true; readonly outcome: 'stored' | 'duplicate' | 'superseded'; readonly version: number }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

/** Per question: 已保存 (the server acknowledged what the page shows), 正在保存 (a request is out), 未保存 (waiting). */
export type SaveStatus = 'saved' | 'saving' | 'unsaved';

/** The slice of Web Storage the queue uses; sessionStorage in the page, a Map in tests. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SaveQueueOptions {
  readonly attemptId: string;
  readonly send: (attemptId: string, body: SaveBody) => Promise<SendResult>;
  readonly storage?: QueueStorage | null;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Runs `task` after `ms`; returns a cancel function. */
  readonly schedule?: (task: () => void, ms: number) => () => void;
  /** Called after every change of what the queue would report. */
  readonly onChange?: () => void;
  /** Called once when the server says the attempt no longer takes answers (closed, expired, being graded, gone). */
  readonly onHalt?: (code: string, message: string) => void;
}

/** Requests out at once; more questions wait their turn (a phone on a slow network gains nothing from 20 at once). */
export const MAX_IN_FLIGHT = 4;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 15_000;
/** Refusals that end autosave for this attempt: retrying cannot help, the page should re-read the attempt. */
const HALTING = new Set(['ATTEMPT_CLOSED', 'ATTEMPT_DEADLINE_PASSED', 'ATTEMPT_SUBMITTING', 'ATTEMPT_NOT_FOUND']);

/**
 * Delay before retry number `failures` (1, 2, …): exponential from 0.5 s, capped at 15 s, with "equal jitter" (half
 * fixed, half random) so that a class of trainees whose network came back at once does not retry in lockstep.
 */
export function retryDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

interface Pending extends ShownAnswer {
  readonly itemId: string;
  version: number;
  failures: number;
  retryAt: number;
  /** Set when the server refused the answer as malformed: not retried until the trainee changes it. */
  rejected: string | null;
}

const storageKey = (attemptId: string) => `exam-autosave:${attemptId}`;

/**
 * Keeps the latest answer per question until the server acknowledged exactly that version; retries refused and
 * failed saves with backoff; persists what is unacknowledged so a reload resends it. Versions are per question and
 * always above what the server last reported for it, so saves for different questions never interfere.
 */
export class SaveQueue {
  readonly #options: SaveQueueOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #schedule: (task: () => void, ms: number) => () => void;
  /** Highest version the server is known to hold, per question. */
  readonly #known = new Map<string, number>();
  readonly #pending = new Map<string, Pending>();
  /** The version out on the wire, per question: at most one request per question at a time. */
  readonly #inFlight = new Map<string, number>();
  #cancelTimer: (() => void) | null = null;
  #isHalted = false;
  #lastError: string | null = null;
  #waiters: (() => void)[] = [];

  constructor(options: SaveQueueOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#schedule =
      options.schedule ??
      ((task, ms) => {
        const timer = setTimeout(task, ms);
        return () => clearTimeout(timer);
      });
  }

  get attemptId(): string {
    return this.#options.attemptId;
  }

  /**
   * Takes the server's stored answers and any unacknowledged answers a previous page load left in storage; returns
   * what the page should show (stored answers, overlaid with the newer unacknowledged ones, which are sent again).
   */
  load(stored: Readonly<Record<string, StoredAnswer>>): Record<string, ShownAnswer> {
    for (const [itemId, answer] of Object.entries(stored)) this.#raiseKnown(itemId, answer.version);
    for (const entry of this.#readStorage()) {
      if (entry.version <= (this.#known.get(entry.itemId) ?? 0)) continue;
      const { itemId, response, flagged, version } = entry;
      this.#pending.set(itemId, { itemId, response, flagged, version, failures: 0, retryAt: 0, rejected: null });
    }
    this.#persist();
    const shown: Record<string, ShownAnswer> = { ...stored };
    for (const entry of this.#pending.values()) shown[entry.itemId] = { response: entry.response, flagged: entry.flagged };
    this.#pump();
    return shown;
  }

  /** Records the trainee's new answer to one question and sends it as soon as that question has no request out. */
  change(itemId: string, answer: ShownAnswer): void {
    const version = Math.max(this.#known.get(itemId) ?? 0, this.#pending.get(itemId)?.version ?? 0, this.#inFlight.get(itemId) ?? 0) + 1;
    this.#pending.set(itemId, { itemId, response: answer.response, flagged: answer.flagged, version, failures: 0, retryAt: 0, rejected: null });
    this.#persist();
    this.#pump();
    this.#changed();
  }

  status(itemId: string): SaveStatus {
    if (this.#inFlight.has(itemId)) return 'saving';
    return this.#pending.has(itemId) ? 'unsaved' : 'saved';
  }

  /** Questions whose shown answer the server has not acknowledged yet, in no particular order. */
  unacknowledged(): string[] {
    return [...this.#pending.keys()];
  }

  /** The last network or server error seen since everything was last acknowledged; null once all is saved. */
  get lastError(): string | null {
    return this.#lastError;
  }

  /** Retries everything waiting now, ignoring backoff: the browser says it is online again, or the trainee submits. */
  retryNow(): void {
    for (const entry of this.#pending.values()) entry.retryAt = 0;
    this.#pump();
  }

  /**
   * Sends everything now and resolves true once every shown answer is acknowledged, or false when `timeoutMs` passes
   * first (or autosave halted, or only malformed answers remain).
   */
  flush(timeoutMs: number): Promise<boolean> {
    this.retryNow();
    return new Promise((resolve) => {
      const settle = () => {
        if (this.#pending.size === 0) return finish(true);
        if (this.#isHalted || [...this.#pending.values()].every((entry) => entry.rejected)) return finish(false);
        this.#waiters.push(settle);
      };
      let isDone = false;
      const cancel = this.#schedule(() => finish(false), timeoutMs);
      const finish = (value: boolean) => {
        if (isDone) return;
        isDone = true;
        cancel();
        resolve(value);
      };
      settle();
    });
  }

  /** Forgets everything for this attempt (after it closed): nothing is resent on the next load. */
  clear(): void {
    this.#pending.clear();
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#options.storage?.removeItem(storageKey(this.#options.attemptId));
  }

  #pump(): void {
    if (this.#isHalted) return;
    const now = this.#now();
    let nextRetry = Number.POSITIVE_INFINITY;
    for (const entry of this.#pending.values()) {
      if (this.#inFlight.has(entry.itemId) || entry.rejected) continue;
      if (entry.retryAt > now) {
        nextRetry = Math.min(nextRetry, entry.retryAt);
        continue;
      }
      if (this.#inFlight.size >= MAX_IN_FLIGHT) break;
      void this.#send(entry);
    }
    this.#cancelTimer?.();
    this.#cancelTimer = Number.isFinite(nextRetry) ? this.#schedule(() => this.#pump(), nextRetry - now) : null;
  }

  async #send(entry: Pending): Promise<void> {
    const body: SaveBody = { itemId: entry.itemId, response: entry.response, flagged: entry.flagged, version: entry.version };
    this.#inFlight.set(entry.itemId, entry.version);
    this.#changed();
    let result: SendResult;
    try {
      result = await this.#options.send(this.#options.attemptId, body);
    } catch (error) {
      result = { ok: false, status: 0, code: 'NETWORK', message: (error as Error).message };
    }
    this.#inFlight.delete(entry.itemId);
    const current = this.#pending.get(entry.itemId);
    if (result.ok) this.#acknowledged(body, result, current);
    else this.#refused(body, result, current);
    this.#persist();
    this.#pump();
    this.#changed();
  }

  #acknowledged(body: SaveBody, result: Extract<SendResult, { ok: true }>, current: Pending | undefined): void {
    this.#raiseKnown(body.itemId, result.version);
    if (result.outcome === 'superseded') {
      // The server holds a newer version of this question than the page (another tab, or a request from before a
      // reload). What the page shows is what the trainee last chose, so send it again above the server's version.
      if (current && current.version <= result.version) current.version = result.version + 1;
    } else if (current && current.version === body.version) {
      this.#pending.delete(body.itemId);
    }
    if (current) current.failures = 0;
    if (this.#pending.size === 0) this.#lastError = null;
  }

  #refused(body: SaveBody, result: Extract<SendResult, { ok: false }>, current: Pending | undefined): void {
    if (HALTING.has(result.code)) {
      if (this.#isHalted) return;
      this.#isHalted = true;
      this.#options.onHalt?.(result.code, result.message);
      return;
    }
    this.#lastError = result.message;
    if (!current) return;
    // The trainee changed the answer while this request was out: send the new one now, no reason to wait.
    if (current.version !== body.version) return;
    if (result.status === 400) {
      current.rejected = result.message;
      return;
    }
    current.failures += 1;
    current.retryAt = this.#now() + retryDelay(current.failures, this.#random);
  }

  #raiseKnown(itemId: string, version: number): void {
    if (version > (this.#known.get(itemId) ?? 0)) this.#known.set(itemId, version);
  }

  #readStorage(): SaveBody[] {
    try {
      const parsed: unknown = JSON.parse(this.#options.storage?.getItem(storageKey(this.#options.attemptId)) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((entry): entry is SaveBody => typeof entry?.itemId === 'string' && entry.version > 0) : [];
    } catch {
      return [];
    }
  }

  #persist(): void {
    const storage = this.#options.storage;
    if (!storage) return;
    const key = storageKey(this.#options.attemptId);
    try {
      // Stored as kept (retry bookkeeping included); `load` starts each entry's retries afresh.
      if (this.#pending.size === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify([...this.#pending.values()]));
    } catch {
      // Storage full or disabled (private mode): the queue still works for this page load, it just cannot survive a
      // reload; nothing else to do about it.
    }
  }

  #changed(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
    this.#options.onChange?.();
  }
}
