import { LowSync, MemorySync, type SyncAdapter } from 'lowdb';
import { LocalStorage } from 'lowdb/browser';
import {
  emptyProgress,
  fromProgressItems,
  MAX_ATTEMPTS_PER_ITEM,
  mergeProgress,
  progressItems,
  progressData,
  rateAnswer,
  reconcileCards,
  type Attempt,
  type ItemProgress,
  type ProgressData,
  type ProgressItems,
  type StoredCard,
  type StoredCards,
} from '../../present/practice/index.ts';

export type { Attempt, ProgressData } from '../../present/practice/index.ts';
export { MAX_ATTEMPTS_PER_ITEM, progressData } from '../../present/practice/index.ts';

/** The localStorage key; a new shape gets a new key rather than a migration of guesses. */
export const STORAGE_KEY = 'asa-practice-v1';

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
  /** Everything stored, read afresh (another tab or a sync may have written since). */
  snapshot(): ProgressData;
  /** The account this browser's progress was last synced with, or null before any sync. */
  owner(): string | null;
  /**
   * What the server has not acknowledged yet: before the first sync every item, afterwards the items answered here
   * since; at most `limit` items. `marks` identify what was sent, for `applySync`.
   */
  unsynced(limit: number): { readonly items: Record<string, ItemProgress>; readonly marks: Readonly<Record<string, number>> };
  /**
   * Takes in the server's answer to a sync of `sent`: merges `remote` into what is here (`mergeProgress`) or, when
   * another account is signed in than the one this progress belongs to, replaces it with that account's. Items
   * answered again while the sync was under way stay pending.
   */
  applySync(owner: string, remote: ProgressItems, sent: Readonly<Record<string, number>>, replace: boolean): void;
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
      const sync = data.sync ?? { owner: null, pending: {} };
      save({
        version: 1,
        attempts: { ...data.attempts, [item.id]: attempts },
        cards: card ? { ...data.cards, [item.id]: card } : data.cards,
        sync: { owner: sync.owner, pending: { ...sync.pending, [item.id]: now } },
      });
      return card;
    },
    reconcile(keyVersions, now) {
      load();
      const { cards, resetIds } = reconcileCards(data.cards, keyVersions, now);
      if (resetIds.length > 0) save({ ...data, cards });
      return resetIds;
    },
    snapshot: () => load(),
    owner: () => load().sync?.owner ?? null,
    unsynced(limit) {
      load();
      const pending = data.sync?.pending ?? {};
      const ids = (data.sync?.owner ? Object.keys(pending) : Object.keys(progressItems(data))).slice(0, limit);
      return { items: progressItems(data, ids), marks: Object.fromEntries(ids.map((id) => [id, pending[id] ?? 0])) };
    },
    applySync(owner, remote, sent, replace) {
      load();
      const before = data.sync;
      let pending: Record<string, number> = {};
      if (!replace) {
        // Before the first sync every item was pending, listed or not: what was not sent yet still is.
        const waiting = before?.owner ? before.pending : { ...Object.fromEntries(Object.keys(progressItems(data)).map((id) => [id, 0])), ...before?.pending };
        pending = Object.fromEntries(Object.entries(waiting).filter(([id, at]) => sent[id] !== at));
      }
      const merged = replace ? remote : mergeProgress(progressItems(data), remote);
      save({ ...fromProgressItems(merged), sync: { owner, pending } });
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
