import { LowSync, MemorySync, type SyncAdapter } from 'lowdb';
import { LocalStorage } from 'lowdb/browser';
import { rateAnswer, reconcileCards, type StoredCard, type StoredCards } from '../../present/practice/index.ts';

/** One answer as stored: when, whether it was right, and the key version it was graded against. */
export interface Attempt {
  readonly at: number;
  readonly isCorrect: boolean;
  readonly keyVersion: string;
}

/**
 * Everything the browser keeps about practice. Both maps are keyed by item id, which for a generated variant is
 * `templateId~seed`: every stored answer and card names the exact variant the trainee saw.
 */
export interface ProgressData {
  readonly version: 1;
  readonly attempts: Readonly<Record<string, readonly Attempt[]>>;
  readonly cards: StoredCards;
}

/** The localStorage key; a new shape gets a new key rather than a migration of guesses. */
export const STORAGE_KEY = 'asa-practice-v1';
/** Older attempts are dropped so one item cannot grow the record without bound. */
export const MAX_ATTEMPTS_PER_ITEM = 20;

const emptyProgress = (): ProgressData => ({ version: 1, attempts: {}, cards: {} });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isAttempt(value: unknown): value is Attempt {
  return isRecord(value) && isNumber(value.at) && typeof value.isCorrect === 'boolean' && typeof value.keyVersion === 'string';
}

const CARD_NUMBERS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;

function isCard(value: unknown): value is StoredCard {
  return (
    isRecord(value) &&
    typeof value.keyVersion === 'string' &&
    CARD_NUMBERS.every((field) => isNumber(value[field])) &&
    (value.last_review === undefined || isNumber(value.last_review))
  );
}

/**
 * Stored progress read back from the browser, validated: a malformed attempt or card is dropped (it came from
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
  return { version: 1, attempts, cards: cards as StoredCards };
}

/** Practice progress behind lowdb's two-method storage contract. */
export interface ProgressStore {
  /** False when the browser refused storage: progress then lasts only until the page is left. */
  readonly isPersistent: boolean;
  cards(): StoredCards;
  attempts(itemId: string): readonly Attempt[];
  /** Ids of every item answered at least once. */
  answeredIds(): string[];
  /** Stores an answer and reschedules the item's card (see `rateAnswer`); returns the card, if the item has one. */
  recordAnswer(item: { readonly id: string; readonly keyVersion: string }, isCorrect: boolean, now: number): StoredCard | undefined;
  /** Resets cards whose key version changed (see `reconcileCards`); returns the ids reset. */
  reconcile(keyVersions: ReadonlyMap<string, string>, now: number): string[];
}

/** Opens progress stored through `adapter`; unreadable or malformed data starts empty and is replaced on the next write. */
export function openProgress(adapter: SyncAdapter<unknown>, isPersistent = true): ProgressStore {
  const db = new LowSync<unknown>(adapter, emptyProgress());
  let persistent = isPersistent;
  let writeFailed = false;
  let data: ProgressData = emptyProgress();
  // Re-read before every change: another tab may have written since, and lowdb writes the whole record. Once a
  // write has failed, what is in memory is newer than storage and is kept.
  const load = (): ProgressData => {
    if (writeFailed) return data;
    try {
      db.read();
    } catch {
      db.data = emptyProgress();
    }
    data = progressData(db.data);
    return data;
  };
  const save = (next: ProgressData) => {
    data = next;
    db.data = next;
    try {
      db.write();
    } catch {
      // Quota exceeded or storage revoked: keep practising in memory rather than failing the quiz.
      persistent = false;
      writeFailed = true;
    }
  };
  load();
  return {
    get isPersistent() {
      return persistent;
    },
    cards: () => data.cards,
    attempts: (itemId) => data.attempts[itemId] ?? [],
    answeredIds: () => Object.keys(data.attempts),
    recordAnswer(item, isCorrect, now) {
      load();
      const card = rateAnswer(data.cards[item.id], item.keyVersion, isCorrect, now);
      const attempts = [...(data.attempts[item.id] ?? []), { at: now, isCorrect, keyVersion: item.keyVersion }].slice(-MAX_ATTEMPTS_PER_ITEM);
      save({
        version: 1,
        attempts: { ...data.attempts, [item.id]: attempts },
        cards: card ? { ...data.cards, [item.id]: card } : data.cards,
      });
      return card;
    },
    reconcile(keyVersions, now) {
      load();
      const { cards, resetIds } = reconcileCards(data.cards, keyVersions, now);
      if (resetIds.length > 0) save({ ...data, cards });
      return resetIds;
    },
  };
}

/** Progress in this browser's localStorage, or in memory when the browser refuses storage (private modes, policies). */
export function browserProgress(): ProgressStore {
  try {
    const adapter = new LocalStorage<unknown>(STORAGE_KEY);
    // Touching storage here surfaces a SecurityError now instead of on the first answer.
    localStorage.getItem(STORAGE_KEY);
    return openProgress(adapter);
  } catch {
    return openProgress(new MemorySync<unknown>(), false);
  }
}
