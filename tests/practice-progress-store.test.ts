import { MemorySync } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS_PER_ITEM, openProgress, progressData } from '../src/components/practice/progress-store.ts';
import { rateAnswer } from '../src/present/practice/review-schedule.ts';

const T0 = Date.parse('2025-09-10T02:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('progress in lowdb', () => {
  const item = { id: 't-seven-day-last-minute~3', keyVersion: 'k1' };

  it('stores every answer under the variant id (template~seed) with time, result and key version', () => {
    const adapter = new MemorySync<unknown>();
    const store = openProgress(adapter);
    store.recordAnswer(item, false, T0);
    store.recordAnswer(item, true, T0 + MINUTE);
    const reopened = openProgress(adapter);
    expect(reopened.attempts('t-seven-day-last-minute~3')).toEqual([
      { at: T0, isCorrect: false, keyVersion: 'k1' },
      { at: T0 + MINUTE, isCorrect: true, keyVersion: 'k1' },
    ]);
    expect(Object.keys(reopened.cards())).toEqual(['t-seven-day-last-minute~3']);
    expect(reopened.cards()[item.id]!.reps).toBe(2);
  });

  it('keeps the newest attempts only', () => {
    const store = openProgress(new MemorySync<unknown>());
    for (let index = 0; index < MAX_ATTEMPTS_PER_ITEM + 5; index++) store.recordAnswer({ id: 'q-a', keyVersion: 'k' }, true, T0 + index);
    expect(store.attempts('q-a')).toHaveLength(MAX_ATTEMPTS_PER_ITEM);
    expect(store.attempts('q-a')[0]!.at).toBe(T0 + 5);
  });

  it('sees what another tab wrote before it writes', () => {
    const adapter = new MemorySync<unknown>();
    const tabA = openProgress(adapter);
    const tabB = openProgress(adapter);
    tabA.recordAnswer({ id: 'q-a', keyVersion: 'k' }, false, T0);
    tabB.recordAnswer({ id: 'q-b', keyVersion: 'k' }, false, T0);
    expect(Object.keys(openProgress(adapter).cards()).sort()).toEqual(['q-a', 'q-b']);
  });

  it('resets and saves cards whose key changed when a page loads', () => {
    const adapter = new MemorySync<unknown>();
    openProgress(adapter).recordAnswer({ id: 'q-a', keyVersion: 'k1' }, false, T0);
    expect(openProgress(adapter).reconcile(new Map([['q-a', 'k2']]), T0 + DAY)).toEqual(['q-a']);
    expect(openProgress(adapter).cards()['q-a']).toMatchObject({ keyVersion: 'k2', reps: 0, due: T0 + DAY });
  });

  it('drops malformed records read back from storage and keeps the valid ones', () => {
    const good = rateAnswer(undefined, 'k', false, T0)!;
    const data = progressData({
      version: 1,
      attempts: { 'q-a': [{ at: T0, isCorrect: true, keyVersion: 'k' }, { at: 'yesterday', isCorrect: true }], 'q-b': 'nonsense' },
      cards: { 'q-a': good, 'q-b': { ...good, due: 'soon' }, 'q-c': null },
    });
    expect(data).toEqual({ version: 1, attempts: { 'q-a': [{ at: T0, isCorrect: true, keyVersion: 'k' }] }, cards: { 'q-a': good } });
    expect(progressData('{"broken')).toEqual({ version: 1, attempts: {}, cards: {} });
    expect(progressData({ version: 2, attempts: {}, cards: {} })).toEqual({ version: 1, attempts: {}, cards: {} });
  });

  it('starts empty over unreadable storage and keeps practising in memory when writes fail', () => {
    const broken = {
      read: () => {
        throw new SyntaxError('Unexpected end of JSON input');
      },
      write: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const store = openProgress(broken);
    expect(store.cards()).toEqual({});
    store.recordAnswer({ id: 'q-a', keyVersion: 'k' }, false, T0);
    expect(store.isPersistent).toBe(false);
    store.recordAnswer({ id: 'q-b', keyVersion: 'k' }, false, T0);
    expect(Object.keys(store.cards()).sort()).toEqual(['q-a', 'q-b']);
  });

  describe('sync bookkeeping', () => {
    const answerAt = (store: ReturnType<typeof openProgress>, id: string, at: number, isCorrect = false) => store.recordAnswer({ id, keyVersion: 'k' }, isCorrect, at);

    it('offers every item before the first sync, then only what was answered since the server acknowledged', () => {
      const adapter = new MemorySync<unknown>();
      const store = openProgress(adapter);
      answerAt(store, 'q-a', T0);
      answerAt(store, 'q-b', T0 + MINUTE, true);
      const first = store.unsynced(250);
      expect(Object.keys(first.items).sort()).toEqual(['q-a', 'q-b']);
      store.applySync('u1', first.items, first.marks, false);
      expect(store.owner()).toBe('u1');
      expect(store.unsynced(250).items).toEqual({});
      answerAt(store, 'q-b', T0 + 2 * MINUTE);
      expect(Object.keys(openProgress(adapter).unsynced(250).items)).toEqual(['q-b']);
    });

    it('keeps an item pending when it was answered again while its sync was under way', () => {
      const store = openProgress(new MemorySync<unknown>());
      answerAt(store, 'q-a', T0);
      const sent = store.unsynced(250);
      answerAt(store, 'q-a', T0 + MINUTE, true);
      store.applySync('u1', sent.items, sent.marks, false);
      expect(store.attempts('q-a')).toHaveLength(2);
      expect(Object.keys(store.unsynced(250).items)).toEqual(['q-a']);
    });

    it('merges the account’s answers from other devices in, and sends in batches what did not fit', () => {
      const store = openProgress(new MemorySync<unknown>());
      for (let index = 0; index < 3; index++) answerAt(store, `q-${index}`, T0 + index);
      const batch = store.unsynced(2);
      expect(Object.keys(batch.items)).toHaveLength(2);
      const remote = { 'q-remote': { attempts: [{ at: T0 - DAY, isCorrect: true, keyVersion: 'k' }], card: null } };
      store.applySync('u1', { ...batch.items, ...remote }, batch.marks, false);
      expect(store.answeredIds().sort()).toEqual(['q-0', 'q-1', 'q-2', 'q-remote']);
      expect(Object.keys(store.unsynced(2).items)).toEqual(['q-2']);
    });

    it('replaces everything with the signed-in account’s progress when the browser held another account’s', () => {
      const store = openProgress(new MemorySync<unknown>());
      answerAt(store, 'q-a', T0);
      store.applySync('u2', { 'q-z': { attempts: [{ at: T0, isCorrect: true, keyVersion: 'k' }], card: null } }, {}, true);
      expect(store.answeredIds()).toEqual(['q-z']);
      expect(store.cards()).toEqual({});
      expect(store.owner()).toBe('u2');
      expect(store.unsynced(250).items).toEqual({});
    });
  });
});
