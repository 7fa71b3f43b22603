import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { accountThrottleKey, THROTTLE } from '../../src/server/auth/throttle.ts';
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

let app: SecurityServer;

beforeAll(async () => {
  app = await startSecurityServer({
    sessionsPerUser: 1,
    prepare: async (store, now) => {
      const hash = await hashPassword(PASSWORD);
      for (const user of [LOCK_RAN_OUT, LONG_LOCK, FORGOTTEN]) {
        await store.createUser({ ...user, role: 'trainee', name: '锁定测试', cohort: null, passwordHash: hash, createdAt: now });
      }
      const fail = async (employeeId: string, count: number, lastAt: number) => {
        for (let i = 0; i < count; i++) await store.recordLoginFailure(accountThrottleKey(employeeId), lastAt, THROTTLE.account.forgetAfterMs);
      };
      await fail(LOCK_RAN_OUT.employeeId, 5, now - THROTTLE.account.firstLockMs - 1_000);
      await fail(LONG_LOCK.employeeId, 9, now); // 30 s × 2⁴ = 8 min
      await fail(FORGOTTEN.employeeId, 4, now - THROTTLE.account.forgetAfterMs - MINUTE);
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

describe('per-account login throttle', () => {
  it('locks the account at the 5th failure with 429 and Retry-After, then refuses even the right password', async () => {
    for (let i = 1; i <= THROTTLE.account.freeFailures; i++) {
      const response = await login(TRAINEE.employeeId, `wrong password ${i}`, '127.0.0.2');
      expect(response.status, `failure ${i}`).toBe(401);
      expect(errorBody(response).code).toBe('LOGIN_FAILED');
    }
    expectThrottled(await login(TRAINEE.employeeId, 'wrong password 5', '127.0.0.2'), THROTTLE.account.firstLockMs / 1000);
    // From another address too: the lock belongs to the account, whoever asks.
    expectThrottled(await login(TRAINEE.employeeId, TRAINEE.password!, '127.0.0.3'), THROTTLE.account.firstLockMs / 1000);
    expectThrottled(await login(TRAINEE.employeeId.toLowerCase(), TRAINEE.password!, '127.0.0.3'), THROTTLE.account.firstLockMs / 1000);
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
    for (let i = 1; i <= THROTTLE.account.freeFailures; i++) {
      expect((await login(LOCK_RAN_OUT.employeeId, `wrong ${i}`, '127.0.0.5')).status).toBe(401);
    }
  });

  it('forgets failures older than an hour', async () => {
    const response = await login(FORGOTTEN.employeeId, 'wrong password', '127.0.0.6');
    expect(response.status).toBe(401);
    expect(errorBody(response).code).toBe('LOGIN_FAILED');
  });
});

describe('per-address login throttle', () => {
  it(`locks an address after ${THROTTLE.address.maxFailures} failures across accounts, for every account, while other addresses still sign in`, async () => {
    const address = '127.0.0.50';
    let firstLocked = 0;
    for (let i = 1; i <= THROTTLE.address.maxFailures && firstLocked === 0; i++) {
      // Distinct unknown accounts, each far below its own limit: only the address count can lock.
      const response = await login(`GUESS-${i}`, 'wrong password', address);
      if (response.status === 429) firstLocked = i;
      else expect(response.status).toBe(401);
    }
    expect(firstLocked).toBe(THROTTLE.address.maxFailures);
    expectThrottled(await login(LEAD.employeeId, LEAD.password!, address), THROTTLE.address.lockMs / 1000);
    // X-Forwarded-For is not trusted (no allowedDomains), so a forged header does not escape the lock.
    expectThrottled(
      await login(LEAD.employeeId, LEAD.password!, address, { 'x-forwarded-for': '203.0.113.9', forwarded: 'for=203.0.113.9' }),
      THROTTLE.address.lockMs / 1000,
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
      for (let i = 0; i <= THROTTLE.account.freeFailures; i++) statuses.push((await login(employeeId, `wrong ${i}`, address)).status);
      outcomes.push(statuses);
    }
    expect(outcomes[0]).toEqual([401, 401, 401, 401, 429]);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});
