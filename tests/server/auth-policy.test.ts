import { describe, expect, it } from 'vitest';
import {
  isAllowed,
  isSameOriginRequest,
  isStateChanging,
  lockedUntil,
  passwordProblem,
  requiredAccess,
  retryAfterSeconds,
  THROTTLE,
} from '../../src/server/auth/index.ts';

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
  const failures = (count: number, lastAt = 0) => ({ key: 'k', count, firstAt: 0, lastAt });

  it('lets an account fail four times freely, then locks 30 s, doubling per failure up to 15 min', () => {
    expect(lockedUntil('account', null)).toBeNull();
    expect(lockedUntil('account', failures(4))).toBeNull();
    expect(lockedUntil('account', failures(5))).toBe(30_000);
    expect(lockedUntil('account', failures(6))).toBe(60_000);
    expect(lockedUntil('account', failures(10))).toBe(15 * 60_000);
    expect(lockedUntil('account', failures(5000))).toBe(15 * 60_000);
  });

  it('locks an address for 15 min after 50 failures across accounts', () => {
    expect(lockedUntil('address', failures(THROTTLE.address.maxFailures - 1, 100))).toBeNull();
    expect(lockedUntil('address', failures(THROTTLE.address.maxFailures, 100))).toBe(100 + 15 * 60_000);
  });

  it('rounds the wait up to whole seconds, at least one, and zero when not locked', () => {
    expect(retryAfterSeconds(null, 0)).toBe(0);
    expect(retryAfterSeconds(1000, 1000)).toBe(0);
    expect(retryAfterSeconds(1001, 1000)).toBe(1);
    expect(retryAfterSeconds(30_000, 1)).toBe(30);
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
  });

  it('lets a role through only where it belongs', () => {
    expect(isAllowed('lead', 'lead')).toBe(true);
    expect(isAllowed('lead', 'trainee')).toBe(false);
    expect(isAllowed('lead', null)).toBe(false);
    expect(isAllowed('signed-in', 'trainee')).toBe(true);
    expect(isAllowed('signed-in', null)).toBe(false);
    expect(isAllowed('public', null)).toBe(true);
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
