import { z } from 'zod';
import { mergeItemProgress } from '../../present/practice/index.ts';
import { commit, type JsonDoc } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import { sumActivity } from './practice-activity.ts';
import type { PracticeArea } from './store.ts';
import type { PracticeActivity, PracticeRecord } from './types.ts';

const AttemptSchema = z.object({ at: z.number(), isCorrect: z.boolean(), keyVersion: z.string() });
const CardSchema = z.object({
  keyVersion: z.string(),
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  last_review: z.number().optional(),
});
const RecordSchema = z.object({ itemId: z.string(), area: z.string(), attempts: z.array(AttemptSchema), card: CardSchema.nullable() });

/** `practice.json`: every user's practice records (arrays, never objects keyed by ids that come from browsers). */
export interface PracticeFile {
  readonly version: 1;
  users: { readonly userId: string; records: PracticeRecord[] }[];
}
// Cast: zod's optional `last_review` reads as `number | undefined`, which exactOptionalPropertyTypes keeps apart
// from an absent one; the parsed data never holds an explicit undefined.
export const PracticeFileSchema = z.object({
  version: z.literal(1),
  users: z.array(z.object({ userId: z.string(), records: z.array(RecordSchema) })),
}) as unknown as z.ZodType<PracticeFile>;

const byItem = (a: PracticeRecord, b: PracticeRecord) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);

/**
 * Practice records in `practice.json`. The whole file is rewritten on each sync (lowdb's way): fine for a team's
 * practice (a trainee who answered every one of the ~600 items holds about 0.5 MB at most); the PostgreSQL store is
 * the one for large deployments.
 */
export class LowdbPractice implements PracticeArea {
  readonly #doc: JsonDoc<PracticeFile>;
  readonly #lifecycle: Lifecycle;

  constructor(doc: JsonDoc<PracticeFile>, lifecycle: Lifecycle) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
  }

  async getPractice(userId: string): Promise<PracticeRecord[]> {
    return structuredClone(this.#doc.data.users.find((user) => user.userId === userId)?.records ?? []).sort(byItem);
  }

  async mergePractice(userId: string, records: readonly PracticeRecord[]): Promise<PracticeRecord[]> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      let user = draft.users.find((entry) => entry.userId === userId);
      if (!user) {
        user = { userId, records: [] };
        draft.users.push(user);
      }
      const stored = new Map(user.records.map((record) => [record.itemId, record]));
      for (const record of records) {
        const merged = mergeItemProgress(stored.get(record.itemId), record);
        stored.set(record.itemId, structuredClone({ itemId: record.itemId, area: record.area, attempts: merged.attempts, card: merged.card }));
      }
      user.records = [...stored.values()].sort(byItem);
      return commit(structuredClone(user.records));
    });
  }

  async practiceActivity(filter: { readonly userIds?: readonly string[] } = {}): Promise<PracticeActivity[]> {
    const wanted = filter.userIds ? new Set(filter.userIds) : null;
    return sumActivity(this.#doc.data.users.filter((user) => !wanted || wanted.has(user.userId)).map((user) => [user.userId, user.records] as const));
  }
}
