import { newId, randomToken, sha256Hex } from '../auth/index.ts';
import type { StaffRole } from '../../present/index.ts';
import type { Store, User } from '../store/index.ts';
import { ACTIVATION_TTL_MS, activationUrl, type IssuedLink, type TraineeView, traineeView } from './trainees.ts';

/** A staff account (组长 or 出题人) as the lead's staff page shows it: a trainee's view plus its role. */
export interface StaffView extends TraineeView {
  readonly role: StaffRole;
}

export function staffView(user: User & { readonly role: StaffRole }): StaffView {
  return { ...traineeView(user), role: user.role };
}

/** Whether an account is staff (a lead or an author), i.e. listed on the staff page rather than the trainee pages. */
export function isStaff(user: User): user is User & { readonly role: StaffRole } {
  return user.role === 'lead' || user.role === 'author';
}

/**
 * A new one-time link for a staff account that has not been activated yet (the first link was lost or expired); the
 * previous link stops working. Once the account has a password no link is made: a reset link would let one lead take
 * over another lead's account.
 */
export async function reissueStaffActivation(
  store: Store,
  userId: string,
  context: { readonly now: number; readonly origin: string },
): Promise<
  { readonly ok: true; readonly link: IssuedLink } | { readonly ok: false; readonly code: 'STAFF_NOT_FOUND' | 'STAFF_ALREADY_ACTIVE' }
> {
  const user = await store.findUser(userId);
  if (!user || !isStaff(user)) return { ok: false, code: 'STAFF_NOT_FOUND' };
  if (user.passwordHash !== null) return { ok: false, code: 'STAFF_ALREADY_ACTIVE' };
  const token = randomToken(32);
  const expiresAt = context.now + ACTIVATION_TTL_MS;
  await store.createActivation({ tokenHash: sha256Hex(token), userId, expiresAt, usedAt: null });
  return { ok: true, link: { url: activationUrl(context.origin, token), expiresAt } };
}

/**
 * Adds a staff account (a 出题人 who authors in the studio, or another 组长) with a one-time activation link, the same
 * link and /activate page trainees get; refuses a taken employee id. Staff have no cohort.
 */
export async function addStaff(
  store: Store,
  input: { readonly name: string; readonly employeeId: string; readonly role: StaffRole },
  context: { readonly now: number; readonly origin: string },
): Promise<
  | { readonly ok: true; readonly staff: StaffView; readonly link: IssuedLink }
  | { readonly ok: false; readonly code: 'EMPLOYEE_ID_TAKEN' }
> {
  const token = randomToken(32);
  const id = newId();
  const expiresAt = context.now + ACTIVATION_TTL_MS;
  const result = await store.createStaff({
    user: {
      id,
      role: input.role,
      name: input.name,
      employeeId: input.employeeId,
      cohort: null,
      passwordHash: null,
      createdAt: context.now,
    },
    activation: { tokenHash: sha256Hex(token), userId: id, expiresAt, usedAt: null },
  });
  if (!result.ok || !isStaff(result.user)) return { ok: false, code: 'EMPLOYEE_ID_TAKEN' };
  return { ok: true, staff: staffView(result.user), link: { url: activationUrl(context.origin, token), expiresAt } };
}

/**
 * Disables (ending its sessions at once) or re-enables a staff account. A lead cannot disable their own account
 * (`STAFF_SELF`), and the last active lead is never disabled (`LAST_ACTIVE_LEAD`, checked atomically in the store), so
 * somebody can always sign in and manage the academy. Re-enabling keeps the password.
 */
export async function setStaffDisabled(
  store: Store,
  input: { readonly actorId: string; readonly userId: string; readonly disabled: boolean },
): Promise<
  | { readonly ok: true; readonly staff: StaffView }
  | { readonly ok: false; readonly code: 'STAFF_NOT_FOUND' | 'STAFF_SELF' | 'LAST_ACTIVE_LEAD' }
> {
  const user = await store.findUser(input.userId);
  if (!user || !isStaff(user)) return { ok: false, code: 'STAFF_NOT_FOUND' };
  if (input.disabled && user.id === input.actorId) return { ok: false, code: 'STAFF_SELF' };
  if (!input.disabled) {
    const updated = await store.setDisabled(user.id, false);
    return updated && isStaff(updated) ? { ok: true, staff: staffView(updated) } : { ok: false, code: 'STAFF_NOT_FOUND' };
  }
  const result = await store.disableStaff(user.id);
  if (!result.ok) return { ok: false, code: result.code === 'USER_NOT_FOUND' ? 'STAFF_NOT_FOUND' : result.code };
  return isStaff(result.user) ? { ok: true, staff: staffView(result.user) } : { ok: false, code: 'STAFF_NOT_FOUND' };
}
