import { describe, expect, it } from 'vitest';
import {
  isAllowed,
  isSameOriginRequest,
  isStateChanging,
  loginThrottleKeys,
  passwordProblem,
  requiredAccess,
  retryAfterSeconds,
  THROTTLE,
} from '../../src/server/auth/index.ts';
import { countedFailures, lockEnd } from '../../src/server/store/index.ts';

describe('password policy', () => {
  const account = { employeeId: 'TB2024000123' };

  it('accepts 10 characters and refuses 9, counting each Chinese character once', () => {
    expect(passwordProblem('abcdefghij', account)).toBeNull();
    expect(passwordProblem('abcdefghi', account)).toBe('PASSWORD_TOO_SHORT');
    expect(passwordProblem('售后规则学堂认证考试', account)).toBeNull();
    expect(passwordProblem('售后规则学堂认证考', account)).toBe('PASSWORD_TOO_SHORT');
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblem('x'.repeat(128), account)).toBeNull();
    expect(passwordProblem('x'.repeat(129), account)).toBe('PASSWORD_TOO_LONG');
  });

  it('refuses the employee id itself, in any letter case or with surrounding spaces', () => {
    expect(passwordProblem('TB2024000123', account)).toBe('PASSWORD_IS_EMPLOYEE_ID');
    expect(passwordProblem(' tb2024000123 ', account)).toBe('PASSWORD_IS_EMPLOYEE_ID');
    expect(passwordProblem('TB2024000123!', account)).toBeNull();
  });
});

describe('login throttle', () => {
  it('lets a pair fail four times freely, then locks 30 s after the last failure, doubling per failure up to 15 min', () => {
    expect(lockEnd(THROTTLE.pair, 3, 0)).toBeNull();
    expect(lockEnd(THROTTLE.pair, 4, 0)).toBe(30_000);
    expect(lockEnd(THROTTLE.pair, 5, 0)).toBe(60_000);
    expect(lockEnd(THROTTLE.pair, 9, 0)).toBe(15 * 60_000);
    expect(lockEnd(THROTTLE.pair, 5000, 0)).toBe(15 * 60_000);
  });

  it('locks an address for 15 min once 50 failures across accounts are counted', () => {
    expect(lockEnd(THROTTLE.address, 49, 100)).toBeNull();
    expect(lockEnd(THROTTLE.address, 50, 100)).toBe(100 + 15 * 60_000);
    expect(lockEnd(THROTTLE.address, 80, 100)).toBe(100 + 15 * 60_000);
  });

  it('forgets a count whose last failure is older than the quiet period', () => {
    const failures = { key: 'k', count: 7, firstAt: 0, lastAt: 1_000 };
    expect(countedFailures(THROTTLE.pair, failures, 1_000 + THROTTLE.pair.forgetAfterMs)).toBe(7);
    expect(countedFailures(THROTTLE.pair, failures, 1_001 + THROTTLE.pair.forgetAfterMs)).toBe(0);
    expect(countedFailures(THROTTLE.pair, null, 0)).toBe(0);
  });

  it('reserves against pair and address always, and against the account only from places it never signed in', () => {
    expect(loginThrottleKeys('tb-1', '10.0.0.1', false).map((k) => k.key)).toEqual(['pair:TB-1@10.0.0.1', 'ip:10.0.0.1', 'account:TB-1']);
    expect(loginThrottleKeys('tb-1', '10.0.0.1', true).map((k) => k.key)).toEqual(['pair:TB-1@10.0.0.1', 'ip:10.0.0.1']);
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(29_999)).toBe(30);
  });
});

describe('access rules', () => {
  it('protects /lead and /api/lead for leads, /me for any account, and leaves the rest public', () => {
    expect(requiredAccess('/lead')).toBe('lead');
    expect(requiredAccess('/lead/')).toBe('lead');
    expect(requiredAccess('/lead/trainees')).toBe('lead');
    expect(requiredAccess('/api/lead/trainees/x/disable')).toBe('lead');
    expect(requiredAccess('/me')).toBe('signed-in');
    expect(requiredAccess('/api/auth/me')).toBe('signed-in');
    expect(requiredAccess('/lead/studio')).toBe('studio');
    expect(requiredAccess('/lead/studio/exams')).toBe('studio');
    expect(requiredAccess('/api/studio/file')).toBe('studio');
    expect(requiredAccess('/lead/studios')).toBe('lead');
    expect(requiredAccess('/leader')).toBe('public');
    expect(requiredAccess('/rules/lead')).toBe('public');
    expect(requiredAccess('/login')).toBe('public');
  });

  it('sees through percent-encoding, letter case and doubled slashes', () => {
    expect(requiredAccess('/%6cead/trainees')).toBe('lead');
    expect(requiredAccess('/LEAD')).toBe('lead');
    expect(requiredAccess('//lead')).toBe('lead');
    expect(requiredAccess('/api/%6Cead/trainees')).toBe('lead');
    expect(requiredAccess('/%E0%A4%A')).toBe('lead');
    expect(requiredAccess('/LEAD/%53tudio')).toBe('studio');
  });

  it('lets a role through only where it belongs', () => {
    expect(isAllowed('lead', 'lead')).toBe(true);
    expect(isAllowed('lead', 'trainee')).toBe(false);
    expect(isAllowed('lead', null)).toBe(false);
    expect(isAllowed('signed-in', 'trainee')).toBe(true);
    expect(isAllowed('signed-in', null)).toBe(false);
    expect(isAllowed('public', null)).toBe(true);
    expect(isAllowed('studio', 'lead')).toBe(true);
    expect(isAllowed('studio', 'author')).toBe(true);
    expect(isAllowed('studio', 'trainee')).toBe(false);
    expect(isAllowed('studio', null)).toBe(false);
    expect(isAllowed('lead', 'author')).toBe(false);
    expect(isAllowed('signed-in', 'author')).toBe(true);
  });
});

describe('origin check', () => {
  const ours = ['http://127.0.0.1:4321'];

  it('treats every method but GET, HEAD and OPTIONS as state-changing', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'post'].every(isStateChanging)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isStateChanging)).toBe(false);
  });

  it('accepts our Origin, refuses another or a null one, and without Origin trusts only Sec-Fetch-Site: same-origin', () => {
    expect(isSameOriginRequest(new Headers({ origin: 'http://127.0.0.1:4321' }), ours)).toBe(true);
    expect(isSameOriginRequest(new Headers({ origin: 'http://evil.example' }), ours)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: 'null' }), ours)).toBe(false);
    expect(
      isSameOriginRequest(new Headers({ origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' }), ours),
    ).toBe(false);
    expect(isSameOriginRequest(new Headers({ 'sec-fetch-site': 'same-origin' }), ours)).toBe(true);
    expect(isSameOriginRequest(new Headers({ 'sec-fetch-site': 'cross-site' }), ours)).toBe(false);
    expect(isSameOriginRequest(new Headers(), ours)).toBe(false);
  });
});
