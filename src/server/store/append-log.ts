import * as fs from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { StoreCorruptError } from './store-errors.ts';
import { syncDirectory } from './durable-file.ts';

/** What reading a log found: its records in order, and how many bytes of the file hold whole records. */
export interface LogContent<T> {
  readonly records: T[];
  /** Bytes up to and including the last newline; anything after it is a torn append that was never acknowledged. */
  readonly validLength: number;
  readonly size: number;
}

/**
 * An append-only JSON Lines file: one record per line, each line ending in `\n`.
 *
 * An append is acknowledged only after `fdatasync` (and, for the append that created the file, an fsync of the
 * folder). A crash mid-append can only leave a partial last line without its newline: it was never acknowledged, so
 * reading ignores it and the next append first cuts it off. A complete line that is not valid JSON or not the
 * expected shape is damage, not a torn append, and is refused with the file and line number.
 *
 * Appends called while one is being flushed are written and synced together (group commit).
 */
export class AppendLog<T> {
  readonly path: string;
  #validLength: number;
  #size: number;
  #isNameSynced: boolean;
  #handle: fs.FileHandle | null = null;
  #pending: { readonly line: string; readonly resolve: () => void; readonly reject: (error: unknown) => void }[] = [];
  #running: Promise<void> | null = null;

  /** `content` is what `readLog` returned for this path, or null when the file does not exist yet. */
  constructor(path: string, content: Pick<LogContent<T>, 'validLength' | 'size'> | null) {
    this.path = path;
    this.#validLength = content?.validLength ?? 0;
    this.#size = content?.size ?? 0;
    this.#isNameSynced = content !== null;
  }

  /** Resolves once `record` is on disk (fdatasync done). */
  append(record: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.#running ??= this.#drain();
    });
  }

  async #drain(): Promise<void> {
    await Promise.resolve();
    while (this.#pending.length > 0) {
      const group = this.#pending;
      this.#pending = [];
      try {
        await this.#write(group.map((entry) => entry.line).join(''));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.#running = null;
  }

  async #write(text: string): Promise<void> {
    const created = !this.#isNameSynced;
    // Kept open between appends (until `release`): an autosave then costs one write and one fdatasync on libuv's
    // thread pool instead of four calls.
    const handle = (this.#handle ??= await fs.open(this.path, 'a', 0o600));
    try {
      // A torn tail from a crash, or from a failed append in this process: cut it off so the new line starts clean.
      if (this.#size !== this.#validLength) {
        await handle.truncate(this.#validLength);
        this.#size = this.#validLength;
      }
      const bytes = Buffer.from(text, 'utf8');
      this.#size = this.#validLength + bytes.length;
      await handle.write(bytes);
      await handle.datasync();
      this.#validLength = this.#size;
    } catch (error) {
      // Unknown how much reached the file: the next append truncates back to the last acknowledged byte.
      this.#size = Number.POSITIVE_INFINITY;
      this.#handle = null;
      await handle.close().catch(() => undefined);
      throw error;
    }
    // Until the folder is synced the file's name may not survive a power cut: sync it again on the next append if
    // this one fails.
    if (created) await syncDirectory(dirname(this.path));
    this.#isNameSynced = true;
  }

  /** Closes the kept file handle once pending appends are done; a later append opens it again. */
  async release(): Promise<void> {
    // The check and the take must run in one synchronous stretch, or an append could start on the handle in between.
    while (this.#running) await this.#running;
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close();
  }

  /** Resolves when every append called so far has settled. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }
}

/**
 * Reads and validates a JSON Lines log; `null` when the file does not exist.
 * @throws StoreCorruptError naming the file and line when a complete line is not valid JSON or not the schema.
 */
export async function readLog<T>(path: string, schema: z.ZodType<T>): Promise<LogContent<T> | null> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreCorruptError(path, `读取失败（${(error as Error).message}）`);
  }
  const validLength = buffer.lastIndexOf(0x0a) + 1;
  const text = buffer.subarray(0, validLength).toString('utf8');
  const records: T[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    line += 1;
    const raw = text.slice(start, end);
    start = end + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new StoreCorruptError(path, `第 ${line} 行不是有效的 JSON（${(error as Error).message}）`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(根)';
      throw new StoreCorruptError(path, `第 ${line} 行不符合预期的结构：${where}：${issue?.message ?? '未知错误'}`);
    }
    records.push(parsed.data);
  }
  return { records, validLength, size: buffer.length };
}
