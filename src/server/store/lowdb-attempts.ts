import { ATTEMPT_ID, type AttemptFiles, type AttemptSummary as IndexSummary } from './attempt-files.ts';
import type { Lifecycle } from './lifecycle.ts';
import { keyedSerialQueue } from './serial.ts';
import type {
  AttemptCursor,
  AttemptDigest,
  AttemptFilter,
  AttemptPage,
  AttemptScan,
  AttemptSummary,
  CloseAttemptResult,
  CreateAttemptResult,
  FenceAttemptResult,
  NewAttempt,
  SaveAnswerRefusal,
  SaveAnswerResult,
  AttemptsArea,
  ItemResultsArea,
  ItemResultsFilter,
} from './store.ts';
import type { ItemAggregates, ItemCutQuery } from '../../quiz/index.ts';
import type { AttemptRecord, AttemptResult, AttemptStatus, SavedAnswer, UnreadableAttempt } from './types.ts';

/** JSON with object keys sorted, so two equal responses compare equal whatever order the client sent keys in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function isSameAnswer(stored: SavedAnswer, answer: SavedAnswer): boolean {
  // savedAt is stamped on arrival, so a replay differs there and nowhere else.
  return (
    stored.version === answer.version &&
    stored.itemId === answer.itemId &&
    stored.flagged === answer.flagged &&
    canonicalJson(stored.response) === canonicalJson(answer.response)
  );
}

/** The attempt lifecycle over the attempt files (see AttemptFiles): start, autosave, submit or expire. */
export class LowdbAttempts implements AttemptsArea, ItemResultsArea {
  readonly #files: AttemptFiles;
  readonly #lifecycle: Lifecycle;
  readonly #serialStarts = keyedSerialQueue();
  readonly #creating = new Set<string>();

  constructor(files: AttemptFiles, lifecycle: Lifecycle) {
    this.#files = files;
    this.#lifecycle = lifecycle;
  }

  async createAttempt(attempt: NewAttempt): Promise<CreateAttemptResult> {
    this.#lifecycle.assertOpen();
    if (!ATTEMPT_ID.test(attempt.id)) {
      throw new Error(`Attempt id ${JSON.stringify(attempt.id)} is not 8–64 URL-safe characters.`);
    }
    // The id is claimed synchronously, so two starts with one id cannot both pass the check while the first writes.
    if (this.#files.has(attempt.id) || this.#creating.has(attempt.id)) return { ok: false, code: 'ATTEMPT_ID_TAKEN' };
    this.#creating.add(attempt.id);
    // The check for an open attempt and the write must not interleave with another start by the same user; starts by
    // different users run side by side.
    return this.#serialStarts(attempt.userId, async (): Promise<CreateAttemptResult> => {
      const open = this.#files.findOpen(attempt.userId, attempt.examId);
      if (open) return { ok: false, code: 'ATTEMPT_IN_PROGRESS', attempt: open };
      const record: AttemptRecord = {
        ...attempt,
        status: 'in-progress',
        fencedAt: null,
        answers: {},
        submittedAt: null,
        result: null,
      };
      await this.#files.create(record);
      return { ok: true, attempt: record };
    }).finally(() => this.#creating.delete(attempt.id));
  }

  async getAttempt(id: string): Promise<AttemptRecord | null> {
    return this.#files.get(id);
  }

  /** Closed attempts not held in memory are read from disk here: a list of thousands reads thousands of files. */
  async listAttempts(
    filter: { readonly userId?: string; readonly examId?: string; readonly status?: AttemptStatus } = {},
  ): Promise<AttemptRecord[]> {
    return this.#files.list(filter);
  }

  async listUnreadableAttempts(filter: AttemptFilter = {}): Promise<UnreadableAttempt[]> {
    return this.#files.listUnreadable(filter);
  }

