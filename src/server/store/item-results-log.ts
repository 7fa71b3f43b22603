import { open, readFile } from 'node:fs/promises';
import { itemOutcomes, type ItemAggregate, type ItemAggregates, type ItemCutQuery } from '../../quiz/index.ts';
import { AppendLog } from './append-log.ts';
import { StoreCorruptError } from './store-errors.ts';
import type { ItemResultsFilter } from './store.ts';
import type { AttemptRecord } from './types.ts';

/**
 * One line of `attempt-items.jsonl`: a closed attempt's exam, grade and per-question outcomes (quiz's itemOutcomes:
 * `[itemId, 1 right / 0 wrong, chosen authored option ids or null for blank]`). An attempt closed without a grade
 * has `score: null, items: null`, so the log knows every closed attempt and a backfill never reads it again.
 */
interface ItemLine {
  readonly id: string;
  readonly examId: string;
  readonly score: number | null;
  readonly maxScore: number | null;
  readonly items: readonly (readonly [itemId: string, correct: 0 | 1, chosen: readonly string[] | null])[] | null;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isScore = (value: unknown) => value === null || typeof value === 'number';

/** Checked by hand: a zod schema of 20 tuples a line made reading 50,000 lines take seconds. */
function isItemLine(value: unknown): value is ItemLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  if (typeof line.id !== 'string' || typeof line.examId !== 'string' || !isScore(line.score) || !isScore(line.maxScore)) return false;
  if (line.items === null) return true;
  return (
    Array.isArray(line.items) &&
    line.items.every(
      (item: unknown) =>
        Array.isArray(item) &&
        item.length === 3 &&
        typeof item[0] === 'string' &&
        (item[1] === 0 || item[1] === 1) &&
        (item[2] === null || isStrings(item[2])),
    )
  );
}

/** Lines parsed between two yields to the event loop while the log is read. */
const LINES_PER_SLICE = 2_000;

/**
 * Reads the log in slices, yielding between them, so reading 50,000 lines (40 MB) does not hold autosaves up for a
 * second. A partial last line (a torn append) is ignored, as readLog does; a complete line that is not JSON or not
 * the shape is damage, refused with the file and line.
 */
async function readLines(path: string, take: (line: ItemLine) => void): Promise<void> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new StoreCorruptError(path, `读取失败（${(error as Error).message}）`);
  }
  const text = buffer.subarray(0, buffer.lastIndexOf(0x0a) + 1).toString('utf8');
  let start = 0;
  for (let line = 1; start < text.length; line += 1) {
    const end = text.indexOf('\n', start);
    let json: unknown;
    try {
      json = JSON.parse(text.slice(start, end));
    } catch (error) {
      throw new StoreCorruptError(path, `第 ${line} 行不是有效的 JSON（${(error as Error).message}）`);
    }
    if (!isItemLine(json)) throw new StoreCorruptError(path, `第 ${line} 行不符合预期的结构（id、examId、score、maxScore、items）`);
    take(json);
    start = end + 1;
    if (line % LINES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A line in memory: codes into the log's tables instead of strings, two int32 per question. */
interface Entry {
  readonly id: string;
  readonly examId: string;
  /** Index into the score-cell table; -1 when ungraded. */
  readonly cell: number;
  /** Per question: item code, then (choice code + 1) × 2 + right (choice code −1: blank). */
  readonly codes: Int32Array | null;
}

/** What the log needs of the attempt files to backfill: closed attempts it has no line for, read once each. */
export interface ItemResultsSource {
  /** Ids of every closed attempt whose file is not known to be damaged. */
  closedIds(): Iterable<string>;
  read(id: string): Promise<AttemptRecord | null>;
}

/** Files read at once during the backfill. */
const BACKFILL_CONCURRENCY = 64;

/** Bytes of the file up to its last newline, and its size: where the next append goes (a torn tail is cut off). */
async function logExtent(path: string): Promise<{ validLength: number; size: number } | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const chunk = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) return { validLength: start + newline + 1, size };
      end = start;
    }
    return { validLength: 0, size };
  } finally {
    await handle.close();
  }
}

/**
 * The per-question outcomes of closed attempts for the item analysis (see ItemResultsArea), as an append-only log
 * beside the attempt index. Closing an attempt appends its line; the log is read (and attempts closed before it
 * existed are backfilled from their files, once) on the first aggregate, not when the store opens, so a server start
 * does not pay for it. In memory the outcomes are int32 codes: 50,000 attempts × 20 questions take ~8 MB, and an
 * aggregate is one pass over them.
 */
