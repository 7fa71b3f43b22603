import type { StoredCard, StoredCards } from './review-schedule.ts';

/** One answer as stored: when, whether it was right, and the key version it was graded against. */
export interface Attempt {
  readonly at: number;
  readonly isCorrect: boolean;
  readonly keyVersion: string;
}

/**
 * Everything a browser keeps about practice. Both maps are keyed by item id, which for a generated variant is
 * `templateId~seed`: every stored answer and card names the exact variant the trainee saw.
 */
export interface ProgressData {
  readonly version: 1;
  readonly attempts: Readonly<Record<string, readonly Attempt[]>>;
  readonly cards: StoredCards;
  /** Absent until this browser first synced with a signed-in account. */
  readonly sync?: SyncState;
}

/** What a browser remembers about syncing its progress with the server. */
export interface SyncState {
  /** The account whose progress this browser holds (the last one synced), or null before any sync. */
  readonly owner: string | null;
  /** Items answered here and not yet acknowledged by the server, each with the time of its newest answer here. */
  readonly pending: Readonly<Record<string, number>>;
}

/** One item's progress: the unit that syncs between a browser and the server, and that the merge works on. */
export interface ItemProgress {
  readonly attempts: readonly Attempt[];
  readonly card: StoredCard | null;
}

/** Progress by item id, as the sync API carries it and the server stores it. */
export type ProgressItems = Readonly<Record<string, ItemProgress>>;

/** Older attempts are dropped so one item cannot grow the record without bound. */
export const MAX_ATTEMPTS_PER_ITEM = 20;

export const emptyProgress = (): ProgressData => ({ version: 1, attempts: {}, cards: {} });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isAttempt(value: unknown): value is Attempt {
  return isRecord(value) && isNumber(value.at) && typeof value.isCorrect === 'boolean' && typeof value.keyVersion === 'string';
}

const CARD_NUMBERS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;

export function isCard(value: unknown): value is StoredCard {
  return (
    isRecord(value) &&
    typeof value.keyVersion === 'string' &&
    CARD_NUMBERS.every((field) => isNumber(value[field])) &&
    (value.last_review === undefined || isNumber(value.last_review))
  );
}

/**
 * Stored progress read back from a browser, validated: a malformed attempt or card is dropped (it came from
 * storage another version or another script may have written), anything unreadable becomes empty progress.
 */
export function progressData(raw: unknown): ProgressData {
  if (!isRecord(raw) || raw.version !== 1) return emptyProgress();
  const attempts = Object.fromEntries(
    Object.entries(isRecord(raw.attempts) ? raw.attempts : {}).flatMap(([id, list]) => {
      const valid = Array.isArray(list) ? list.filter(isAttempt) : [];
      return valid.length > 0 ? [[id, valid]] : [];
    }),
  );
  const cards = Object.fromEntries(Object.entries(isRecord(raw.cards) ? raw.cards : {}).filter(([, card]) => isCard(card)));
  const sync = raw.sync;
  if (!isRecord(sync) || !(sync.owner === null || typeof sync.owner === 'string') || !isRecord(sync.pending)) return { version: 1, attempts, cards: cards as StoredCards };
  const pending = Object.fromEntries(Object.entries(sync.pending).filter(([, at]) => isNumber(at))) as Record<string, number>;
  return { version: 1, attempts, cards: cards as StoredCards, sync: { owner: sync.owner, pending } };
}

/** `data` as per-item progress, for the items in `ids` (all items when omitted). */
export function progressItems(data: ProgressData, ids?: Iterable<string>): Record<string, ItemProgress> {
  const wanted = ids ? [...ids] : [...new Set([...Object.keys(data.attempts), ...Object.keys(data.cards)])];
  return Object.fromEntries(
    wanted.flatMap((id) => {
      const attempts = data.attempts[id] ?? [];
      const card = data.cards[id] ?? null;
      return attempts.length > 0 || card ? [[id, { attempts, card }]] : [];
    }),
  );
}

/** Per-item progress back in the browser's shape. */
export function fromProgressItems(items: ProgressItems): ProgressData {
  // Built from entries, never by assignment: an id such as `__proto__` stays a plain key.
  const entries = Object.entries(items);
  return {
    version: 1,
    attempts: Object.fromEntries(entries.flatMap(([id, item]) => (item.attempts.length > 0 ? [[id, item.attempts]] : []))),
    cards: Object.fromEntries(entries.flatMap(([id, item]) => (item.card ? [[id, item.card]] : []))),
  };
}

/** A total order on attempts: by time, then a miss before a hit, then key version. */
function compareAttempts(a: Attempt, b: Attempt): number {
  return a.at - b.at || Number(a.isCorrect) - Number(b.isCorrect) || (a.keyVersion < b.keyVersion ? -1 : a.keyVersion > b.keyVersion ? 1 : 0);
}

/** The JSON of a card with its keys sorted: the last tie-break between two different cards. */
const cardText = (card: StoredCard) => JSON.stringify(card, Object.keys(card).sort());

/** Which of two cards a merge keeps: the one reviewed last (`last_review`), then more reviews, then a fixed order. */
function laterCard(a: StoredCard | null, b: StoredCard | null): StoredCard | null {
  if (!a || !b) return a ?? b;
  const byTime = (a.last_review ?? -1) - (b.last_review ?? -1) || a.reps - b.reps;
  if (byTime !== 0) return byTime > 0 ? a : b;
  return cardText(a) >= cardText(b) ? a : b;
}

/**
 * Merges two versions of one item's progress (two devices, or a device and the server). Attempts are a set (the
 * same attempt from both sides counts once) of which the latest `MAX_ATTEMPTS_PER_ITEM` are kept; the card is the
 * one reviewed last, as Anki's sync keeps the card changed last. Both are a maximum under a total order, so the
 * merge is commutative, associative and idempotent: devices may sync in any order, any number of times, and a
 * replayed or duplicated request changes nothing (progress-data.test.ts checks the three laws on generated data).
 */
export function mergeItemProgress(a: ItemProgress | undefined, b: ItemProgress | undefined): ItemProgress {
  const seen = new Map<string, Attempt>();
  for (const attempt of [...(a?.attempts ?? []), ...(b?.attempts ?? [])]) {
    seen.set(`${attempt.at}\u0000${attempt.isCorrect}\u0000${attempt.keyVersion}`, { at: attempt.at, isCorrect: attempt.isCorrect, keyVersion: attempt.keyVersion });
  }
  const attempts = [...seen.values()].sort(compareAttempts).slice(-MAX_ATTEMPTS_PER_ITEM);
  return { attempts, card: laterCard(a?.card ?? null, b?.card ?? null) };
}

/** Merges progress item by item (see `mergeItemProgress`); items on one side only are kept as they are. */
export function mergeProgress(a: ProgressItems, b: ProgressItems): Record<string, ItemProgress> {
  const own = (items: ProgressItems, id: string) => (Object.hasOwn(items, id) ? items[id] : undefined);
  return Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((id) => [id, mergeItemProgress(own(a, id), own(b, id))]));
}
