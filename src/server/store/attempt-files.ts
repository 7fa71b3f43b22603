import { readdir, unlink } from 'node:fs/promises';
import { type AreaTally, itemTallies } from '../../present/dashboard/index.ts';
import { basename, dirname, join } from 'node:path';
import { AppendLog, readLog, type LogContent } from './append-log.ts';
import { DurableJsonFile, type DurableIo } from './durable-file.ts';
import { ItemResultsLog } from './item-results-log.ts';
import {
  type AnswerLogLine,
  AnswerLogLineSchema,
  type AttemptFile,
  AttemptFileSchema,
  type AttemptIndexRecord,
  AttemptIndexRecordSchema,
} from './schemas.ts';
import { serialQueue } from './serial.ts';
import { StoreCorruptError } from './store-errors.ts';
import type { AttemptRecord, AttemptStatus, SavedAnswer } from './types.ts';

/** Attempt ids become file names: only URL-safe characters, so an id can never point outside the folder. */
export const ATTEMPT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const SNAPSHOT_FILE = /^([A-Za-z0-9_-]{8,64})\.json$/;
const ANSWER_LOG_FILE = /^([A-Za-z0-9_-]{8,64})\.jsonl$/;
/** Files read at once; enough to keep the disk busy without running out of descriptors. */
const READ_CONCURRENCY = 64;
/** Closed attempts kept in memory after being read; the rest are read from disk again when asked for. */
const CLOSED_CACHE_SIZE = 1000;
/** Answers appended to one attempt's log before its snapshot is rewritten and the log started afresh. */
const COMPACT_AFTER = 256;
/** Answer logs kept open between autosaves; beyond this the least recently saved one is closed. */
const OPEN_LOGS = 2048;

/** What the index knows of an attempt without reading its file. */
export interface AttemptSummary {
  readonly id: string;
  readonly examId: string;
  readonly userId: string;
  readonly startedAt: number;
  status: AttemptStatus;
  /** A closed attempt's result as listings show it; absent while in progress and in indexes written before it. */
  result?: IndexResult;
}

/** The close line's result: what /lead/attempts and results.csv show of a closed attempt. */
export interface IndexResult {
  readonly submittedAt: number | null;
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  readonly certificateId: string | null;
  /** Per-rule-area tallies of the grade, for dashboards; absent in close lines written before they were added. */
  readonly areas?: AreaTally[] | undefined;
}

function indexResult(record: AttemptRecord): IndexResult | undefined {
  const { result } = record;
  if (!result) return undefined;
  return {
    submittedAt: record.submittedAt,
    score: result.score,
    maxScore: result.maxScore,
    passed: result.passed,
    certificateId: result.certificateId,
    areas: itemTallies(result.perItem),
  };
}

/** The index line that closes `record` (with its result when it has one). */
function closeLine(record: AttemptRecord & { readonly status: 'submitted' | 'expired' }): AttemptIndexRecord {
  const result = indexResult(record);
  return { op: 'close', id: record.id, status: record.status, ...(result ? { result } : {}) };
}

/**
 * What a change to one attempt decided: nothing to write, one answer to append, the still open record to rewrite
 * whole (the fence), or the closed record to write.
 */
export type AttemptChange<R> =
  | { readonly kind: 'keep'; readonly value: R }
  | { readonly kind: 'answer'; readonly answer: SavedAnswer; readonly value: (next: AttemptRecord) => R }
  | { readonly kind: 'rewrite'; readonly next: AttemptRecord; readonly value: (next: AttemptRecord) => R }
  | { readonly kind: 'close'; readonly next: AttemptRecord; readonly value: (next: AttemptRecord) => R };

/** An in-progress attempt: held in memory with its answer log, changed one request at a time. */
interface LiveAttempt {
  record: AttemptRecord;
  log: AppendLog<AnswerLogLine>;
  logCount: number;
  /** The position of the last line appended to the log (or folded into the snapshot when the log is empty). */
  position: number;
  readonly snapshot: DurableJsonFile<AttemptFile>;
  readonly serial: <R>(task: () => Promise<R>) => Promise<R>;
}

/**
 * The attempts: `attempts/<id>.json` (the snapshot: the attempt as of its start, last compaction or close),
 * `attempts/<id>.jsonl` (answers saved since that snapshot, one line each) and `attempt-index.jsonl` (who, which
 * exam, when, and status, for every attempt).
 *
 * An autosave appends one line to the attempt's log and fdatasyncs it: no rewrite, no rename. Closing writes the full
 * record as the snapshot (atomic rename) and deletes the log. Opening reads the index, lists the folder, and reads
 * only the in-progress attempts (and any attempt file the index does not know yet); closed attempts are read when
 * asked for and a bounded number kept in memory.
 */
