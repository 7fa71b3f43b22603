import type { Store, User } from '../store/index.ts';
import { verifyPassword } from './passwords.ts';
import { accountThrottleKey, addressThrottleKey, lockedUntil, retryAfterSeconds, THROTTLE } from './throttle.ts';

export type LoginOutcome =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly code: 'LOGIN_FAILED' | 'ACCOUNT_DISABLED' }
  | { readonly ok: false; readonly code: 'LOGIN_THROTTLED'; readonly retryAfterSeconds: number };

/**
 * Checks an employee id and password under the throttle. A locked account or address is refused before any hashing;
 * a wrong password counts against both, and when that failure starts a lock the answer is already LOGIN_THROTTLED.
 * Unknown ids and accounts without a password cost the same hashing time as real ones.
 */
export async function checkCredentials(
  store: Store,
  input: { readonly employeeId: string; readonly password: string; readonly address: string },
  now: number,
): Promise<LoginOutcome> {
  const accountKey = accountThrottleKey(input.employeeId);
  const addressKey = addressThrottleKey(input.address);
  const waitFor = async () =>
    Math.max(
      retryAfterSeconds(lockedUntil('account', await store.getLoginFailures(accountKey)), now),
      retryAfterSeconds(lockedUntil('address', await store.getLoginFailures(addressKey)), now),
    );

  const before = await waitFor();
  if (before > 0) return { ok: false, code: 'LOGIN_THROTTLED', retryAfterSeconds: before };

  const user = await store.findUserByEmployeeId(input.employeeId);
  if (!(await verifyPassword(user?.passwordHash ?? null, input.password))) {
    await store.recordLoginFailure(accountKey, now, THROTTLE.account.forgetAfterMs);
    await store.recordLoginFailure(addressKey, now, THROTTLE.address.forgetAfterMs);
    const after = await waitFor();
    return after > 0
      ? { ok: false, code: 'LOGIN_THROTTLED', retryAfterSeconds: after }
      : { ok: false, code: 'LOGIN_FAILED' };
  }
  if (user!.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };
  await store.clearLoginFailures(accountKey);
  return { ok: true, user: user! };
}
