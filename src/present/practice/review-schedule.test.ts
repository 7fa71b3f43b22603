import { describe, expect, it } from 'vitest';
import { LEARN_AHEAD_MS, dueIds, newCard, nextDue, rateAnswer, reconcileCards } from './review-schedule.ts';

const T0 = Date.parse('2025-09-10T02:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('review scheduling (FSRS)', () => {
  it('puts a missed item in the queue, rated Again, due within the learn-ahead limit', () => {
    const card = rateAnswer(undefined, 'v1', false, T0);
    expect(card).toMatchObject({ keyVersion: 'v1', reps: 1, lapses: 0 });
    expect(card!.due).toBeGreaterThan(T0);
    expect(card!.due).toBeLessThanOrEqual(T0 + LEARN_AHEAD_MS);
    expect(dueIds({ 'q-a': card! }, new Map([['q-a', 'v1']]), T0)).toEqual(['q-a']);
  });

  it('leaves an item answered right that was never missed out of the queue', () => {
    expect(rateAnswer(undefined, 'v1', true, T0)).toBeUndefined();
  });

  it('rates a correct review Good, which schedules it later than a miss would', () => {
    const missed = rateAnswer(undefined, 'v1', false, T0)!;
    const good = rateAnswer(missed, 'v1', true, T0 + 2 * MINUTE)!;
    const again = rateAnswer(missed, 'v1', false, T0 + 2 * MINUTE)!;
    expect(good.due).toBeGreaterThan(again.due);
    expect(good.reps).toBe(2);
    // Two Goods in a row graduate the card out of learning: it is not due again today.
    const graduated = rateAnswer(good, 'v1', true, good.due)!;
    expect(graduated.due - good.due).toBeGreaterThanOrEqual(DAY);
    expect(dueIds({ 'q-a': graduated }, new Map([['q-a', 'v1']]), good.due)).toEqual([]);
  });

  it('keeps a schedule while the key version is unchanged', () => {
    const card = rateAnswer(rateAnswer(undefined, 'v1', false, T0)!, 'v1', true, T0 + MINUTE)!;
    const { cards, resetIds } = reconcileCards({ 'q-a': card }, new Map([['q-a', 'v1']]), T0 + DAY);
    expect(resetIds).toEqual([]);
    expect(cards['q-a']).toBe(card);
  });

  it('resets a card to new, due now, when its item’s key version changes', () => {
    const card = rateAnswer(rateAnswer(undefined, 'v1', false, T0)!, 'v1', true, T0 + MINUTE)!;
    const { cards, resetIds } = reconcileCards({ 'q-a': card }, new Map([['q-a', 'v2']]), T0 + DAY);
    expect(resetIds).toEqual(['q-a']);
    expect(cards['q-a']).toEqual(newCard('v2', T0 + DAY));
    expect(cards['q-a']).toMatchObject({ reps: 0, lapses: 0, state: 0, due: T0 + DAY });
  });

  it('starts a stale card over before rating it, so an old schedule never carries to a new key', () => {
    const old = rateAnswer(undefined, 'v1', false, T0)!;
    const rated = rateAnswer(old, 'v2', false, T0 + DAY)!;
    expect(rated).toEqual(rateAnswer(undefined, 'v2', false, T0 + DAY));
  });

  it('leaves cards of items this page does not list untouched and out of the due list', () => {
    const card = rateAnswer(undefined, 'v1', false, T0)!;
    const { cards } = reconcileCards({ 'q-gone': card }, new Map(), T0);
    expect(cards['q-gone']).toBe(card);
    expect(dueIds(cards, new Map(), T0 + DAY)).toEqual([]);
  });

  it('lists due cards soonest first and says when the next one comes due', () => {
    const versions = new Map([
      ['q-a', 'v'],
      ['q-b', 'v'],
      ['q-c', 'v'],
    ]);
    const cards = {
      'q-a': { ...newCard('v', T0), due: T0 + 5 * MINUTE },
      'q-b': { ...newCard('v', T0), due: T0 - DAY },
      'q-c': { ...newCard('v', T0), due: T0 + 2 * DAY },
    };
    expect(dueIds(cards, versions, T0)).toEqual(['q-b', 'q-a']);
    expect(nextDue(cards, versions, T0)).toBe(T0 + 2 * DAY);
    expect(nextDue({}, versions, T0)).toBeUndefined();
  });
});
