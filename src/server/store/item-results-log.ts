import { open } from 'node:fs/promises';
import { z } from 'zod';
import { itemOutcomes, type ItemAggregate, type ItemAggregates, type ItemCutQuery } from '../../quiz/index.ts';
import { AppendLog, readLog } from './append-log.ts';
import type { ItemResultsFilter } from './store.ts';
import type { AttemptRecord } from './types.ts';

/**
 * One line of `attempt-items.jsonl`: a closed attempt's exam, grade and per-question outcomes (quiz's itemOutcomes:
 * `[itemId, 1 right / 0 wrong, chosen authored option ids or null for blank]`). An attempt closed without a grade
 * has `score: null, items: null`, so the log knows every closed attempt and a backfill never reads it again.
 */
const ItemLineSchema = z.object({
  id: z.string(),
  examId: z.string(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  items: z.array(z.tuple([z.string(), z.union([z.literal(0), z.literal(1)]), z.array(z.string()).nullable()])).nullable(),
});
type ItemLine = z.infer<typeof ItemLineSchema>;

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

  /** Each cut's right answers: the responses at its level collected in one pass, then ordered by attempt id. */
  async cutCorrect(filter: ItemResultsFilter, cuts: readonly ItemCutQuery[]): Promise<number[]> {
    if (cuts.length === 0) return [];
    const entries = await this.#load();
    const byItem = new Map<number, { cut: number; cells: Set<number> }[]>();
    const levels = cuts.map(() => [] as { id: string; correct: boolean }[]);
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
    for (const entry of entries.values()) {
      if (filter.examId !== undefined && entry.examId !== filter.examId) continue;
      if (!entry.codes) continue;
      for (let k = 0; k < entry.codes.length; k += 2) {
        const wanted = byItem.get(entry.codes[k]!);
        if (!wanted) continue;
        for (const { cut, cells } of wanted) if (cells.has(entry.cell)) levels[cut]!.push({ id: entry.id, correct: (entry.codes[k + 1]! & 1) === 1 });
      }
    }
    return cuts.map((cut, index) => {
      const ordered = levels[index]!.sort((a, b) => compare(a.id, b.id));
      const taken = cut.side === 'upper' ? ordered.slice(0, cut.take) : ordered.slice(Math.max(0, ordered.length - cut.take));
      return taken.filter((response) => response.correct).length;
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
    const content = await readLog(this.#path, ItemLineSchema);
    const entries = new Map<string, Entry>();
    for (const line of content?.records ?? []) entries.set(line.id, this.#entryOf(line));
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