  /** From the index alone: total, order and each summary (a closed attempt's file only when the index predates results). */
  async pageAttempts(filter: AttemptFilter, page: { readonly offset: number; readonly limit: number }): Promise<AttemptPage> {
    // An attempt whose file was found damaged is listed by listUnreadableAttempts instead.
    const matching = this.#files
      .summaries(filter)
      .filter((summary) => !this.#files.isUnreadable(summary.id))
      .sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const slice = matching.slice(Math.max(0, page.offset), Math.max(0, page.offset) + Math.max(0, page.limit));
    // Closed attempts carry their result in the index; only one closed before that (an older index) is read.
    const summaries = await Promise.all(
      slice.map(async (summary) => {
        if (summary.status === 'in-progress' || summary.result) return fromIndex(summary);
        const record = await this.#files.readOrSkip(summary.id);
        return record ? summarize(record) : null;
      }),
    );
    return { total: matching.length, attempts: summaries.filter((summary) => summary !== null) };
  }

  /**
   * From the index, kept sorted in memory: a binary search to the cursor, then a walk that reads no file (a closed
   * attempt whose index line predates per-area tallies is read once and its line brought up to date: backfill).
   */
  async scanAttempts(filter: AttemptFilter, page: { readonly after: AttemptCursor | null; readonly limit: number }): Promise<AttemptScan> {
    const ordered = this.#files.ordered();
    const limit = Math.max(0, page.limit);
    const users = filter.userIds ? new Set(filter.userIds) : null;
    const found: AttemptDigest[] = [];
    let index = page.after ? firstAfter(ordered, page.after) : 0;
    for (; index < ordered.length && found.length < limit; index += 1) {
      const summary = ordered[index]!;
      if (filter.userId !== undefined && summary.userId !== filter.userId) continue;
      if (filter.examId !== undefined && summary.examId !== filter.examId) continue;
      if (filter.status !== undefined && summary.status !== filter.status) continue;
      if (users && !users.has(summary.userId)) continue;
      if (this.#files.isUnreadable(summary.id)) continue;
      const current = summary.status === 'in-progress' || summary.result?.areas ? summary : await this.#files.backfill(summary.id);
      if (current) found.push(digestOf(current));
    }
    const last = ordered[index - 1];
    return { attempts: found, next: found.length === limit && limit > 0 && last ? { startedAt: last.startedAt, id: last.id } : null };
  }

  /** One pass over the outcomes log in memory (read, and backfilled from attempt files, on first use). */
  async itemAggregates(filter: ItemResultsFilter): Promise<ItemAggregates> {
    const attempts = this.#files.summaries(filter).filter((summary) => !this.#files.isUnreadable(summary.id)).length;
    return this.#files.items.aggregates(filter, attempts);
  }

  async itemCutCorrect(filter: ItemResultsFilter, cuts: readonly ItemCutQuery[]): Promise<number[]> {
    return this.#files.items.cutCorrect(filter, cuts);
  }

  async importAttempt(attempt: AttemptRecord): Promise<void> {
    this.#lifecycle.assertOpen();
    if (!ATTEMPT_ID.test(attempt.id)) {
      throw new Error(`Attempt id ${JSON.stringify(attempt.id)} is not 8–64 URL-safe characters.`);
    }
    if (this.#files.has(attempt.id) || this.#creating.has(attempt.id)) throw new Error(`Attempt ${attempt.id} exists already.`);
    if (attempt.status === 'in-progress' && this.#files.findOpen(attempt.userId, attempt.examId)) {
      throw new Error(`User ${attempt.userId} has an in-progress attempt at ${attempt.examId} already.`);
    }
    await this.#files.create(structuredClone(attempt) as AttemptRecord);
  }

  async saveAnswer(attemptId: string, answer: SavedAnswer): Promise<SaveAnswerResult> {
    this.#lifecycle.assertOpen();
    const result = await this.#files.update<SaveAnswerResult>(attemptId, (attempt) => {
      const refuse = (code: SaveAnswerRefusal) => ({ kind: 'keep', value: { ok: false, code } }) as const;
      if (attempt.status !== 'in-progress') return refuse('ATTEMPT_CLOSED');
      if (attempt.fencedAt !== null) return refuse('ATTEMPT_FENCED');
      if (!attempt.items.some((item) => item.itemId === answer.itemId)) return refuse('UNKNOWN_ITEM');
      const stored = attempt.answers[answer.itemId];
      if (stored && answer.version < stored.version) {
        return { kind: 'keep', value: { ok: true, outcome: 'superseded', version: stored.version } };
      }
      if (stored && isSameAnswer(stored, answer)) {
        return { kind: 'keep', value: { ok: true, outcome: 'duplicate', version: stored.version } };
      }
      if (answer.savedAt > attempt.deadlineAt) return refuse('DEADLINE_PASSED');
      return {
        kind: 'answer',
        answer,
        value: () => ({ ok: true, outcome: 'stored', version: answer.version }),
      };
    });
    return result ?? { ok: false, code: 'ATTEMPT_NOT_FOUND' };
  }

  async fenceAttempt(attemptId: string, at: number): Promise<FenceAttemptResult> {
    this.#lifecycle.assertOpen();
    // Runs in the attempt's serial queue: saves queued before it are acknowledged and part of the attempt it returns;
    // saves queued after it see the fence.
    const result = await this.#files.update<FenceAttemptResult>(attemptId, (attempt) => {
      if (attempt.status !== 'in-progress') return { kind: 'keep', value: { ok: false, code: 'ATTEMPT_CLOSED', attempt } };
      if (attempt.fencedAt !== null) return { kind: 'keep', value: { ok: true, attempt } };
      return { kind: 'rewrite', next: { ...attempt, fencedAt: at }, value: (next) => ({ ok: true, attempt: next }) };
    });
    return result ?? { ok: false, code: 'ATTEMPT_NOT_FOUND' };
  }

  async submitAttempt(attemptId: string, result: AttemptResult, at: number): Promise<CloseAttemptResult> {
    return this.#close(attemptId, (attempt) => ({
      ...attempt,
      status: 'submitted',
      submittedAt: at,
      result: structuredClone(result),
    }));
  }

  async expireAttempt(
    attemptId: string,
    _at: number,
    result: AttemptResult | null = null,
  ): Promise<CloseAttemptResult> {
    // The deadline is when it expired; submittedAt stays null because nobody submitted it.
    return this.#close(attemptId, (attempt) => ({
      ...attempt,
      status: 'expired',
      result: result ? structuredClone(result) : null,
    }));
  }

  async #close(attemptId: string, closed: (attempt: AttemptRecord) => AttemptRecord): Promise<CloseAttemptResult> {
    this.#lifecycle.assertOpen();
    const result = await this.#files.update<CloseAttemptResult>(attemptId, (attempt) =>
      attempt.status !== 'in-progress'
        ? { kind: 'keep', value: { ok: false, code: 'ATTEMPT_CLOSED', attempt } }
        : { kind: 'close', next: closed(attempt), value: (next) => ({ ok: true, attempt: next }) },
    );
    return result ?? { ok: false, code: 'ATTEMPT_NOT_FOUND' };
  }
}

