import { hashPassword, type PasswordProblem, passwordProblem, sha256Hex } from '../auth/index.ts';
import type { ActivationRefusal, FindActivationResult, Store, User } from '../store/index.ts';

/** What the activation page needs to know about a link, without spending it. */
export function inspectActivation(store: Store, token: string, now: number): Promise<FindActivationResult> {
  return store.findActivation(sha256Hex(token), now);
}

/**
 * Sets the password through a one-time link (first activation or a reset), spending the link. Every existing session
 * of the account ends: whoever knew the old password is signed out.
 */
export async function activateAccount(
  store: Store,
  input: { readonly token: string; readonly password: string },
  now: number,
): Promise<
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly code: ActivationRefusal | PasswordProblem }
> {
  const tokenHash = sha256Hex(input.token);
  const found = await store.findActivation(tokenHash, now);
  if (!found.ok) return found;
  const problem = passwordProblem(input.password, found.user);
  if (problem) return { ok: false, code: problem };
  const result = await store.consumeActivation(tokenHash, await hashPassword(input.password), now);
  if (result.ok) await store.deleteSessionsOf(result.user.id);
  return result;
}
