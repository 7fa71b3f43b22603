import { compareCohorts } from './cohort-order.ts';
import { employeeIdKey } from './employee-id.ts';
import { commit, type JsonDoc, keep } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { AccountsFile } from './schemas.ts';
import type {
  ConsumeActivationResult,
  CreateFirstLeadResult,
  CreateTraineesResult,
  CreateUserResult,
  DisableStaffResult,
  FindActivationResult,
  NewTrainee,
  NewUser,
  AccountsArea,
} from './store.ts';
import type { Activation, Role, User } from './types.ts';

function toUser(user: NewUser): User {
  return { ...user, activatedAt: user.passwordHash ? user.createdAt : null, disabled: false };
}

function isTaken(draft: AccountsFile, employeeId: string): boolean {
  const key = employeeIdKey(employeeId);
  return draft.users.some((u) => employeeIdKey(u.employeeId) === key);
}

function checkActivation(
  activation: Activation | undefined,
  userOf: (id: string) => User | undefined,
  at: number,
): FindActivationResult {
  if (!activation) return { ok: false, code: 'ACTIVATION_INVALID' };
  const user = userOf(activation.userId);
  if (!user) return { ok: false, code: 'ACTIVATION_INVALID' };
  if (activation.usedAt !== null) return { ok: false, code: 'ACTIVATION_USED' };
  if (at > activation.expiresAt) return { ok: false, code: 'ACTIVATION_EXPIRED' };
  if (user.disabled) return { ok: false, code: 'ACCOUNT_DISABLED' };
  return { ok: true, activation, user };
}

/** `listUsers` over a list of users: filtered, then sorted by cohort (none last) and employee id. */
export function selectUsers(
  users: readonly User[],
  filter: { readonly role?: Role; readonly cohort?: string | null },
): User[] {
  return users
    .filter(
      (u) =>
        (filter.role === undefined || u.role === filter.role) &&
        (filter.cohort === undefined || u.cohort === filter.cohort),
    )
    .sort(
      (a, b) =>
        // Accounts without a cohort (leads) come last.
        Number(a.cohort === null) - Number(b.cohort === null) ||
        compareCohorts(a.cohort ?? '', b.cohort ?? '') ||
        EMPLOYEE_ID_ORDER.compare(a.employeeId, b.employeeId),
    );
}

// One collator for every comparison: `localeCompare(…, 'en', …)` builds one per call (seconds for 2,500 accounts).
const EMPLOYEE_ID_ORDER = new Intl.Collator('en', { numeric: true });

/** Users, their activation links and the first-run token, all in `accounts.json`. */
export class LowdbAccounts implements AccountsArea {
  readonly #doc: JsonDoc<AccountsFile>;
  readonly #lifecycle: Lifecycle;
  readonly #endSessionsOf: (userId: string) => Promise<void>;
  #byId = new Map<string, User>();
  #byEmployeeId = new Map<string, User>();
  #activationsByHash = new Map<string, Activation>();

  /** `endSessionsOf` is how disabling an account signs it out everywhere. */
  constructor(doc: JsonDoc<AccountsFile>, lifecycle: Lifecycle, endSessionsOf: (userId: string) => Promise<void>) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
    this.#endSessionsOf = endSessionsOf;
    doc.subscribe((data) => this.#reindex(data));
  }

