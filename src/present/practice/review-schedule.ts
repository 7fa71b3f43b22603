import { createEmptyCard, fsrs, Rating, type Card, type CardInput } from 'ts-fsrs';

/**
 * An FSRS card as stored in the browser, dates as epoch milliseconds, with the key version it was learned against.
 * Field names are ts-fsrs's own, so a stored card passes straight to the scheduler.
 */
export interface StoredCard {
  readonly keyVersion: string;
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsed_days: number;
  readonly scheduled_days: number;
  readonly learning_steps: number;
  readonly reps: number;
  readonly lapses: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: number;
  readonly last_review?: number;
}

export type StoredCards = Readonly<Record<string, StoredCard>>;

/**
 * How far ahead a card counts as due, as in Anki's "learn ahead limit": a missed question's first learning step is a
 * minute or ten away, and a trainee who opens the review queue right after a quiz should find it there.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

// Default parameters: fuzz is off by default, so the same answers at the same times give the same schedule.
const scheduler = fsrs();

function stored(card: Card, keyVersion: string): StoredCard {
  return {
    keyVersion,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs 5 but still required by its CardInput; dropped when ts-fsrs 6 drops it.
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.getTime() } : {}),
  };
}

/** A card never reviewed, due at `now`. */
export function newCard(keyVersion: string, now: number): StoredCard {
  return stored(createEmptyCard(now), keyVersion);
}

/**
 * The card after answering an item at `now`: a miss rates Again (entering the queue if the item had no card), a
 * correct answer rates Good. A correct answer to an item that was never missed stays out of the queue (undefined).
 * A card learned against another key version starts over as new first.
 */
export function rateAnswer(card: StoredCard | undefined, keyVersion: string, isCorrect: boolean, now: number): StoredCard | undefined {
  if (!card && isCorrect) return undefined;
  const current = card && card.keyVersion === keyVersion ? card : newCard(keyVersion, now);
  const { keyVersion: _version, ...input } = current;
  return stored(scheduler.next(input as CardInput, now, isCorrect ? Rating.Good : Rating.Again).card, keyVersion);
}

/**
 * Cards whose item's key has changed since they were stored, reset to new under the current key version; every other
 * card is returned as it was. Cards of items not in `keyVersions` (retired or not on this page) are kept untouched.
 */
export function reconcileCards(cards: StoredCards, keyVersions: ReadonlyMap<string, string>, now: number): { cards: StoredCards; resetIds: string[] } {
  const resetIds = Object.entries(cards).flatMap(([id, card]) => {
    const current = keyVersions.get(id);
    return current !== undefined && current !== card.keyVersion ? [id] : [];
  });
  if (resetIds.length === 0) return { cards, resetIds };
  const next = { ...cards };
  for (const id of resetIds) next[id] = newCard(keyVersions.get(id)!, now);
  return { cards: next, resetIds };
}

/** Ids of cards due by `now` plus the learn-ahead limit, soonest first; only ids in `keyVersions` count. */
export function dueIds(cards: StoredCards, keyVersions: ReadonlyMap<string, string>, now: number): string[] {
  return Object.entries(cards)
    .filter(([id, card]) => keyVersions.has(id) && card.due <= now + LEARN_AHEAD_MS)
    .sort(([a, x], [b, y]) => x.due - y.due || (a < b ? -1 : 1))
    .map(([id]) => id);
}

/** When the next card not yet due comes due, or undefined when none is waiting. */
export function nextDue(cards: StoredCards, keyVersions: ReadonlyMap<string, string>, now: number): number | undefined {
  const later = Object.entries(cards)
    .filter(([id, card]) => keyVersions.has(id) && card.due > now + LEARN_AHEAD_MS)
    .map(([, card]) => card.due);
  return later.length === 0 ? undefined : Math.min(...later);
}
