import { Low } from 'lowdb';
import type { DurableJsonFile } from './durable-file.ts';

/** What an update function returns: whether to write, and the value the update resolves to. */
export type Outcome<R> = { readonly commit: boolean; readonly value: R };

/** Write the changed draft, then resolve to `value`. */
export const commit = <R>(value: R): Outcome<R> => ({ commit: true, value });
/** Write nothing (a refusal or a no-op), resolve to `value`. */
export const keep = <R>(value: R): Outcome<R> => ({ commit: false, value });

interface PendingUpdate {
  readonly change: (draft: never) => Outcome<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One JSON file held in memory through lowdb, changed only by serialised read-modify-write updates.
 *
 * An update works on a copy; readers keep seeing the last committed data until the copy is durable on disk, and if
 * the write fails memory is left as it was. So no reader ever sees data that a crash could take back.
 *
 * Group commit: updates that arrive while a write is under way are applied in call order to one copy and written
 * together, so a burst of logins rewrites `sessions.json` once per fsync rather than once per login. Each update
 * still resolves only after the write that contains it is durable.
 */
export class JsonDoc<T> {
  #pending: PendingUpdate[] = [];
  #running: Promise<void> | null = null;

  readonly #listeners: ((data: T) => void)[] = [];
  private readonly low: Low<T>;
  private readonly file: DurableJsonFile<T>;

  private readonly copy: (data: T) => T;

  private constructor(low: Low<T>, file: DurableJsonFile<T>, copy: (data: T) => T = structuredClone) {
    this.low = low;
    this.file = file;
    this.copy = copy;
  }

  /**
   * Reads the file (or starts from `initial` when there is none) without writing anything.
   * `copy` makes the draft each group of updates works on; the default deep copy suits any update. A document whose
   * updates never change a stored object in place (they replace it) may pass a shallow copy, which is much cheaper
   * for a large file.
   * @throws StoreCorruptError from the adapter when the file cannot be trusted.
   */
  static async open<T>(file: DurableJsonFile<T>, initial: T, copy?: (data: T) => T): Promise<JsonDoc<T>> {
    const low = new Low<T>(file, initial);
    await low.read();
    return new JsonDoc(low, file, copy);
  }

  /** Wraps data the caller has just read or written through `file`, without reading it again. */
  static of<T>(file: DurableJsonFile<T>, data: T): JsonDoc<T> {
    return new JsonDoc(new Low<T>(file, data), file);
  }

  /** Calls `listener` with the current data now and with every committed version after (to keep indexes current). */
  subscribe(listener: (data: T) => void): void {
    this.#listeners.push(listener);
    listener(this.low.data);
  }

  /** The last committed data. Callers must not mutate it. */
  get data(): T {
    return this.low.data;
  }

  /**
   * Runs `change` on a copy of the data after every earlier update has been applied; writes the copy when it (or
   * another update in the same group) says so.
   * @returns the outcome's value, once the write (if any) is durable.
   * @throws whatever the write throws (every update of that group rejects); the committed data is then unchanged.
   */
  update<R>(change: (draft: T) => Outcome<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ change: change as PendingUpdate['change'], resolve: resolve as PendingUpdate['resolve'], reject });
      this.#running ??= this.#drain();
    });
  }

  async #drain(): Promise<void> {
    // Yield once so that updates called in the same tick join the first group too.
    await Promise.resolve();
    while (this.#pending.length > 0) {
      let group = this.#pending;
      this.#pending = [];
      let applied = applyGroup(this.copy(this.low.data), group);
      // A change that throws may have half-edited the shared copy: reject it and apply the others to a fresh copy.
      while (applied.failed) {
        applied.failed.update.reject(applied.failed.error);
        group = group.filter((update) => update !== applied.failed!.update);
        applied = applyGroup(this.copy(this.low.data), group);
      }
      const { draft, values, isChanged } = applied;
      try {
        if (isChanged) {
          await this.file.write(draft);
          this.low.data = draft;
          for (const listener of this.#listeners) listener(draft);
        }
        group.forEach((update, i) => update.resolve(values[i]));
      } catch (error) {
        for (const update of group) update.reject(error);
      }
    }
    this.#running = null;
  }

  /** Resolves when every update queued so far has settled. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }
}

function applyGroup<T>(
  draft: T,
  group: readonly PendingUpdate[],
): {
  readonly draft: T;
  readonly values: unknown[];
  readonly isChanged: boolean;
  readonly failed?: { readonly update: PendingUpdate; readonly error: unknown };
} {
  const values: unknown[] = [];
  let isChanged = false;
  for (const update of group) {
    try {
      const outcome = update.change(draft as never);
      values.push(outcome.value);
      isChanged ||= outcome.commit;
    } catch (error) {
      return { draft, values, isChanged, failed: { update, error } };
    }
  }
  return { draft, values, isChanged };
}