export class AttemptFiles {
  readonly #summaries = new Map<string, AttemptSummary>();
  readonly #byUser = new Map<string, Set<string>>();
  readonly #live = new Map<string, LiveAttempt>();
  readonly #closed = new Map<string, AttemptRecord>();
  /** Closed attempts whose file could not be read when last tried, with the reason logged for each. */
  readonly #unreadable = new Map<string, string>();
  /** Live attempts whose log holds an open file handle, least recently appended first. */
  readonly #openLogs = new Set<LiveAttempt>();
  readonly #index: AppendLog<AttemptIndexRecord>;
  readonly #indexRepairs: AttemptIndexRecord[] = [];
  readonly #staleLogs: string[] = [];
  /** Every summary by startedAt, then id (code-unit order), for scans; rebuilt after an attempt is added. */
  #ordered: AttemptSummary[] | null = null;
  /** Per-question outcomes of closed attempts, for the item analysis (`attempt-items.jsonl`). */
  #items: ItemResultsLog | null = null;

  private readonly dir: string;
  private readonly io: DurableIo | undefined;

  private constructor(dir: string, indexPath: string, index: LogContent<AttemptIndexRecord> | null, io?: DurableIo) {
    this.dir = dir;
    this.io = io;
    this.#index = new AppendLog(indexPath, index);
  }

  /**
   * Reads the index and validates every attempt that can still change (in progress) or that the index does not list
   * yet; writes nothing. Call `finishOpen` once every other data file has been validated too.
   * @throws StoreCorruptError naming the index or the attempt file that cannot be trusted, or an attempt file the
   * index lists but that is missing.
   */
  static async open(dir: string, indexPath: string, io?: DurableIo, itemsPath?: string): Promise<AttemptFiles> {
    const index = await readLog(indexPath, AttemptIndexRecordSchema);
    const files = new AttemptFiles(dir, indexPath, index, io);
    files.#items = await ItemResultsLog.open(itemsPath ?? join(dirname(indexPath), 'attempt-items.jsonl'), {
      closedIds: () => [...files.#summaries.values()].filter((s) => s.status !== 'in-progress' && !files.#unreadable.has(s.id)).map((s) => s.id),
      read: (id) => files.#readOrSkip(id),
    });
    for (const record of index?.records ?? []) {
      if (record.op === 'start') files.#addSummary({ ...record, status: 'in-progress' });
      else {
        const summary = files.#summaries.get(record.id);
        if (!summary) throw new StoreCorruptError(indexPath, `考试 ${record.id} 有结束记录，却没有开始记录`);
        summary.status = record.status;
        if (record.result) summary.result = record.result;
      }
    }

    const snapshots = new Set<string>();
    const logs = new Set<string>();
    for (const name of await readdir(dir)) {
      const snapshot = SNAPSHOT_FILE.exec(name)?.[1];
      if (snapshot) snapshots.add(snapshot);
      const log = ANSWER_LOG_FILE.exec(name)?.[1];
      if (log) logs.add(log);
    }