  #reindex(data: AccountsFile): void {
    this.#byId = new Map(data.users.map((u) => [u.id, u]));
    this.#byEmployeeId = new Map(data.users.map((u) => [employeeIdKey(u.employeeId), u]));
    this.#activationsByHash = new Map(data.activations.map((a) => [a.tokenHash, a]));
  }

  async countUsers(filter: { readonly role?: Role } = {}): Promise<number> {
    return this.#doc.data.users.filter((u) => filter.role === undefined || u.role === filter.role).length;
  }

  async findUser(id: string): Promise<User | null> {
    return this.#byId.get(id) ?? null;
  }

  async findUserByEmployeeId(employeeId: string): Promise<User | null> {
    return this.#byEmployeeId.get(employeeIdKey(employeeId)) ?? null;
  }

  async listUsers(filter: { readonly role?: Role; readonly cohort?: string | null } = {}): Promise<User[]> {
    return selectUsers(this.#doc.data.users, filter);
  }

  async createUser(user: NewUser): Promise<CreateUserResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<CreateUserResult>((draft) => {
      if (isTaken(draft, user.employeeId)) return keep({ ok: false, code: 'EMPLOYEE_ID_TAKEN' });
      const created = toUser(user);
      draft.users.push(created);
      return commit({ ok: true, user: created });
    });
  }

  async createStaff(row: NewTrainee): Promise<CreateUserResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<CreateUserResult>((draft) => {
      if (isTaken(draft, row.user.employeeId)) return keep({ ok: false, code: 'EMPLOYEE_ID_TAKEN' });
      const created = toUser(row.user);
      draft.users.push(created);
      draft.activations.push({ ...row.activation, userId: created.id });
      return commit({ ok: true, user: created });
    });
  }

  async createTrainees(rows: readonly NewTrainee[]): Promise<CreateTraineesResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const taken: string[] = [];
      const created: User[] = [];
      const keys = new Set(draft.users.map((u) => employeeIdKey(u.employeeId)));
      for (const row of rows) {
        const key = employeeIdKey(row.user.employeeId);
        if (keys.has(key)) {
          taken.push(row.user.employeeId);
          continue;
        }
        keys.add(key);
        const user = toUser({ ...row.user, role: 'trainee' });
        draft.users.push(user);
        draft.activations.push({ ...row.activation, userId: user.id });
        created.push(user);
      }
      return created.length > 0 ? commit({ taken, created }) : keep({ taken, created });
    });
  }

  async importUsers(users: readonly User[]): Promise<void> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      const ids = new Set(draft.users.map((u) => u.id));
      const keys = new Set(draft.users.map((u) => employeeIdKey(u.employeeId)));
      for (const user of users) {
        const key = employeeIdKey(user.employeeId);
        if (ids.has(user.id) || keys.has(key)) throw new Error(`User ${user.id} (${user.employeeId}) exists already.`);
        ids.add(user.id);
        keys.add(key);
        draft.users.push({ ...user });
      }
      return users.length > 0 ? commit(undefined) : keep(undefined);
    });
  }

  async setPassword(userId: string, passwordHash: string): Promise<User | null> {
    this.#lifecycle.assertOpen();
    return this.#updateUser(userId, (user) => ({ ...user, passwordHash }));
  }

  async setDisabled(userId: string, disabled: boolean): Promise<User | null> {
    this.#lifecycle.assertOpen();
    const user = await this.#updateUser(userId, (u) => ({ ...u, disabled }));
    // Accounts first: a crash in between leaves sessions that the session check refuses for a disabled user anyway.
    if (user && disabled) await this.#endSessionsOf(userId);
    return user;
  }

  async disableStaff(userId: string): Promise<DisableStaffResult> {
    this.#lifecycle.assertOpen();
    const result = await this.#doc.update<DisableStaffResult>((draft) => {
      const index = draft.users.findIndex((u) => u.id === userId);
      if (index < 0) return keep({ ok: false, code: 'USER_NOT_FOUND' });
      const others = draft.users.filter((u) => u.id !== userId && isActiveLead(u));
      if (isActiveLead(draft.users[index]!) && others.length === 0) return keep({ ok: false, code: 'LAST_ACTIVE_LEAD' });
      const updated = { ...draft.users[index]!, disabled: true };
      draft.users[index] = updated;
      return commit({ ok: true, user: updated });
    });
    if (result.ok) await this.#endSessionsOf(userId);
    return result;
  }

  #updateUser(userId: string, change: (user: User) => User): Promise<User | null> {
    return this.#doc.update((draft) => {
      const index = draft.users.findIndex((u) => u.id === userId);
      if (index < 0) return keep(null);
      const updated = change(draft.users[index]!);
      draft.users[index] = updated;
      return commit(updated);
    });
  }

  async replaceSetupToken(tokenHash: string, at: number): Promise<void> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      draft.setup = { tokenHash, createdAt: at };
      return commit(undefined);
    });
  }

  async isSetupTokenValid(tokenHash: string): Promise<boolean> {
    const { setup, users } = this.#doc.data;
    return !!setup && setup.tokenHash === tokenHash && !users.some((u) => u.role === 'lead');
  }

  async createFirstLead(tokenHash: string, user: NewUser): Promise<CreateFirstLeadResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<CreateFirstLeadResult>((draft) => {
      if (draft.users.some((u) => u.role === 'lead')) return keep({ ok: false, code: 'SETUP_ALREADY_DONE' });
      if (!draft.setup || draft.setup.tokenHash !== tokenHash) return keep({ ok: false, code: 'SETUP_TOKEN_INVALID' });
      if (isTaken(draft, user.employeeId)) return keep({ ok: false, code: 'EMPLOYEE_ID_TAKEN' });
      const created = toUser({ ...user, role: 'lead' });
      draft.users.push(created);
      draft.setup = null;
      return commit({ ok: true, user: created });
    });
  }

  async createActivation(activation: Activation): Promise<void> {
    this.#lifecycle.assertOpen();
    return this.#doc.update((draft) => {
      // One link per user: a new link voids the old one, used or not, so a leaked older link is worthless.
      draft.activations = draft.activations.filter((a) => a.userId !== activation.userId);
      draft.activations.push(activation);
      return commit(undefined);
    });
  }

  async findActivation(tokenHash: string, at: number): Promise<FindActivationResult> {
    return checkActivation(this.#activationsByHash.get(tokenHash), (id) => this.#byId.get(id), at);
  }

  async consumeActivation(tokenHash: string, passwordHash: string, at: number): Promise<ConsumeActivationResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<ConsumeActivationResult>((draft) => {
      const activation = draft.activations.find((a) => a.tokenHash === tokenHash);
      const checked = checkActivation(activation, (id) => draft.users.find((u) => u.id === id), at);
      if (!checked.ok) return keep(checked);
      const index = draft.users.findIndex((u) => u.id === checked.user.id);
      const user: User = { ...checked.user, passwordHash, activatedAt: checked.user.activatedAt ?? at };
      draft.users[index] = user;
      draft.activations = draft.activations.map((a) => (a.tokenHash === tokenHash ? { ...a, usedAt: at } : a));
      return commit({ ok: true, user });
    });
  }

  async latestActivationOf(userId: string): Promise<Activation | null> {
    return this.#doc.data.activations.findLast((a) => a.userId === userId) ?? null;
  }
}

/** A lead who can sign in: enabled and activated (a pending lead's link may expire with nobody left to renew it). */
function isActiveLead(user: User): boolean {
  return user.role === 'lead' && !user.disabled && user.passwordHash !== null;
}
