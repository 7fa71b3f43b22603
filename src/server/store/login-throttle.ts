import type { LoginFailures, ThrottleLimit } from './types.ts';

/** How long an attempt refused only because of reservations in flight is told to wait: hashing takes milliseconds. */
export const LOGIN_IN_FLIGHT_RETRY_MS = 1_000;

/**
 * The failures that still count under `limit` at `at`: the stored count, or none once the last failure is more than
 * `limit.forgetAfterMs` old. Every store implements the same arithmetic (this function is the specification).
 */
export function countedFailures(limit: ThrottleLimit, failures: LoginFailures | null, at: number): number {
  if (!failures || at - failures.lastAt > limit.forgetAfterMs) return 0;
  return failures.count;
}

/**
 * The instant until which a key with `count` counted failures (the last at `lastAt`) is locked under `limit`, or
 * `null` when it is not locked: below `freeFailures` nothing; at `freeFailures` a lock of `firstLockMs` after the last
 * failure, doubling with each failure beyond, capped at `maxLockMs`.
 */
export function lockEnd(limit: ThrottleLimit, count: number, lastAt: number): number | null {
  if (count < limit.freeFailures) return null;
  // 2 ** n overflows to Infinity long after min() caps it; no special case needed.
  return lastAt + Math.min(limit.maxLockMs, limit.firstLockMs * 2 ** (count - limit.freeFailures));
}
