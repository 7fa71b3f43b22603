import { ATTEMPT_ID, type AttemptFiles } from './attempt-files.ts';
import { commit, keep } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { AttemptFile } from './schemas.ts';
import { serialQueue } from './serial.ts';
import type { CloseAttemptResult, CreateAttemptResult, NewAttempt, SaveAnswerResult, Store } from './store.ts';
import type { AttemptRecord, AttemptResult, AttemptStatus, SavedAnswer } from './types.ts';

export type AttemptVerbs = Pick<
  Store,
  'createAttempt' | 'getAttempt' | 'listAttempts' | 'saveAnswer' | 'submitAttempt' | 'expireAttempt'
>;

/** JSON with object keys sorted, so two equal responses compare equal whatever order the client sent keys in. */
function canonicalJson(value: unknown): string {
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
    stored.seq === answer.seq &&
    stored.itemId === answer.itemId &&
    stored.flagged === answer.flagged &&
    canonicalJson(stored.response) === canonicalJson(answer.response)
  );
}

/** The attempt lifecycle over the per-attempt files: start, autosave, submit or expire. */
export class LowdbAttempts implements AttemptVerbs {
  readonly #files: AttemptFiles;
  readonly #lifecycle: Lifecycle;
  readonly #serialStarts = serialQueue();

  constructor(files: AttemptFiles, lifecycle: Lifecycle) {
    this.#files = files;
    this.#lifecycle = lifecycle;
  }

  async createAttempt(attempt: NewAttempt): Promise<CreateAttemptResult> {
    this.#lifecycle.assertOpen();
    if (!ATTEMPT_ID.test(attempt.id)) {
      throw new Error(`Attempt id ${JSON.stringify(attempt.id)} is not 8–64 URL-safe characters.`);
    }
    // The check for an open attempt and the write must not interleave with another start by the same user.
    return this.#serialStarts(async (): Promise<CreateAttemptResult> => {
      if (this.#files.has(attempt.id)) return { ok: false, code: 'ATTEMPT_ID_TAKEN' };
      const open = this.#files.list({ userId: attempt.userId, examId: attempt.examId, status: 'in-progress' })[0];
      if (open) return { ok: false, code: 'ATTEMPT_IN_PROGRESS', attempt: open };
      const record: AttemptRecord = {
        ...attempt,
        status: 'in-progress',
        lastSeq: 0,
        answers: {},
        submittedAt: null,
        result: null,
      };
      await this.#files.create(record);
      return { ok: true, attempt: record };
    });
  }

  async getAttempt(id: string): Promise<AttemptRecord | null> {
    return this.#files.get(id);
  }

  async listAttempts(
    filter: { readonly userId?: string; readonly examId?: string; readonly status?: AttemptStatus } = {},
  ): Promise<AttemptRecord[]> {
    return this.#files.list(filter);
  }

  async saveAnswer(attemptId: string, answer: SavedAnswer): Promise<SaveAnswerResult> {
    this.#lifecycle.assertOpen();
    const result = await this.#files.update<SaveAnswerResult>(attemptId, (attempt) => {
      if (attempt.status !== 'in-progress') return keep({ ok: false, code: 'ATTEMPT_CLOSED' });
      if (!attempt.items.some((item) => item.itemId === answer.itemId)) {
        return keep({ ok: false, code: 'UNKNOWN_ITEM' });
      }
      if (answer.seq <= attempt.lastSeq) {
        const stored = attempt.answers[answer.itemId];
        return stored && isSameAnswer(stored, answer)
          ? keep({ ok: true, attempt, duplicate: true })
          : keep({ ok: false, code: 'STALE_SEQ' });
      }
      if (answer.savedAt > attempt.deadlineAt) return keep({ ok: false, code: 'DEADLINE_PASSED' });
      attempt.answers[answer.itemId] = { ...answer };
      attempt.lastSeq = answer.seq;
      return commit({ ok: true, attempt, duplicate: false });
    });
    return result ?? { ok: false, code: 'ATTEMPT_NOT_FOUND' };
  }

  async submitAttempt(attemptId: string, result: AttemptResult, at: number): Promise<CloseAttemptResult> {
    return this.#close(attemptId, (attempt) => {
      attempt.status = 'submitted';
      attempt.submittedAt = at;
      attempt.result = structuredClone(result) as AttemptFile['attempt']['result'];
    });
  }

  async expireAttempt(
    attemptId: string,
    _at: number,
    result: AttemptResult | null = null,
  ): Promise<CloseAttemptResult> {
    return this.#close(attemptId, (attempt) => {
      // The deadline is when it expired; submittedAt stays null because nobody submitted it.
      attempt.status = 'expired';
      attempt.result = result ? (structuredClone(result) as AttemptFile['attempt']['result']) : null;
    });
  }

  async #close(attemptId: string, apply: (attempt: AttemptFile['attempt']) => void): Promise<CloseAttemptResult> {
    this.#lifecycle.assertOpen();
    const result = await this.#files.update<CloseAttemptResult>(attemptId, (attempt) => {
      if (attempt.status !== 'in-progress') return keep({ ok: false, code: 'ATTEMPT_CLOSED', attempt });
      apply(attempt);
      return commit({ ok: true, attempt });
    });
    return result ?? { ok: false, code: 'ATTEMPT_NOT_FOUND' };
  }
}
