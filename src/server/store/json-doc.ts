import { Low } from 'lowdb';
import type { DurableJsonFile } from './durable-file.ts';

/** What an update function returns: whether to write, and the value the update resolves to. */
export type Outcome<R> = { readonly commit: boolean; readonly value: R };

/** Write the changed draft, then resolve to `value`. */
export const commit = <R>(value: R): Outcome<R> => ({ commit: true, value });
/** Write nothing (a refusal or a no-op), resolve to `value`. */
export const keep = <R>(value: R): Outcome<R> => ({ commit: false, value });

/**
 * One JSON file held in memory through lowdb, changed only by serialised read-modify-write updates.
 *
 * An update works on a copy; readers keep seeing the last committed data until the copy is durable on disk, and if
 * the write fails memory is left as it was. So no reader ever sees data that a crash could take back.
 */
export class JsonDoc<T> {
  #queue: Promise<unknown> = Promise.resolve();

  readonly #listeners: ((data: T) => void)[] = [];
  private readonly low: Low<T>;
  private readonly file: DurableJsonFile<T>;

  private constructor(low: Low<T>, file: DurableJsonFile<T>) {
    this.low = low;
    this.file = file;
  }

  /**
   * Reads the file (or starts from `initial` when there is none) without writing anything.
   * @throws StoreCorruptError from the adapter when the file cannot be trusted.
   */
  static async open<T>(file: DurableJsonFile<T>, initial: T): Promise<JsonDoc<T>> {
    const low = new Low<T>(file, initial);
    await low.read();
    return new JsonDoc(low, file);
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
   * Runs `change` on a copy of the data after every earlier update has settled; writes the copy when it says so.
   * @returns the outcome's value, once the write (if any) is durable.
   * @throws whatever the write throws; the committed data is then unchanged.
   */
  update<R>(change: (draft: T) => Outcome<R>): Promise<R> {
    const run = this.#queue.then(async () => {
      const draft = structuredClone(this.low.data);
      const outcome = change(draft);
      if (outcome.commit) {
        await this.file.write(draft);
        this.low.data = draft;
        for (const listener of this.#listeners) listener(draft);
      }
      return outcome.value;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every update queued so far has settled. */
  async settled(): Promise<void> {
    await this.#queue;
  }
}
