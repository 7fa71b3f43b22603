import { hashPassword, newId, type PasswordProblem, passwordProblem, randomToken, sha256Hex } from '../auth/index.ts';
import type { Store, User } from '../store/index.ts';

/**
 * On a store with no lead, stores a fresh one-time setup token (hashed; any earlier one stops working) and returns
 * it for printing. Returns `null` once a lead exists.
 */
export async function prepareFirstRun(store: Store, now: number): Promise<string | null> {
  if ((await store.countUsers({ role: 'lead' })) > 0) return null;
  const token = randomToken(32);
  await store.replaceSetupToken(sha256Hex(token), now);
  return token;
}

export function setupUrl(origin: string, token: string): string {
  return `${origin}/setup?token=${token}`;
}

/** True while the token is the current setup token and no lead exists. */
export function isSetupOpen(store: Store, token: string): Promise<boolean> {
  return store.isSetupTokenValid(sha256Hex(token));
}

/** Creates the first lead from the setup form, spending the token. */
export async function completeSetup(
  store: Store,
  input: { readonly token: string; readonly name: string; readonly employeeId: string; readonly password: string },
  now: number,
): Promise<
  | { readonly ok: true; readonly user: User }
  | {
      readonly ok: false;
      readonly code: PasswordProblem | 'SETUP_TOKEN_INVALID' | 'SETUP_ALREADY_DONE' | 'EMPLOYEE_ID_TAKEN';
    }
> {
  const tokenHash = sha256Hex(input.token);
  if (!(await store.isSetupTokenValid(tokenHash))) {
    return {
      ok: false,
      code: (await store.countUsers({ role: 'lead' })) > 0 ? 'SETUP_ALREADY_DONE' : 'SETUP_TOKEN_INVALID',
    };
  }
  const problem = passwordProblem(input.password, input);
  if (problem) return { ok: false, code: problem };
  const passwordHash = await hashPassword(input.password);
  return store.createFirstLead(tokenHash, {
    id: newId(),
    role: 'lead',
    name: input.name,
    employeeId: input.employeeId,
    cohort: null,
    passwordHash,
    createdAt: now,
  });
}
