import { z } from 'zod';
import type { ItemProgress } from '../../present/practice/index.ts';
import type { PracticeRecord, Store, User } from '../store/index.ts';

/** A practice item id as the bank writes it: an item id, or a template id with `~seed` for a variant. */
export const PRACTICE_ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:~[1-9][0-9]{0,5})?$/;
/** Items per sync request; the browser sends at most 250 (components/practice/practice-sync.ts). */
export const MAX_SYNC_ITEMS = 500;
/** Answers per item, as the browser keeps them (MAX_ATTEMPTS_PER_ITEM). */
const MAX_ATTEMPTS = 20;

// Epoch milliseconds within what a Date can hold.
const instant = z.number().int().min(0).max(8_640_000_000_000_000);
const count = z.number().int().min(0).max(1_000_000);
const keyVersion = z.string().min(1).max(64);

const AttemptBodySchema = z.strictObject({ at: instant, isCorrect: z.boolean(), keyVersion });
const CardBodySchema = z.strictObject({
  keyVersion,
  due: instant,
  stability: z.number().min(0).max(1_000_000),
  difficulty: z.number().min(0).max(100),
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: z.number().int().min(0).max(3),
  last_review: instant.optional(),
});
const ItemBodySchema = z.strictObject({ attempts: z.array(AttemptBodySchema).max(MAX_ATTEMPTS), card: CardBodySchema.nullable() });

/**
 * `POST /api/practice/progress`: what the browser has that the server may not (`items`), and whose progress the
 * browser holds (`owner`: the account it last synced with, null before any sync).
 */
export const PracticeSyncBodySchema = z.strictObject({
  owner: z.string().min(1).max(100).nullable(),
  items: z
    .record(z.string().max(100).regex(PRACTICE_ITEM_ID, '题目编号格式不对'), ItemBodySchema)
    .refine((items) => Object.keys(items).length <= MAX_SYNC_ITEMS, `一次最多同步 ${MAX_SYNC_ITEMS} 道题`),
});
export type PracticeSyncBody = z.infer<typeof PracticeSyncBodySchema>;

/** What a sync answers: the account's whole progress by item id, and what happened to what was sent. */
export interface PracticeSyncResult {
  readonly userId: string;
  readonly items: Readonly<Record<string, ItemProgress>>;
  /** False when the browser holds another account's progress: nothing was merged, the browser takes these items. */
  readonly merged: boolean;
  /** Sent ids the practice bank does not have (retired questions): not stored. */
  readonly ignored: readonly string[];
}

const asItems = (records: readonly PracticeRecord[]): Record<string, ItemProgress> =>
  Object.fromEntries(records.map((record) => [record.itemId, { attempts: record.attempts, card: record.card }]));

/** The account's stored practice progress. */
export async function practiceProgress(store: Store, user: User): Promise<PracticeSyncResult> {
  return { userId: user.id, items: asItems(await store.getPractice(user.id)), merged: false, ignored: [] };
}

/**
 * Merges what a browser sent into the signed-in account's progress and answers with the merged whole. A browser that
 * holds another account's progress (someone else signed in on it) merges nothing: it gets this account's progress
 * to replace its own, so one trainee's answers never land in another's record. `areaOf` files each item under the
 * rule area the current bank gives it; ids it does not know are ignored and listed.
 */
export async function syncPractice(store: Store, user: User, body: PracticeSyncBody, areaOf: (itemId: string) => string | undefined): Promise<PracticeSyncResult> {
  if (body.owner !== null && body.owner !== user.id) return practiceProgress(store, user);
  const records: PracticeRecord[] = [];
  const ignored: string[] = [];
  for (const [itemId, item] of Object.entries(body.items)) {
    const area = areaOf(itemId);
    if (area === undefined) ignored.push(itemId);
    else records.push({ itemId, area, attempts: item.attempts, card: (item.card as PracticeRecord['card']) ?? null });
  }
  const all = records.length > 0 ? await store.mergePractice(user.id, records) : await store.getPractice(user.id);
  return { userId: user.id, items: asItems(all), merged: true, ignored };
}
