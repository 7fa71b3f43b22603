import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreCorruptError } from './store-errors.ts';

/** The file-system calls a durable write makes, so a test can record their order or fail one of them. */
export interface DurableIo {
  open(path: string, flags: string, mode?: number): Promise<Pick<fs.FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

const nodeIo: DurableIo = {
  open: (path, flags, mode) => fs.open(path, flags, mode),
  rename: fs.rename,
  unlink: fs.unlink,
  readFile: (path, encoding) => fs.readFile(path, encoding),
};

/** Temp files are dot-files next to their target, so a rename never crosses a file system. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * A lowdb adapter for one JSON file that acknowledges a write only once it would survive a power cut, and refuses
 * to read a file it cannot trust.
 *
 * lowdb's own JSONFile (through steno) writes a temp file and renames it, but never fsyncs: after a crash the rename
 * may be on disk while the data is not. Here each write goes: temp file in the same directory (mode 0600, it may
 * hold password hashes) → write → fsync → close → rename over the target → fsync the directory, so the rename itself
 * is durable. Writes to one file are serialised; each uses its own temp name.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  #queue: Promise<unknown> = Promise.resolve();
  readonly path: string;
  private readonly schema: z.ZodType<T>;
  private readonly options: { readonly pretty?: boolean; readonly io?: DurableIo };

  constructor(
    path: string,
    schema: z.ZodType<T>,
    options: { readonly pretty?: boolean; readonly io?: DurableIo } = {},
  ) {
    this.path = path;
    this.schema = schema;
    this.options = options;
  }

  /**
   * @returns the validated content, or `null` when the file does not exist yet.
   * @throws StoreCorruptError when the file cannot be read, is not JSON, or does not match the schema.
   */
  async read(): Promise<T | null> {
    const io = this.options.io ?? nodeIo;
    let text: string;
    try {
      text = await io.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreCorruptError(this.path, `读取失败（${(error as Error).message}）`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const reason = text.trim() === '' ? '文件是空的' : `不是有效的 JSON（${(error as Error).message}）`;
      throw new StoreCorruptError(this.path, reason);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(根)';
      throw new StoreCorruptError(this.path, `内容不符合预期的结构：${where}：${issue?.message ?? '未知错误'}`);
    }
    return parsed.data;
  }

  /** Resolves once the new content is durable; on rejection the previous file is intact. */
  write(data: T): Promise<void> {
    const run = this.#queue.then(() => this.#writeNow(data));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every write queued so far has finished (successfully or not). */
  async flushed(): Promise<void> {
    await this.#queue;
  }

  async #writeNow(data: T): Promise<void> {
    const io = this.options.io ?? nodeIo;
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
    const text = this.options.pretty ? `${JSON.stringify(data, null, 2)}\n` : JSON.stringify(data);
    try {
      const handle = await io.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await io.rename(temp, this.path);
    } catch (error) {
      await io.unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dir, io);
  }
}

/** Makes a file's creation (or a rename into the folder) durable: fsync of the folder itself. */
export async function syncDirectory(dir: string, io: DurableIo = nodeIo): Promise<void> {
  let handle;
  try {
    handle = await io.open(dir, 'r');
  } catch (error) {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
