import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCredentials } from '../../src/server/auth/login.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { THROTTLE } from '../../src/server/auth/throttle.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { tempDataDir } from './built-server.ts';

// Counts real Argon2 verifications: the test-only seam is this module mock, which nothing reachable over HTTP has.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/server/auth/passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/server/auth/passwords.ts')>();
  return {
    ...original,
    verifyPassword: async (hash: string | null, password: string) => {
      verifications.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

const PASSWORD = '并发登录测试用的口令-2025';
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await tempDataDir();
  store = await openLowdbStore(dir);
  await store.createUser({
    id: 'burst',
    role: 'trainee',
    name: '并发测试',
    employeeId: 'BURST-1',
    cohort: null,
    passwordHash: await hashPassword(PASSWORD),
    createdAt: 0,
  });
  verifications.count = 0;
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('checkCredentials under a parallel burst', () => {
  it('hashes only the free failures of 40 simultaneous attempts and refuses the right password among them', async () => {
    const now = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        checkCredentials(store, { employeeId: 'BURST-1', password: i === 34 ? PASSWORD : `wrong ${i}`, address: '10.0.0.1' }, now),
      ),
    );
    expect(verifications.count).toBe(THROTTLE.pair.freeFailures);
    expect(outcomes.filter((o) => !o.ok && o.code === 'LOGIN_FAILED')).toHaveLength(THROTTLE.pair.freeFailures);
    expect(outcomes[34]).toMatchObject({ ok: false, code: 'LOGIN_THROTTLED' });
    // Settled: the lock now stands on the stored failures, not on reservations in flight.
    expect(await checkCredentials(store, { employeeId: 'BURST-1', password: PASSWORD, address: '10.0.0.1' }, now)).toEqual({
      ok: false,
      code: 'LOGIN_THROTTLED',
      retryAfterSeconds: THROTTLE.pair.firstLockMs / 1000,
    });
    expect(verifications.count).toBe(THROTTLE.pair.freeFailures);
  });

  it('hashes an unknown id the same way and no more often', async () => {
    const now = Date.now();
    await Promise.all(Array.from({ length: 40 }, () => checkCredentials(store, { employeeId: 'NOBODY', password: 'x', address: '10.0.0.2' }, now)));
    expect(verifications.count).toBe(THROTTLE.pair.freeFailures);
  });

  it('releases a successful attempt so the next one is free again', async () => {
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      expect((await checkCredentials(store, { employeeId: 'BURST-1', password: PASSWORD, address: '10.0.0.3' }, now)).ok).toBe(true);
    }
    expect(verifications.count).toBe(10);
  });
});
