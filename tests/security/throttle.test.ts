import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { accountThrottleKey, pairThrottleKey, THROTTLE } from '../../src/server/auth/throttle.ts';
import type { LoginFailures, Store } from '../../src/server/store/index.ts';
import { rawRequest, type RawResponse } from './raw-http.ts';
import { errorBody, LEAD, OTHER, type SecurityServer, startSecurityServer, TRAINEE, VICTIM } from './security-server.ts';

vi.setConfig({ testTimeout: 60_000 });

const MINUTE = 60_000;
const PASSWORD = '过期锁定测试用的口令-2025';
// Accounts whose failure counts are seeded with chosen timestamps: the server has no clock injection, but it judges
// locks against the times the store holds, so "5 failures, the last 31 s ago" is a lock that has already run out.
const LOCK_RAN_OUT = { id: 'sec-ran-out', employeeId: 'SEC-RANOUT' };
const LONG_LOCK = { id: 'sec-long-lock', employeeId: 'SEC-LONGLOCK' };
const FORGOTTEN = { id: 'sec-forgotten', employeeId: 'SEC-FORGOTTEN' };
const BURST = { id: 'sec-burst', employeeId: 'SEC-BURST' };
const SPREAD = { id: 'sec-spread', employeeId: 'SEC-SPREAD' };
const REGULAR = { id: 'sec-regular', employeeId: 'SEC-REGULAR' };

/** Stores `count` failures under `key`, the last at `lastAt`, through the store's own reserve-and-settle verbs. */
async function seedFailures(store: Store, key: string, count: number, lastAt: number): Promise<void> {
  const roomy = { ...THROTTLE.pair, freeFailures: count + 1 };
  for (let i = 0; i < count; i++) {
    const reserved = await store.reserveLoginAttempt([{ key, limit: roomy }], lastAt);
    if (!reserved.ok) throw new Error(`seeding ${key} was refused`);
    await store.settleLoginAttempt(reserved.reservation, { succeeded: false });
  }
}

let app: SecurityServer;