export class ItemResultsLog {
  readonly #path: string;
  readonly #log: AppendLog<ItemLine>;
  readonly #source: ItemResultsSource;
  #entries: Map<string, Entry> | null = null;
  /** The entries by attempt id in code-unit order (the tie-break of discrimination), rebuilt after a new attempt. */
  #sorted: Entry[] | null = null;
  #loading: Promise<Map<string, Entry>> | null = null;
  /** Lines recorded while the log was being read, merged in when reading is done. */
  readonly #early = new Map<string, Entry>();
  readonly #itemIds: string[] = [];
  readonly #itemCodes = new Map<string, number>();
  readonly #choices: (readonly string[])[] = [];
  readonly #choiceCodes = new Map<string, number>();
  readonly #cells: { readonly score: number; readonly maxScore: number }[] = [];
  readonly #cellCodes = new Map<string, number>();

  private constructor(path: string, extent: { validLength: number; size: number } | null, source: ItemResultsSource) {
    this.#path = path;
    this.#log = new AppendLog(path, extent);
    this.#source = source;
  }

  /** Finds where appends go (reads the file's tail only); the lines are read on first use. */
  static async open(path: string, source: ItemResultsSource): Promise<ItemResultsLog> {
    return new ItemResultsLog(path, await logExtent(path), source);
  }

  /** Appends a closed attempt's line (durable when it resolves). */
  async record(record: AttemptRecord): Promise<void> {
    if (record.status === 'in-progress') return;
    await this.#append(record, this.#entries ?? this.#early);
  }

  async #append(record: AttemptRecord, into: Map<string, Entry>): Promise<void> {
    const line = lineOf(record);
    into.set(line.id, this.#entryOf(line));
    this.#sorted = null;
    await this.#log.append(line);
  }

  async settled(): Promise<void> {
    await this.#loading?.catch(() => undefined);
    await this.#log.settled();
    await this.#log.release();
  }