/** What a listing shows of an attempt. */
/** A listing's summary from the index alone: in progress, or closed with its result in the close line. */
function fromIndex(summary: IndexSummary): AttemptSummary {
  const { id, examId, userId, startedAt, status, result } = summary;
  return {
    id,
    examId,
    userId,
    startedAt,
    status,
    submittedAt: result?.submittedAt ?? null,
    score: result?.score ?? null,
    maxScore: result?.maxScore ?? null,
    passed: result?.passed ?? null,
    certificateId: result?.certificateId ?? null,
  };
}

/** A scan's digest from an index summary (a closed one carries its result and tallies: see AttemptFiles.backfill). */
function digestOf(summary: IndexSummary): AttemptDigest {
  return { ...fromIndex(summary), areas: summary.status === 'in-progress' ? [] : (summary.result?.areas ?? []) };
}

/** The position of the first summary after the cursor in startedAt-then-id order. */
function firstAfter(ordered: readonly IndexSummary[], after: AttemptCursor): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const summary = ordered[middle]!;
    const isAfter = summary.startedAt > after.startedAt || (summary.startedAt === after.startedAt && summary.id > after.id);
    if (isAfter) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function summarize(record: AttemptRecord): AttemptSummary {
  return {
    id: record.id,
    examId: record.examId,
    userId: record.userId,
    startedAt: record.startedAt,
    status: record.status,
    submittedAt: record.submittedAt,
    score: record.result?.score ?? null,
    maxScore: record.result?.maxScore ?? null,
    passed: record.result?.passed ?? null,
    certificateId: record.result?.certificateId ?? null,
  };
}
