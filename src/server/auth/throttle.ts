import { employeeIdKey, type ThrottleKeyLimit } from '../store/index.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * Login throttling. Every attempt is reserved against its keys before the password is hashed (see
 * `Store.reserveLoginAttempt`), so a parallel burst gets no more passwords checked than the free failures.
 *
 * - pair (this account from this address): 4 free failures, then a 30 s lock doubling per failure up to 15 min; an
 *   hour without failures forgets the count. This is what a guesser at one address meets first.
 * - account (this account from any address where it has not signed in successfully in the last 30 days): 8 free
 *   failures, then 1 min doubling up to 15 min. It caps guessing spread over many addresses; because it does not
 *   apply at the account's known addresses, an attacker elsewhere cannot lock a trainee out of the place where the
 *   trainee usually signs in (only out of new places; docs/operations.md states the trade-off).
 * - address (any account from this address): 50 free failures, then 15 min; stops one machine guessing across many
 *   accounts without locking a whole office behind one NAT out after a few typos.
 *
 * A success clears the pair and account counts and remembers the pair as known for `knownForMs`.
 */
export const THROTTLE = {
  pair: { freeFailures: 4, firstLockMs: 30 * SECOND, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  account: { freeFailures: 8, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  address: { freeFailures: 50, firstLockMs: 15 * MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE },
  knownForMs: 30 * DAY,
} as const;

export function accountThrottleKey(employeeId: string): string {
  return `account:${employeeIdKey(employeeId)}`;
}

export function addressThrottleKey(address: string): string {
  return `ip:${address}`;
}

export function pairThrottleKey(employeeId: string, address: string): string {
  return `pair:${employeeIdKey(employeeId)}@${address}`;
}

/**
 * The keys a login attempt is reserved against: pair and address always, the account unless this pair is a known
 * sign-in place (`isKnown`).
 */
export function loginThrottleKeys(employeeId: string, address: string, isKnown: boolean): ThrottleKeyLimit[] {
  const keys: ThrottleKeyLimit[] = [
    { key: pairThrottleKey(employeeId, address), limit: THROTTLE.pair },
    { key: addressThrottleKey(address), limit: THROTTLE.address },
  ];
  if (!isKnown) keys.push({ key: accountThrottleKey(employeeId), limit: THROTTLE.account });
  return keys;
}

/** Whole seconds to wait (at least 1) for a wait of `ms`. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / SECOND));
}
