import { employeeIdKey, type LoginFailures } from '../store/index.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Login throttling, per account and per client address. Pure: the store counts failures, this decides what they mean.
 *
 * Account: the first 4 failures cost nothing; the 5th locks the account for 30 s, and each further failure doubles
 * the lock (1 min, 2 min, …) up to 15 min. An hour without failures forgets the count; a successful login clears it.
 * Address: 50 failures, across any accounts, with no quiet gap of 15 min lock the address for 15 min; this stops one
 * machine guessing across many accounts without locking out a whole office behind one NAT after a few typos.
 */
export const THROTTLE = {
  account: { freeFailures: 4, firstLockMs: 30 * SECOND, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  address: { maxFailures: 50, lockMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE },
} as const;

export type ThrottleKind = 'account' | 'address';

export function accountThrottleKey(employeeId: string): string {
  return `account:${employeeIdKey(employeeId)}`;
}

export function addressThrottleKey(address: string): string {
  return `ip:${address}`;
}

/** The instant until which logins under this key are refused; `null` when not locked at all. */
export function lockedUntil(kind: ThrottleKind, failures: LoginFailures | null): number | null {
  if (!failures) return null;
  if (kind === 'account') {
    const { freeFailures, firstLockMs, maxLockMs } = THROTTLE.account;
    const beyond = failures.count - freeFailures - 1;
    if (beyond < 0) return null;
    // 2 ** beyond overflows to Infinity long after min() caps it; no special case needed.
    return failures.lastAt + Math.min(maxLockMs, firstLockMs * 2 ** beyond);
  }
  return failures.count >= THROTTLE.address.maxFailures ? failures.lastAt + THROTTLE.address.lockMs : null;
}

/** Whole seconds to wait (at least 1) when `until` is after `now`; 0 when not locked. */
export function retryAfterSeconds(until: number | null, now: number): number {
  return until === null || until <= now ? 0 : Math.max(1, Math.ceil((until - now) / SECOND));
}