    // Files the index does not list: a crash between writing the file and its index line, or no index yet.
    const unindexed = [...snapshots].filter((id) => !files.#summaries.has(id)).sort();
    await inBatches(unindexed, async (id) => {
      const record = await files.#adopt(id, logs.has(id));
      files.#addSummary({ ...record, status: record.status });
      const { examId, userId, startedAt } = record;
      files.#indexRepairs.push({ op: 'start', id, examId, userId, startedAt });
      if (record.status !== 'in-progress') files.#indexRepairs.push(closeLine({ ...record, status: record.status }));
    });
    for (const id of files.#summaries.keys()) {
      if (!snapshots.has(id)) {
        throw new StoreCorruptError(join(dir, `${id}.json`), `考试索引 ${basename(indexPath)} 记录了这场考试，但它的文件不存在`);
      }
    }

    const open = [...files.#summaries.values()].filter((s) => s.status === 'in-progress' && !files.#live.has(s.id));
    await inBatches(open, async (summary) => {
      const record = await files.#adopt(summary.id, logs.has(summary.id));
      // Closed on disk, but the crash came before its index line.
      if (record.status !== 'in-progress') {
        summary.status = record.status;
        files.#indexRepairs.push(closeLine({ ...record, status: record.status }));
      }
    });
    for (const id of logs) {
      const status = files.#summaries.get(id)?.status;
      if (status !== undefined && status !== 'in-progress') files.#staleLogs.push(join(dir, `${id}.jsonl`));
    }
    return files;
  }

  /** Brings the index up to date with what opening found, and deletes answer logs already folded into a snapshot. */
  async finishOpen(): Promise<void> {
    await Promise.all(this.#indexRepairs.splice(0).map((record) => this.#index.append(record)));
    for (const path of this.#staleLogs.splice(0)) await unlink(path).catch(() => undefined);
  }

  /** Reads one attempt's snapshot and replays its log; in-progress attempts become live. */
  async #adopt(id: string, hasLog: boolean): Promise<AttemptRecord> {
    const snapshot = this.#snapshotFile(id);
    const content = await snapshot.read();
    if (!content) throw new StoreCorruptError(snapshot.path, '文件在启动过程中消失了');
    if (content.attempt.id !== id) {
      throw new StoreCorruptError(snapshot.path, `文件名是 ${id}，但其中记录的考试编号是 ${content.attempt.id}`);
    }
    let record: AttemptRecord = content.attempt;
    if (record.status !== 'in-progress') return record;
    const logPath = this.#logPath(id);
    const log = hasLog ? await readLog(logPath, AnswerLogLineSchema) : null;
    let position = content.logPosition;
    for (const line of log?.records ?? []) {
      // Lines at or below the snapshot's position were folded into it before a crash removed the log. Every line was
      // acknowledged in log order, so replaying the rest in order rebuilds exactly the acknowledged answers.
      if (line.position > position) {
        record = withAnswer(record, line.answer);
        position = line.position;
      }
    }
    this.#live.set(id, {
      record,
      log: new AppendLog(logPath, log),
      logCount: log?.records.length ?? 0,
      position,
      snapshot,
      serial: serialQueue(),
    });
    return record;
  }