beforeAll(async () => {
  app = await startSecurityServer({
    sessionsPerUser: 1,
    prepare: async (store, now) => {
      const hash = await hashPassword(PASSWORD);
      for (const user of [LOCK_RAN_OUT, LONG_LOCK, FORGOTTEN, BURST, SPREAD, REGULAR]) {
        await store.createUser({ ...user, role: 'trainee', name: '锁定测试', cohort: null, passwordHash: hash, createdAt: now });
      }
      await seedFailures(store, pairThrottleKey(LOCK_RAN_OUT.employeeId, '127.0.0.5'), 4, now - THROTTLE.pair.firstLockMs - 1_000);
      await seedFailures(store, pairThrottleKey(LONG_LOCK.employeeId, '127.0.0.4'), 8, now); // 30 s × 2⁴ = 8 min
      await seedFailures(store, pairThrottleKey(FORGOTTEN.employeeId, '127.0.0.6'), 4, now - THROTTLE.pair.forgetAfterMs - MINUTE);
    },
  });
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

/** A login from `address` (any 127.0.0.0/8 address): each test group uses its own so address counts stay apart. */
function login(employeeId: string, password: string, address: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(app.url, {
    method: 'POST',
    path: '/api/auth/login',
    localAddress: address,
    headers: { origin: app.url, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ employeeId, password }),
  });
}

function expectThrottled(response: RawResponse, maxSeconds: number): number {
  expect(response.status).toBe(429);
  const error = errorBody(response);
  expect(error.code).toBe('LOGIN_THROTTLED');
  const retryAfter = Number(response.header('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(error.retryAfterSeconds).toBe(retryAfter);
  expect(response.setCookies).toEqual([]);
  return retryAfter;
}

/** The failures stored in the running server's throttle.json under `key` (each one a password that was hashed). */
async function storedFailures(key: string): Promise<number> {
  const file = JSON.parse(await readFile(join(app.dataDir, 'throttle.json'), 'utf8')) as { failures: LoginFailures[] };
  return file.failures.find((f) => f.key === key)?.count ?? 0;
}

describe('per-address-and-account login throttle', () => {
  it('locks this account at this address after 4 failures with 429 and Retry-After, refusing even the right password', async () => {
    for (let i = 1; i <= THROTTLE.pair.freeFailures; i++) {
      const response = await login(TRAINEE.employeeId, `wrong password ${i}`, '127.0.0.2');
      expect(response.status, `failure ${i}`).toBe(401);
      expect(errorBody(response).code).toBe('LOGIN_FAILED');
    }
    expectThrottled(await login(TRAINEE.employeeId, 'wrong password 5', '127.0.0.2'), THROTTLE.pair.firstLockMs / 1000);
    expectThrottled(await login(TRAINEE.employeeId, TRAINEE.password!, '127.0.0.2'), THROTTLE.pair.firstLockMs / 1000);
    expectThrottled(await login(TRAINEE.employeeId.toLowerCase(), TRAINEE.password!, '127.0.0.2'), THROTTLE.pair.firstLockMs / 1000);
    // Four failures elsewhere do not lock the account for the trainee at another address.
    expect((await login(TRAINEE.employeeId, TRAINEE.password!, '127.0.0.3')).status).toBe(200);
  });

  it('keeps a longer lock (doubling per failure) and refuses the right password throughout', async () => {
    const seconds = expectThrottled(await login(LONG_LOCK.employeeId, PASSWORD, '127.0.0.4'), 8 * 60);
    // Well above the first 30 s lock, with minutes of slack for a slow start.
    expect(seconds).toBeGreaterThan(4 * 60);
  });

  it('lets the right password in once the lock has run out, and clears the count', async () => {
    const response = await login(LOCK_RAN_OUT.employeeId, PASSWORD, '127.0.0.5');
    expect(response.status).toBe(200);
    // Cleared: four fresh failures are free again.
    for (let i = 1; i <= THROTTLE.pair.freeFailures; i++) {
      expect((await login(LOCK_RAN_OUT.employeeId, `wrong ${i}`, '127.0.0.5')).status).toBe(401);
    }
  });

  it('forgets failures older than an hour', async () => {
    const response = await login(FORGOTTEN.employeeId, 'wrong password', '127.0.0.6');
    expect(response.status).toBe(401);
    expect(errorBody(response).code).toBe('LOGIN_FAILED');
  });
});

describe('parallel bursts are counted before hashing', () => {
  it('hashes only the 4 free failures of 40 simultaneous logins, and refuses the right password sent 35th', async () => {
    const address = '127.0.0.20';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(BURST.employeeId, i === 34 ? PASSWORD : `wrong burst ${i}`, address)),
    );
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(THROTTLE.pair.freeFailures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - THROTTLE.pair.freeFailures);
    expect(statuses[34]).toBe(429);
    for (const response of answers.filter((r) => r.status === 429)) expect(Number(response.header('retry-after'))).toBeGreaterThanOrEqual(1);
    // Every hashed wrong password is stored as a failure; nothing else is: exactly the free failures were hashed.
    expect(await storedFailures(pairThrottleKey(BURST.employeeId, address))).toBe(THROTTLE.pair.freeFailures);
    expect(await storedFailures(accountThrottleKey(BURST.employeeId))).toBe(THROTTLE.pair.freeFailures);
  });

  it(`hashes at most the account's ${THROTTLE.account.freeFailures} free failures of a burst spread over 10 addresses`, async () => {
    const addresses = Array.from({ length: 10 }, (_, i) => `127.0.1.${i + 1}`);
    const answers = await Promise.all(
      addresses.flatMap((address) => Array.from({ length: 4 }, (_, i) => login(SPREAD.employeeId, `wrong spread ${i}`, address))),
    );
    expect(answers.filter((response) => response.status === 401)).toHaveLength(THROTTLE.account.freeFailures);
    expect(await storedFailures(accountThrottleKey(SPREAD.employeeId))).toBe(THROTTLE.account.freeFailures);
    // Locked for every new place now, the right password too.
    expectThrottled(await login(SPREAD.employeeId, PASSWORD, '127.0.1.99'), THROTTLE.account.firstLockMs / 1000);
  });

  it('does not let failures from elsewhere lock the account out of an address where it signed in before', async () => {
    expect((await login(REGULAR.employeeId, PASSWORD, '127.0.2.1')).status).toBe(200);
    // An attacker spread over other addresses uses up the account's free failures.
    await Promise.all(
      ['127.0.2.2', '127.0.2.3', '127.0.2.4'].flatMap((address) => Array.from({ length: 4 }, (_, i) => login(REGULAR.employeeId, `attack ${i}`, address))),
    );
    expectThrottled(await login(REGULAR.employeeId, PASSWORD, '127.0.2.5'), THROTTLE.account.firstLockMs / 1000);
    // The trainee's usual address still signs in, and its own pair limit still holds there.
    expect((await login(REGULAR.employeeId, PASSWORD, '127.0.2.1')).status).toBe(200);
  });
});

describe('per-address login throttle', () => {
  it(`locks an address after ${THROTTLE.address.freeFailures} failures across accounts, for every account, while other addresses still sign in`, async () => {
    const address = '127.0.0.50';
    let firstLocked = 0;
    for (let i = 1; i <= THROTTLE.address.freeFailures + 1 && firstLocked === 0; i++) {
      // Distinct unknown accounts, each far below its own limit: only the address count can lock.
      const response = await login(`GUESS-${i}`, 'wrong password', address);
      if (response.status === 429) firstLocked = i;
      else expect(response.status).toBe(401);
    }
    expect(firstLocked).toBe(THROTTLE.address.freeFailures + 1);
    expectThrottled(await login(LEAD.employeeId, LEAD.password!, address), THROTTLE.address.firstLockMs / 1000);
    // X-Forwarded-For is not trusted (no allowedDomains), so a forged header does not escape the lock.
    expectThrottled(
      await login(LEAD.employeeId, LEAD.password!, address, { 'x-forwarded-for': '203.0.113.9', forwarded: 'for=203.0.113.9' }),
      THROTTLE.address.firstLockMs / 1000,
    );
    expect((await login(LEAD.employeeId, LEAD.password!, '127.0.0.51')).status).toBe(200);
  });
});

describe('no user enumeration', () => {
  it('answers an unknown id, a wrong password and a never-activated account identically', async () => {
    const address = '127.0.0.7';
    const answers = await Promise.all([
      login('NO-SUCH-EMPLOYEE', 'some password 123', address),
      login(LEAD.employeeId, 'some password 123', address),
      login(OTHER.employeeId, 'some password 123', address), // exists, has never set a password
    ]);
    const shapes = answers.map((response) => ({
      status: response.status,
      body: response.text,
      setCookies: response.setCookies,
      headers: Object.keys(response.headers).filter((name) => name !== 'date').sort(),
    }));
    expect(shapes[0]!.status).toBe(401);
    expect(errorBody(answers[0]!).code).toBe('LOGIN_FAILED');
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
  });

  it('locks unknown ids exactly like real ones, so the throttle does not reveal which exist', async () => {
    const outcomes: number[][] = [];
    for (const [employeeId, address] of [['NO-SUCH-2', '127.0.0.8'], [VICTIM.employeeId, '127.0.0.9']] as const) {
      const statuses: number[] = [];
      for (let i = 0; i <= THROTTLE.pair.freeFailures; i++) statuses.push((await login(employeeId, `wrong ${i}`, address)).status);
      outcomes.push(statuses);
    }
    expect(outcomes[0]).toEqual([401, 401, 401, 401, 429]);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});