  /** Graded attempts of the scope with their outcomes: one pass over the log in memory. */
  async aggregates(filter: ItemResultsFilter, attempts: number): Promise<ItemAggregates> {
    const entries = await this.#load();
    let graded = 0;
    const perItem = new Map<number, { cells: Map<number, { n: number; correct: number }>; blank: number; choices: Map<number, number> }>();
    for (const entry of entries.values()) {
      if (filter.examId !== undefined && entry.examId !== filter.examId) continue;
      if (!entry.codes) continue;
      graded += 1;
      for (let k = 0; k < entry.codes.length; k += 2) {
        const item = entry.codes[k]!;
        const value = entry.codes[k + 1]!;
        let tally = perItem.get(item);
        if (!tally) perItem.set(item, (tally = { cells: new Map(), blank: 0, choices: new Map() }));
        let cell = tally.cells.get(entry.cell);
        if (!cell) tally.cells.set(entry.cell, (cell = { n: 0, correct: 0 }));
        cell.n += 1;
        cell.correct += value & 1;
        const choice = (value >> 1) - 1;
        if (choice < 0) tally.blank += 1;
        else tally.choices.set(choice, (tally.choices.get(choice) ?? 0) + 1);
      }
    }
    const items: ItemAggregate[] = [...perItem].map(([item, tally]) => {
      const options = new Map<string, number>();
      for (const [choice, count] of tally.choices) for (const id of this.#choices[choice]!) options.set(id, (options.get(id) ?? 0) + count);
      return {
        itemId: this.#itemIds[item]!,
        cells: [...tally.cells]
          .map(([cell, { n, correct }]) => ({ ...this.#cells[cell]!, n, correct }))
          .sort((a, b) => a.maxScore - b.maxScore || a.score - b.score),
        blank: tally.blank,
        options: [...options].map(([id, count]) => ({ id, count })).sort((a, b) => compare(a.id, b.id)),
      };
    });
    return { graded, ungraded: Math.max(0, attempts - graded), items: items.sort((a, b) => compare(a.itemId, b.itemId)) };
  }

  /**
   * Each cut's right answers in one pass over the entries in attempt-id order: a cut from the top counts the first
   * `take` responses at its level as they come, one from the bottom keeps its level's answers and counts the last.
   */
  async cutCorrect(filter: ItemResultsFilter, cuts: readonly ItemCutQuery[]): Promise<number[]> {
    if (cuts.length === 0) return [];
    const entries = await this.#load();
    const byItem = new Map<number, { cut: number; cells: Set<number> }[]>();
    cuts.forEach((cut, index) => {
      const cells = new Set(cut.scores.flatMap(({ score, maxScore }) => this.#cellCodes.get(cellKey(score, maxScore)) ?? []));
      for (const itemId of cut.itemIds) {
        const item = this.#itemCodes.get(itemId);
        if (item === undefined) continue;
        const list = byItem.get(item) ?? [];
        list.push({ cut: index, cells });
        byItem.set(item, list);
      }
    });
    const seen = cuts.map(() => 0);
    const correct = cuts.map(() => 0);
    const lower = cuts.map((cut) => (cut.side === 'lower' ? ([] as number[]) : null));
    this.#sorted ??= [...entries.values()].sort((a, b) => compare(a.id, b.id));
    for (const entry of this.#sorted) {
      if (filter.examId !== undefined && entry.examId !== filter.examId) continue;
      if (!entry.codes) continue;
      for (let k = 0; k < entry.codes.length; k += 2) {
        const wanted = byItem.get(entry.codes[k]!);
        if (!wanted) continue;
        const right = entry.codes[k + 1]! & 1;
        for (const { cut, cells } of wanted) {
          if (!cells.has(entry.cell)) continue;
          const kept = lower[cut];
          if (kept) kept.push(right);
          else if (seen[cut]! < cuts[cut]!.take) correct[cut]! += right;
          seen[cut]! += 1;
        }
      }
    }
    return cuts.map((cut, index) => {
      const kept = lower[index];
      if (!kept) return correct[index]!;
      let sum = 0;
      for (let i = Math.max(0, kept.length - cut.take); i < kept.length; i += 1) sum += kept[i]!;
      return sum;
    });
  }

  #load(): Promise<Map<string, Entry>> {
    if (this.#entries) return Promise.resolve(this.#entries);
    this.#loading ??= this.#read().catch((error: unknown) => {
      this.#loading = null;
      throw error;
    });
    return this.#loading;
  }

  async #read(): Promise<Map<string, Entry>> {
    const entries = new Map<string, Entry>();
    await readLines(this.#path, (line) => entries.set(line.id, this.#entryOf(line)));
    // Attempts closed before the log existed (or whose line a crash cut off): read once each, appended.
    const missing = [...this.#source.closedIds()].filter((id) => !entries.has(id) && !this.#early.has(id));
    for (let start = 0; start < missing.length; start += BACKFILL_CONCURRENCY) {
      await Promise.all(
        missing.slice(start, start + BACKFILL_CONCURRENCY).map(async (id) => {
          const record = await this.#source.read(id);
          if (record && record.status !== 'in-progress' && !this.#early.has(id)) await this.#append(record, entries);
        }),
      );
    }
    // Closes recorded meanwhile are newer than anything read.
    for (const [id, entry] of this.#early) entries.set(id, entry);
    this.#early.clear();
    this.#entries = entries;
    return entries;
  }

  #entryOf(line: ItemLine): Entry {
    if (line.items === null || line.score === null || line.maxScore === null) return { id: line.id, examId: line.examId, cell: -1, codes: null };
    const codes = new Int32Array(line.items.length * 2);
    line.items.forEach(([itemId, correct, chosen], k) => {
      codes[k * 2] = intern(this.#itemCodes, this.#itemIds, itemId, itemId);
      const choice = chosen === null || chosen.length === 0 ? -1 : intern(this.#choiceCodes, this.#choices, JSON.stringify(chosen), chosen);
      codes[k * 2 + 1] = (choice + 1) * 2 + correct;
    });
    const { score, maxScore } = line;
    return { id: line.id, examId: line.examId, cell: intern(this.#cellCodes, this.#cells, cellKey(score, maxScore), { score, maxScore }), codes };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cellKey = (score: number, maxScore: number) => `${score}/${maxScore}`;

function intern<T>(codes: Map<string, number>, table: T[], key: string, value: T): number {
  let code = codes.get(key);
  if (code === undefined) {
    code = table.length;
    table.push(value);
    codes.set(key, code);
  }
  return code;
}

function lineOf(record: AttemptRecord): ItemLine {
  const outcomes = itemOutcomes(record);
  if (!outcomes || !record.result) return { id: record.id, examId: record.examId, score: null, maxScore: null, items: null };
  return {
    id: record.id,
    examId: record.examId,
    score: record.result.score,
    maxScore: record.result.maxScore,
    items: outcomes.map(({ itemId, correct, chosen }) => [itemId, correct ? 1 : 0, chosen === null ? null : [...chosen]]),
  };
}
