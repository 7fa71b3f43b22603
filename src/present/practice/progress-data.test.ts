import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromProgressItems,
  MAX_ATTEMPTS_PER_ITEM,
  mergeItemProgress,
  mergeProgress,
  progressData,
  progressItems,
  type Attempt,
  type ItemProgress,
  type ProgressItems,
} from './progress-data.ts';
import { rateAnswer, type StoredCard } from './review-schedule.ts';

const T0 = 1_760_000_000_000;
const attempt = (minute: number, isCorrect: boolean, keyVersion = 'k1'): Attempt => ({ at: T0 + minute * 60_000, isCorrect, keyVersion });

const arbitraryAttempt = fc.record({ at: fc.integer({ min: T0, max: T0 + 40 }), isCorrect: fc.boolean(), keyVersion: fc.constantFrom('k1', 'k2') });
const arbitraryCard: fc.Arbitrary<StoredCard> = fc
  .record({
    keyVersion: fc.constantFrom('k1', 'k2'),
    due: fc.integer({ min: T0, max: T0 + 1_000 }),
    stability: fc.constantFrom(0.5, 3, 10),
    difficulty: fc.constantFrom(5, 6),
    elapsed_days: fc.constant(0),
    scheduled_days: fc.constantFrom(0, 3),
    learning_steps: fc.constantFrom(0, 1),
    reps: fc.integer({ min: 0, max: 3 }),
    lapses: fc.integer({ min: 0, max: 2 }),
    state: fc.integer({ min: 0, max: 3 }),
    last_review: fc.option(fc.integer({ min: T0, max: T0 + 5 }), { nil: undefined }),
  })
  .map((card) => (card.last_review === undefined ? (({ last_review: _, ...rest }) => rest)(card) : card));
const arbitraryItem: fc.Arbitrary<ItemProgress> = fc.record({
  attempts: fc.array(arbitraryAttempt, { maxLength: 25 }).map((list) => mergeItemProgress({ attempts: list, card: null }, undefined).attempts),
  card: fc.option(arbitraryCard, { nil: null }),
});
// Few ids, so that generated sides share items.
const arbitraryProgress: fc.Arbitrary<ProgressItems> = fc.dictionary(fc.constantFrom('q-1', 'q-2', 't-a~3'), arbitraryItem);

describe('merging practice progress', () => {
  it('is commutative, associative and idempotent, so devices may sync in any order and any number of times', () => {
    fc.assert(
      fc.property(arbitraryProgress, arbitraryProgress, arbitraryProgress, (a, b, c) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
        const ab = mergeProgress(a, b);
        expect(mergeProgress(ab, b)).toEqual(ab);
        expect(mergeProgress(ab, ab)).toEqual(ab);
      }),
      { seed: 20_261_207, numRuns: 400 },
    );
  });

  it('keeps answers from both devices once each, oldest dropped beyond the limit', () => {
    const phone = { attempts: [attempt(1, false), attempt(3, true)], card: null };
    const desktop = { attempts: [attempt(1, false), attempt(2, true)], card: null };
    expect(mergeItemProgress(phone, desktop).attempts).toEqual([attempt(1, false), attempt(2, true), attempt(3, true)]);
    const many = { attempts: Array.from({ length: MAX_ATTEMPTS_PER_ITEM }, (_, minute) => attempt(minute + 10, true)), card: null };
    const merged = mergeItemProgress(many, phone).attempts;
    expect(merged).toHaveLength(MAX_ATTEMPTS_PER_ITEM);
    // The phone's two answers are older than the twenty others: they go.
    expect(merged[0]).toEqual(attempt(10, true));
    expect(merged).not.toContainEqual(attempt(3, true));
  });

  it('keeps the card reviewed last: a miss on one device and a later hit on another schedule from the hit', () => {
    const missed = rateAnswer(undefined, 'k1', false, T0)!;
    const reviewedLater = rateAnswer(missed, 'k1', true, T0 + 600_000)!;
    expect(mergeItemProgress({ attempts: [], card: missed }, { attempts: [], card: reviewedLater }).card).toEqual(reviewedLater);
    expect(mergeItemProgress({ attempts: [], card: reviewedLater }, { attempts: [], card: missed }).card).toEqual(reviewedLater);
    expect(mergeItemProgress({ attempts: [], card: null }, { attempts: [], card: missed }).card).toEqual(missed);
  });

  it('converts between the browser’s shape and per-item progress both ways', () => {
    const card = rateAnswer(undefined, 'k1', false, T0)!;
    const data = progressData({ version: 1, attempts: { 'q-1': [attempt(0, false)], 'q-2': [attempt(1, true)] }, cards: { 'q-1': card } });
    const items = progressItems(data);
    expect(items).toEqual({ 'q-1': { attempts: [attempt(0, false)], card }, 'q-2': { attempts: [attempt(1, true)], card: null } });
    expect(progressItems(data, ['q-2', 'q-9'])).toEqual({ 'q-2': items['q-2'] });
    expect(fromProgressItems(items)).toEqual(data);
  });

  it('keeps an item called __proto__ as a plain key', () => {
    const odd = JSON.parse('{"__proto__":{"attempts":[{"at":1,"isCorrect":true,"keyVersion":"k"}],"card":null}}') as ProgressItems;
    const merged = mergeProgress(odd, {});
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(fromProgressItems(merged).attempts)).toBe(Object.prototype);
  });
});
