import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DurableJsonFile, type DurableIo } from './durable-file.ts';
import { JsonDoc, type Outcome } from './json-doc.ts';
import { type AttemptFile, AttemptFileSchema } from './schemas.ts';
import { StoreCorruptError } from './store-errors.ts';
import type { AttemptRecord, AttemptStatus } from './types.ts';

/** Attempt ids become file names: only URL-safe characters, so an id can never point outside the folder. */
export const ATTEMPT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const ATTEMPT_FILE = /^([A-Za-z0-9_-]{8,64})\.json$/;
/** Files read at once while opening; enough to keep the disk busy without running out of descriptors. */
const OPEN_CONCURRENCY = 64;

/**
 * The attempts folder: one durable file per attempt, all held in memory with indexes by user and exam, so listing
 * reads no file. Opening reads and validates every attempt file once: linear in their number (README "Data and
 * backups" has the measured start times).
 */
export class AttemptFiles {
  readonly #docs = new Map<string, JsonDoc<AttemptFile>>();
  readonly #byUser = new Map<string, Set<string>>();

  private readonly dir: string;
  private readonly io: DurableIo | undefined;

  private constructor(dir: string, io: DurableIo | undefined) {
    this.dir = dir;
    this.io = io;
  }

  /**
   * Loads every `<id>.json` in `dir` (which must exist). Dot-files (interrupted writes) are skipped.
   * @throws StoreCorruptError naming the first file that is unreadable, invalid, or whose id is not its name.
   */
  static async open(dir: string, io?: DurableIo): Promise<AttemptFiles> {
    const files = new AttemptFiles(dir, io);
    const names = (await readdir(dir)).filter((name) => ATTEMPT_FILE.test(name)).sort();
    for (let start = 0; start < names.length; start += OPEN_CONCURRENCY) {
      const batch = names.slice(start, start + OPEN_CONCURRENCY);
      const docs = await Promise.all(batch.map((name) => files.#load(name)));
      for (const doc of docs) files.#index(doc.data.attempt);
    }
    return files;
  }

  async #load(name: string): Promise<JsonDoc<AttemptFile>> {
    const id = ATTEMPT_FILE.exec(name)![1]!;
    const file = this.#file(id);
    const content = await file.read();
    if (!content) throw new StoreCorruptError(file.path, '文件在启动过程中消失了');
    if (content.attempt.id !== id) {
      throw new StoreCorruptError(file.path, `文件名是 ${id}，但其中记录的考试编号是 ${content.attempt.id}`);
    }
    const doc = JsonDoc.of(file, content);
    this.#docs.set(id, doc);
    return doc;
  }

  #file(id: string): DurableJsonFile<AttemptFile> {
    return new DurableJsonFile(join(this.dir, `${id}.json`), AttemptFileSchema, this.io ? { io: this.io } : {});
  }

  #index(attempt: AttemptRecord): void {
    let ids = this.#byUser.get(attempt.userId);
    if (!ids) this.#byUser.set(attempt.userId, (ids = new Set()));
    ids.add(attempt.id);
  }

  get(id: string): AttemptRecord | null {
    return this.#docs.get(id)?.data.attempt ?? null;
  }

  has(id: string): boolean {
    return this.#docs.has(id);
  }

  list(filter: {
    readonly userId?: string;
    readonly examId?: string;
    readonly status?: AttemptStatus;
  }): AttemptRecord[] {
    const ids =
      filter.userId === undefined ? this.#docs.keys() : (this.#byUser.get(filter.userId) ?? new Set<string>());
    const found: AttemptRecord[] = [];
    for (const id of ids) {
      const attempt = this.#docs.get(id)!.data.attempt;
      if (filter.examId !== undefined && attempt.examId !== filter.examId) continue;
      if (filter.status !== undefined && attempt.status !== filter.status) continue;
      found.push(attempt);
    }
    return found.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  }

  /** Writes a new attempt file; the caller has checked that the id is free and valid. */
  async create(attempt: AttemptRecord): Promise<void> {
    const file = this.#file(attempt.id);
    const content: AttemptFile = { version: 1, attempt: attempt as AttemptFile['attempt'] };
    await file.write(content);
    this.#docs.set(attempt.id, JsonDoc.of(file, content));
    this.#index(attempt);
  }

  /** Serialised read-modify-write of one attempt's file; `null` when there is no such attempt. */
  async update<R>(id: string, change: (attempt: AttemptFile['attempt']) => Outcome<R>): Promise<R | null> {
    const doc = this.#docs.get(id);
    if (!doc) return null;
    return doc.update((draft) => change(draft.attempt));
  }

  async settled(): Promise<void> {
    await Promise.all([...this.#docs.values()].map((doc) => doc.settled()));
  }
}