  #snapshotFile(id: string): DurableJsonFile<AttemptFile> {
    return new DurableJsonFile(join(this.dir, `${id}.json`), AttemptFileSchema, this.io ? { io: this.io } : {});
  }

  #logPath(id: string): string {
    return join(this.dir, `${id}.jsonl`);
  }

  #addSummary(summary: AttemptSummary | AttemptRecord): void {
    this.#ordered = null;
    const { id, examId, userId, startedAt, status } = summary;
    const result = 'items' in summary ? indexResult(summary) : summary.result;
    this.#summaries.set(id, { id, examId, userId, startedAt, status, ...(result && status !== 'in-progress' ? { result } : {}) });
    let ids = this.#byUser.get(userId);
    if (!ids) this.#byUser.set(userId, (ids = new Set()));
    ids.add(id);
  }

  #remember(record: AttemptRecord): void {
    this.#closed.delete(record.id);
    this.#closed.set(record.id, record);
    if (this.#closed.size > CLOSED_CACHE_SIZE) this.#closed.delete(this.#closed.keys().next().value!);
  }

  has(id: string): boolean {
    return this.#summaries.has(id);
  }

  /**
   * The committed record; a closed attempt not in memory is read from its file.
   * @throws StoreCorruptError when that file cannot be trusted.
   */
  async get(id: string): Promise<AttemptRecord | null> {
    const live = this.#live.get(id);
    if (live) return live.record;
    const cached = this.#closed.get(id);
    if (cached) {
      this.#remember(cached);
      return cached;
    }
    if (!this.#summaries.has(id)) return null;
    const file = this.#snapshotFile(id);
    const content = await file.read();
    if (!content) throw new StoreCorruptError(file.path, '考试索引记录了这场考试，但它的文件不存在');
    this.#remember(content.attempt);
    return content.attempt;
  }

  /** The user's in-progress attempt at the exam, if any; answered from memory. */
  findOpen(userId: string, examId: string): AttemptRecord | null {
    for (const id of this.#byUser.get(userId) ?? []) {
      const summary = this.#summaries.get(id)!;
      if (summary.examId === examId && summary.status === 'in-progress') return this.#live.get(id)?.record ?? null;
    }
    return null;
  }

  /** Summaries matching the filter, in no particular order; no file is read. */
  summaries(filter: {
    readonly userId?: string;
    readonly examId?: string;
    readonly status?: AttemptStatus;
    readonly userIds?: readonly string[];
  }): AttemptSummary[] {
    const ids: Iterable<string> =
      filter.userId !== undefined
        ? (this.#byUser.get(filter.userId) ?? [])
        : filter.userIds !== undefined
          ? filter.userIds.flatMap((userId) => [...(this.#byUser.get(userId) ?? [])])
          : this.#summaries.keys();
    const found: AttemptSummary[] = [];
    const users = filter.userIds && filter.userId !== undefined ? new Set(filter.userIds) : null;
    for (const id of ids) {
      const summary = this.#summaries.get(id)!;
      if (filter.examId !== undefined && summary.examId !== filter.examId) continue;
      if (filter.status !== undefined && summary.status !== filter.status) continue;
      if (users && !users.has(summary.userId)) continue;
      found.push({ ...summary });
    }
    return found;
  }

  /**
   * Full records matching the filter, oldest first. Closed attempts not in memory are read from disk; one whose file
   * cannot be trusted is left out (see listUnreadable) instead of failing the whole list.
   */
  async list(filter: Parameters<AttemptFiles['summaries']>[0]): Promise<AttemptRecord[]> {
    const found: AttemptRecord[] = [];
    await inBatches(this.summaries(filter), async (summary) => {
      const record = await this.#readOrSkip(summary.id);
      if (record) found.push(record);
    });
    return found.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  }

  /** Summaries of the attempts matching the filter whose file cannot be read now, oldest first. */
  async listUnreadable(filter: Parameters<AttemptFiles['summaries']>[0]): Promise<AttemptSummary[]> {
    const found: AttemptSummary[] = [];
    if (filter.userId !== undefined) {
      // One trainee's attempts (/me): few, so each closed one is read and checked.
      await inBatches(this.summaries(filter), async (summary) => {
        if (!this.#live.has(summary.id) && !this.#closed.has(summary.id) && !(await this.#readOrSkip(summary.id))) found.push(summary);
      });
    } else {
      // Listings of everyone's attempts answer from the index and read no file (50,000 reads took seconds): a damaged
      // file is found when that attempt is read (its page, the trainee's /me, item analysis, the dashboard), logged,
      // and listed here from then on.
      for (const summary of this.summaries(filter)) if (this.#unreadable.has(summary.id)) found.push(summary);
    }
    return found
      .map(({ id, examId, userId, startedAt, status }) => ({ id, examId, userId, startedAt, status }))
      .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  }

  /**
   * Every summary (live objects: status and result follow closes), ordered by startedAt, then id in code-unit order;
   * sorted once and kept until the next attempt is added.
   */
  ordered(): readonly AttemptSummary[] {
    this.#ordered ??= [...this.#summaries.values()].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.#ordered;
  }

  /**
   * Brings a closed attempt's index entry up to date from its file when the index line predates what listings read
   * (its result, then its per-area tallies): appends a fresh close line, so the next open and every later scan read
   * the index alone. The backfill of older data folders, one attempt at a time as scans meet them. Null when the file
   * cannot be read.
   */
  async backfill(id: string): Promise<AttemptSummary | null> {
    const record = await this.#readOrSkip(id);
    const summary = this.#summaries.get(id);
    if (!record || !summary) return null;
    if (record.status === 'in-progress' || summary.status === 'in-progress') return summary;
    const result = indexResult(record);
    if (result && !summary.result?.areas) {
      summary.result = result;
      await this.#index.append(closeLine({ ...record, status: record.status }));
    }
    return summary;
  }

  /** The per-question outcomes of closed attempts (read on first use, backfilled from files once). */
  get items(): ItemResultsLog {
    return this.#items!;
  }

  /** Whether the attempt's file was found damaged when last read. */
  isUnreadable(id: string): boolean {
    return this.#unreadable.has(id);
  }

  /** The record, or null when its file cannot be trusted: logged once per attempt with the file and the reason. */
  readOrSkip(id: string): Promise<AttemptRecord | null> {
    return this.#readOrSkip(id);
  }

  async #readOrSkip(id: string): Promise<AttemptRecord | null> {
    try {
      const record = await this.get(id);
      this.#unreadable.delete(id);
      return record;
    } catch (error) {
      if (!(error instanceof StoreCorruptError)) throw error;
      if (this.#unreadable.get(id) !== error.reason) {
        this.#unreadable.set(id, error.reason);
        console.error(`[store] attempt ${id} cannot be read and is shown as unreadable: ${error.file}: ${error.reason}. Restore the file from a backup.`);
      }
      return null;
    }
  }

  /** Writes a new (or imported) attempt's snapshot, then its index line(s); the caller has checked that the id is free and valid. */
  async create(record: AttemptRecord): Promise<void> {
    const snapshot = this.#snapshotFile(record.id);
    await snapshot.write({ version: 1, attempt: record as AttemptFile['attempt'], logPosition: 0 });
    if (record.status !== 'in-progress') {
      // An imported closed attempt: its snapshot is final, the index learns its start and close together.
      this.#addSummary({ ...record });
      this.#remember(record);
      const { id, examId, userId, startedAt, status } = record;
      await this.#index.append({ op: 'start', id, examId, userId, startedAt });
      await this.#index.append(closeLine({ ...record, status }));
      await this.#items?.record(record);
      return;
    }
    this.#live.set(record.id, {
      record,
      log: new AppendLog(this.#logPath(record.id), null),
      logCount: 0,
      position: 0,
      snapshot,
      serial: serialQueue(),
    });
    this.#addSummary({ ...record });
    const { id, examId, userId, startedAt } = record;
    await this.#index.append({ op: 'start', id, examId, userId, startedAt });
  }

  /**
   * Serialised change of one attempt; `null` when there is no such attempt. A closed attempt only ever answers `keep`.
   * Resolves once what the change decided is durable.
   */
  async update<R>(id: string, change: (attempt: AttemptRecord) => AttemptChange<R>): Promise<R | null> {
    const live = this.#live.get(id);
    if (!live) {
      const record = await this.get(id);
      if (!record) return null;
      const outcome = change(record);
      if (outcome.kind !== 'keep') throw new Error(`Attempt ${id} is closed; its file is never rewritten.`);
      return outcome.value;
    }
    return live.serial(async () => {
      const outcome = change(live.record);
      if (outcome.kind === 'keep') return outcome.value;
      if (outcome.kind === 'answer') {
        const next = withAnswer(live.record, outcome.answer);
        this.#keepOpen(live);
        await live.log.append({ position: live.position + 1, answer: outcome.answer });
        live.position += 1;
        live.record = next;
        live.logCount += 1;
        if (live.logCount >= COMPACT_AFTER) await this.#compact(live);
        return outcome.value(next);
      }
      const next = outcome.next;
      await live.snapshot.write({ version: 1, attempt: next as AttemptFile['attempt'], logPosition: live.position });
      live.record = next;
      if (outcome.kind === 'rewrite') return outcome.value(next);
      this.#live.delete(id);
      const summary = this.#summaries.get(id)!;
      summary.status = next.status;
      const result = indexResult(next);
      if (result) summary.result = result;
      this.#remember(next);
      // The grade's per-question outcomes go to their own log beside the close line (both group-commit).
      if (next.status !== 'in-progress') await Promise.all([this.#index.append(closeLine({ ...next, status: next.status })), this.#items?.record(next)]);
      this.#openLogs.delete(live);
      await live.log.release();
      await unlink(live.log.path).catch(() => undefined);
      return outcome.value(next);
    });
  }

  /** Folds the log into a new snapshot. The answer that triggered it is durable already, so a failure here is only logged. */
  async #compact(live: LiveAttempt): Promise<void> {
    try {
      await live.snapshot.write({ version: 1, attempt: live.record as AttemptFile['attempt'], logPosition: live.position });
      this.#openLogs.delete(live);
      await live.log.release();
      await unlink(live.log.path);
      live.log = new AppendLog(live.log.path, null);
      live.logCount = 0;
    } catch (error) {
      console.error(`[store] compacting ${live.log.path} failed; the answers stay in the log:`, error);
    }
  }

  #keepOpen(live: LiveAttempt): void {
    this.#openLogs.delete(live);
    this.#openLogs.add(live);
    if (this.#openLogs.size > OPEN_LOGS) {
      const oldest = this.#openLogs.values().next().value!;
      this.#openLogs.delete(oldest);
      void oldest.log.release().catch(() => undefined);
    }
  }

  /** Waits for pending writes and closes the kept file handles. */
  async settled(): Promise<void> {
    await Promise.all([...this.#live.values()].map((live) => live.serial(async () => undefined)));
    await Promise.all([...this.#openLogs].map((live) => live.log.release()));
    this.#openLogs.clear();
    await this.#index.release();
    await this.#items?.settled();
  }
}

function withAnswer(record: AttemptRecord, answer: SavedAnswer): AttemptRecord {
  return { ...record, answers: { ...record.answers, [answer.itemId]: { ...answer } } };
}

async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += READ_CONCURRENCY) {
    await Promise.all(items.slice(start, start + READ_CONCURRENCY).map(task));
  }
}
