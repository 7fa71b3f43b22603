import type { Store, User } from '../store/index.ts';
import { verifyPassword } from './passwords.ts';
import { accountThrottleKey, loginThrottleKeys, pairThrottleKey, retryAfterSeconds, THROTTLE } from './throttle.ts';

export type LoginOutcome =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly code: 'LOGIN_FAILED' | 'ACCOUNT_DISABLED' }
  | { readonly ok: false; readonly code: 'LOGIN_THROTTLED'; readonly retryAfterSeconds: number };

/**
 * Checks an employee id and password under the throttle (see throttle.ts). The attempt is reserved against its
 * throttle keys before any hashing, so a refused attempt costs no hash and a burst hashes at most the free failures;
 * a wrong password keeps the reservation as a counted failure, a right one releases it and clears the account's
 * counts. Unknown ids and accounts without a password cost the same hashing time as real ones and are counted the
 * same way, so neither answers nor locks reveal which ids exist.
 */
export async function checkCredentials(
  store: Store,
  input: { readonly employeeId: string; readonly password: string; readonly address: string },
  now: number,
): Promise<LoginOutcome> {
  const pairKey = pairThrottleKey(input.employeeId, input.address);
  const isKnown = await store.isKnownSignIn(pairKey, now);
  const reserved = await store.reserveLoginAttempt(loginThrottleKeys(input.employeeId, input.address, isKnown), now);
  if (!reserved.ok) return { ok: false, code: 'LOGIN_THROTTLED', retryAfterSeconds: retryAfterSeconds(reserved.retryAfterMs) };

  let user: User | null = null;
  let matches = false;
  try {
    user = await store.findUserByEmployeeId(input.employeeId);
    matches = await verifyPassword(user?.passwordHash ?? null, input.password);
  } finally {
    // An error while checking settles as a failure: the reservation must not stay in flight forever.
    await store.settleLoginAttempt(
      reserved.reservation,
      matches && user && !user.disabled
        ? {
            succeeded: true,
            clear: [pairKey, accountThrottleKey(input.employeeId)],
            remember: { key: pairKey, until: now + THROTTLE.knownForMs },
          }
        : // A disabled account with the right password is refused, but its password was right: not a failure.
          matches
          ? { succeeded: true, clear: [], remember: null }
          : { succeeded: false },
    );
  }
  if (!matches) return { ok: false, code: 'LOGIN_FAILED' };
  if (user!.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };
  return { ok: true, user: user! };
}
