import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AttemptResult, type Certificate, LOGIN_IN_FLIGHT_RETRY_MS, type PracticeRecord, type Session, type Store } from '../../src/server/store/index.ts';
import { newAttempt, newUser } from '../server/store-factories.ts';
import { describeAssignmentsContract } from './assignments-contract.ts';

/** A store made for one test: `reopen` closes it and opens the same data again; `dispose` removes the data. */
export interface StoreUnderTest {
  readonly store: Store;
  reopen(): Promise<Store>;
  dispose(): Promise<void>;
}

const hash = (char: string) => char.repeat(64);
const T0 = 1_700_000_000_000;

const RESULT: AttemptResult = {
  score: 2,
  maxScore: 3,
  passed: true,
  perItem: [
    { itemId: 'q1', correct: true, ruleArea: 'refund' },
    { itemId: 'q2', correct: true, ruleArea: 'return' },
    { itemId: 'q3', correct: false, ruleArea: 'refund' },
  ],
  certificateId: null,
};

function certificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    id: 'cert-aaaaaaaaaaaaaaaaaaaaaa',
    userId: 'u1',
    examId: 'exam-a',
    attemptId: 'attempt-x',
    issuedAt: T0,
    expiresAt: T0 + 365 * 86_400_000,
    edition: '2025-11',
    rules: ['R-1', 'R-2'],
    revokedAt: null,
    revokedReason: null,
    ...overrides,
  };
}

function session(overrides: Partial<Session> = {}): Session {
  return { id: hash('e'), userId: 'u1', createdAt: 1, expiresAt: 1000, lastSeenAt: 1, idleMs: 100, ...overrides };
}

/**
 * The storage contract (src/server/store/store.ts) as tests: every implementation runs exactly these, so the lowdb
 * and PostgreSQL stores behave the same to every caller. Races are real parallel calls on one store (PostgreSQL: on a
 * connection pool, so they meet in the database).
 */
export function describeStoreContract(name: string, make: () => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await make();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.dispose();
    });

    const reopen = async () => {
      store = await subject.reopen();
      return store;
    };

    describeAssignmentsContract(() => store, reopen);

    describe('lifecycle', () => {
      it('names its kind and location, answers ping, and refuses changes once closed', async () => {
        expect(store.kind).toBe(name);
        expect(store.location).toMatch(/\S/);
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.createUser(newUser())).rejects.toThrow(/closed/);
        await reopen();
      });
    });

    describe('accounts', () => {
      it('keeps users across a reopen and finds them by employee id in any letter case and padding', async () => {
        const created = await store.createUser(newUser({ id: 'u1', employeeId: 'a1002', passwordHash: 'h' }));
        expect(created).toMatchObject({ ok: true, user: { id: 'u1', activatedAt: T0, disabled: false } });
        await reopen();
        expect(await store.findUser('u1')).toMatchObject({ employeeId: 'a1002', role: 'trainee' });
        expect((await store.findUserByEmployeeId(' A1002 '))?.id).toBe('u1');
        expect(await store.findUser('nobody')).toBeNull();
        expect(await store.findUserByEmployeeId('nobody')).toBeNull();
      });

      it('refuses a second account with the same employee id, whatever the case', async () => {
        await store.createUser(newUser({ employeeId: 'B7' }));
        expect(await store.createUser(newUser({ employeeId: 'b7 ' }))).toEqual({ ok: false, code: 'EMPLOYEE_ID_TAKEN' });
        expect(await store.countUsers()).toBe(1);
      });

      it('gives one employee id to exactly one of many parallel creations', async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.createUser(newUser({ employeeId: i % 2 ? 'race-1' : 'RACE-1' }))),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(await store.countUsers()).toBe(1);
      });

      it('creates trainees with links in one call, skipping taken ids and repeats within the batch', async () => {
        await store.createUser(newUser({ employeeId: 'T1' }));
        const row = (id: string, employeeId: string, token: string) => ({
          user: newUser({ id, employeeId, role: 'lead' }),
          activation: { tokenHash: hash(token), userId: id, expiresAt: T0 + 1000, usedAt: null },
        });
        const result = await store.createTrainees([row('n1', 't1', 'a'), row('n2', 'T2', 'b'), row('n3', 't2', 'c')]);
        expect(result.taken).toEqual(['t1', 't2']);
        expect(result.created.map((u) => [u.id, u.role])).toEqual([['n2', 'trainee']]);
        expect((await store.latestActivationOf('n2'))?.tokenHash).toBe(hash('b'));
        expect(await store.latestActivationOf('n1')).toBeNull();
        expect(await store.countUsers({ role: 'trainee' })).toBe(2);
      });

      it('creates a staff account of its own role with its link, refusing a taken employee id', async () => {
        await store.createUser(newUser({ employeeId: 'T1' }));
        const row = (id: string, employeeId: string, role: 'author' | 'lead') => ({
          user: newUser({ id, employeeId, role, cohort: null }),
          activation: { tokenHash: hash(id), userId: id, expiresAt: T0 + 1000, usedAt: null },
        });
        expect(await store.createStaff(row('s1', 't1', 'author'))).toEqual({ ok: false, code: 'EMPLOYEE_ID_TAKEN' });
        expect(await store.latestActivationOf('s1')).toBeNull();
        const author = await store.createStaff(row('s2', 'W1', 'author'));
        expect(author).toMatchObject({ ok: true, user: { id: 's2', role: 'author', passwordHash: null } });
        expect((await store.latestActivationOf('s2'))?.tokenHash).toBe(hash('s2'));
        expect(await store.createStaff(row('s3', 'L9', 'lead'))).toMatchObject({ ok: true, user: { role: 'lead' } });
        expect((await store.findUser('s2'))?.role).toBe('author');
        expect(await store.countUsers({ role: 'author' })).toBe(1);
        expect((await store.listUsers({ role: 'author' })).map((u) => u.employeeId)).toEqual(['W1']);
        const found = await store.findActivation(hash('s2'), T0);
        expect(found).toMatchObject({ ok: true, user: { id: 's2', role: 'author' } });
      });

      it('lists users by role and cohort, by cohort as a lead reads them (numerals as numbers), then employee id', async () => {
        for (const [employeeId, cohort] of [
          ['E10', '售后十组'],
          ['E9', '售后二组'],
          ['E2', '售后二组'],
          ['E1', '售后一组'],
        ] as const) {
          await store.createUser(newUser({ employeeId, cohort }));
        }
        await store.createUser(newUser({ employeeId: 'L1', role: 'lead', cohort: null }));
        expect((await store.listUsers()).map((u) => u.employeeId)).toEqual(['E1', 'E2', 'E9', 'E10', 'L1']);
        expect((await store.listUsers({ role: 'lead' })).map((u) => u.employeeId)).toEqual(['L1']);
        expect((await store.listUsers({ cohort: '售后二组' })).map((u) => u.employeeId)).toEqual(['E2', 'E9']);
        expect((await store.listUsers({ cohort: null })).map((u) => u.employeeId)).toEqual(['L1']);
        expect(await store.countUsers({ role: 'trainee' })).toBe(4);
        expect(await store.countUsers({ role: 'lead' })).toBe(1);
      });

      it('sets passwords, disables (ending every session of the account) and re-enables', async () => {
        await store.createUser(newUser({ id: 'u1' }));
        expect(await store.setPassword('u1', 'new-hash')).toMatchObject({ passwordHash: 'new-hash' });
        expect(await store.setPassword('ghost', 'x')).toBeNull();
        await store.createSession(session({ id: hash('a'), userId: 'u1' }));
        await store.createSession(session({ id: hash('b'), userId: 'u2' }));
        expect(await store.setDisabled('u1', true)).toMatchObject({ disabled: true });
        expect(await store.getSession(hash('a'))).toBeNull();
        expect(await store.getSession(hash('b'))).not.toBeNull();
        expect(await store.setDisabled('u1', false)).toMatchObject({ disabled: false });
        expect(await store.setDisabled('ghost', true)).toBeNull();
        await reopen();
        expect(await store.findUser('u1')).toMatchObject({ passwordHash: 'new-hash', disabled: false });
      });

      it('disables staff, ending its sessions, but never the last active lead, even when two leads race', async () => {
        const lead = (id: string, passwordHash: string | null = 'h') =>
          newUser({ id, employeeId: id.toUpperCase(), role: 'lead', cohort: null, passwordHash });
        await store.createUser(lead('l1'));
        await store.createUser(lead('l2'));
        await store.createUser(lead('l3', null)); // pending: cannot sign in, so it does not count as active
        await store.createUser(newUser({ id: 'a1', employeeId: 'A1', role: 'author', cohort: null, passwordHash: 'h' }));
        await store.createSession(session({ id: hash('a'), userId: 'a1' }));
        expect(await store.disableStaff('a1')).toMatchObject({ ok: true, user: { id: 'a1', disabled: true } });
        expect(await store.getSession(hash('a'))).toBeNull();
        expect(await store.disableStaff('ghost')).toEqual({ ok: false, code: 'USER_NOT_FOUND' });
        // Two active leads disabling each other at once: exactly one succeeds.
        const results = await Promise.all([store.disableStaff('l1'), store.disableStaff('l2')]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: 'LAST_ACTIVE_LEAD' });
        const survivor = (await store.findUser('l1'))!.disabled ? 'l2' : 'l1';
        expect(await store.disableStaff(survivor)).toEqual({ ok: false, code: 'LAST_ACTIVE_LEAD' });
        expect(await store.disableStaff('l3')).toMatchObject({ ok: true });
        await reopen();
        expect((await store.listUsers({ role: 'lead' })).filter((u) => !u.disabled).map((u) => u.id)).toEqual([survivor]);
      });

      it('accepts only the latest setup token, creates the first lead once, then refuses', async () => {
        await store.replaceSetupToken(hash('1'), 1);
        await store.replaceSetupToken(hash('2'), 2);
        expect(await store.isSetupTokenValid(hash('1'))).toBe(false);
        expect(await store.isSetupTokenValid(hash('2'))).toBe(true);
        const lead = newUser({ role: 'trainee', employeeId: 'L1', passwordHash: 'h' });
        expect(await store.createFirstLead(hash('1'), lead)).toEqual({ ok: false, code: 'SETUP_TOKEN_INVALID' });
        expect(await store.createFirstLead(hash('2'), lead)).toMatchObject({ ok: true, user: { role: 'lead' } });
        expect(await store.isSetupTokenValid(hash('2'))).toBe(false);
        await store.replaceSetupToken(hash('3'), 3);
        expect(await store.isSetupTokenValid(hash('3'))).toBe(false);
        expect(await store.createFirstLead(hash('3'), newUser({ employeeId: 'L2' }))).toEqual({
          ok: false,
          code: 'SETUP_ALREADY_DONE',
        });
      });

      it('refuses a first lead whose employee id is taken, and keeps the token for another try', async () => {
        await store.createUser(newUser({ employeeId: 'X1' }));
        await store.replaceSetupToken(hash('4'), 1);
        expect(await store.createFirstLead(hash('4'), newUser({ employeeId: 'x1' }))).toEqual({
          ok: false,
          code: 'EMPLOYEE_ID_TAKEN',
        });
        expect(await store.isSetupTokenValid(hash('4'))).toBe(true);
      });

      it('spends the setup token exactly once under parallel use', async () => {
        await store.replaceSetupToken(hash('5'), 1);
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => store.createFirstLead(hash('5'), newUser({ employeeId: `LEAD-${i}` }))),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        for (const r of results) if (!r.ok) expect(['SETUP_ALREADY_DONE', 'SETUP_TOKEN_INVALID']).toContain(r.code);
        expect(await store.countUsers({ role: 'lead' })).toBe(1);
      });

      it('finds and spends an activation once; refuses it used, expired, unknown or for a disabled account', async () => {
        await store.createUser(newUser({ id: 'u1' }));
        await store.createActivation({ tokenHash: hash('a'), userId: 'u1', expiresAt: 1000, usedAt: null });
        expect(await store.findActivation(hash('a'), 500)).toMatchObject({ ok: true, user: { id: 'u1' } });
        expect(await store.findActivation(hash('a'), 1001)).toEqual({ ok: false, code: 'ACTIVATION_EXPIRED' });
        expect(await store.findActivation(hash('z'), 500)).toEqual({ ok: false, code: 'ACTIVATION_INVALID' });
        expect(await store.consumeActivation(hash('a'), 'pw', 1001)).toEqual({ ok: false, code: 'ACTIVATION_EXPIRED' });
        await store.setDisabled('u1', true);
        expect(await store.consumeActivation(hash('a'), 'pw', 500)).toEqual({ ok: false, code: 'ACCOUNT_DISABLED' });
        await store.setDisabled('u1', false);
        expect(await store.consumeActivation(hash('a'), 'pw', 500)).toMatchObject({
          ok: true,
          user: { passwordHash: 'pw', activatedAt: 500 },
        });
        expect(await store.consumeActivation(hash('a'), 'other', 600)).toEqual({ ok: false, code: 'ACTIVATION_USED' });
        expect(await store.findActivation(hash('a'), 600)).toEqual({ ok: false, code: 'ACTIVATION_USED' });
        expect((await store.findUser('u1'))?.passwordHash).toBe('pw');
        expect(await store.latestActivationOf('u1')).toEqual({ tokenHash: hash('a'), userId: 'u1', expiresAt: 1000, usedAt: 500 });
      });

      it('a new link voids the old one, and an activation of a deleted-or-unknown user is invalid', async () => {
        await store.createUser(newUser({ id: 'u1' }));
        await store.createActivation({ tokenHash: hash('a'), userId: 'u1', expiresAt: 1000, usedAt: null });
        await store.createActivation({ tokenHash: hash('b'), userId: 'u1', expiresAt: 2000, usedAt: null });
        expect(await store.findActivation(hash('a'), 1)).toEqual({ ok: false, code: 'ACTIVATION_INVALID' });
        expect((await store.latestActivationOf('u1'))?.tokenHash).toBe(hash('b'));
        await store.createActivation({ tokenHash: hash('c'), userId: 'ghost', expiresAt: 2000, usedAt: null });
        expect(await store.findActivation(hash('c'), 1)).toEqual({ ok: false, code: 'ACTIVATION_INVALID' });
      });

      it('spends an activation exactly once under parallel consumption', async () => {
        await store.createUser(newUser({ id: 'u1' }));
        await store.createActivation({ tokenHash: hash('d'), userId: 'u1', expiresAt: 1000, usedAt: null });
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.consumeActivation(hash('d'), `pw-${i}`, 100 + i)),
        );
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ACTIVATION_USED')).toBe(true);
        expect((await store.findUser('u1'))?.passwordHash).toBe(winners[0]!.ok && winners[0]!.user.passwordHash);
      });

      it('imports users as they are, refusing a taken id or employee id without writing any of the batch', async () => {
        const user = { ...newUser({ id: 'imp-1', employeeId: 'IMP-1' }), activatedAt: 5, disabled: true };
        await store.importUsers([user]);
        expect(await store.findUser('imp-1')).toEqual(user);
        await expect(
          store.importUsers([{ ...user, id: 'imp-2', employeeId: 'IMP-2' }, { ...user, id: 'imp-3', employeeId: 'imp-1' }]),
        ).rejects.toThrow(/exists already/);
        expect(await store.findUser('imp-2')).toBeNull();
      });
    });

    describe('sessions', () => {
      it('creates, reads, touches (never backwards), deletes one and all of a user', async () => {
        await store.createSession(session({ id: hash('a') }));
        await store.createSession(session({ id: hash('b') }));
        await store.createSession(session({ id: hash('c'), userId: 'u2' }));
        expect(await store.getSession(hash('a'))).toEqual(session({ id: hash('a') }));
        expect(await store.touchSession(hash('a'), 50)).toEqual(session({ id: hash('a'), lastSeenAt: 50 }));
        expect(await store.touchSession(hash('a'), 40)).toMatchObject({ lastSeenAt: 50 });
        expect(await store.touchSession(hash('z'), 40)).toBeNull();
        await store.deleteSession(hash('a'));
        expect(await store.getSession(hash('a'))).toBeNull();
        await store.deleteSessionsOf('u1');
        expect(await store.getSession(hash('b'))).toBeNull();
        expect(await store.getSession(hash('c'))).not.toBeNull();
      });

      it('reads a session with its account in one call, as findUser returns it (null when the account is gone)', async () => {
        const created = await store.createUser(newUser({ id: 'u1', cohort: '售后一组' }));
        await store.createSession(session({ id: hash('a'), userId: 'u1', lastSeenAt: 5 }));
        await store.createSession(session({ id: hash('g'), userId: 'ghost' }));
        expect(await store.getSessionWithUser(hash('a'))).toEqual({
          session: session({ id: hash('a'), userId: 'u1', lastSeenAt: 5 }),
          user: created.ok && created.user,
        });
        expect(await store.getSessionWithUser(hash('g'))).toEqual({ session: session({ id: hash('g'), userId: 'ghost' }), user: null });
        expect(await store.getSessionWithUser(hash('z'))).toBeNull();
        await store.touchSession(hash('a'), 60);
        expect(await store.getSessionWithUser(hash('a'))).toMatchObject({ session: { lastSeenAt: 60 }, user: { id: 'u1', disabled: false } });
        await store.setDisabled('u1', true);
        await store.createSession(session({ id: hash('b'), userId: 'u1' }));
        expect(await store.getSessionWithUser(hash('b'))).toMatchObject({ user: { id: 'u1', disabled: true } });
      });

      it("prunes by each session's own idle limit and the absolute bound (inclusive), judging the newest last-seen time", async () => {
        await store.createSession(session({ id: hash('a'), lastSeenAt: 10, expiresAt: 1000 }));
        await store.createSession(session({ id: hash('b'), lastSeenAt: 10, expiresAt: 100 }));
        await store.createSession(session({ id: hash('c'), lastSeenAt: 10, expiresAt: 1000 }));
        await store.touchSession(hash('c'), 60);
        expect(await store.pruneSessions({ idleEndsUpTo: 109, expiresUpTo: 99 })).toBe(0);
        expect(await store.pruneSessions({ idleEndsUpTo: 110, expiresUpTo: 100 })).toBe(2);
        expect(await store.getSession(hash('c'))).not.toBeNull();
        expect(await store.pruneSessions({ idleEndsUpTo: 160, expiresUpTo: 0 })).toBe(1);
      });

      it('keeps a long idle limit (记住我) apart from a short one: each session is judged by its own', async () => {
        const remembered = 30 * 24 * 3_600_000;
        await store.createSession(session({ id: hash('short'), lastSeenAt: 10, expiresAt: 2 * remembered }));
        await store.createSession(session({ id: hash('long'), lastSeenAt: 10, expiresAt: 2 * remembered, idleMs: remembered }));
        expect(await store.getSession(hash('long'))).toEqual(
          session({ id: hash('long'), lastSeenAt: 10, expiresAt: 2 * remembered, idleMs: remembered }),
        );
        expect(await store.pruneSessions({ idleEndsUpTo: 10 + 7_200_000, expiresUpTo: 0 })).toBe(1);
        expect(await store.getSession(hash('short'))).toBeNull();
        expect(await store.getSession(hash('long'))).toMatchObject({ idleMs: remembered });
        expect(await store.pruneSessions({ idleEndsUpTo: 10 + remembered, expiresUpTo: 0 })).toBe(1);
        expect(await store.getSession(hash('long'))).toBeNull();
      });

      it('holds a session for an exam attempt: set, replaced, kept across a reopen, and judged by prune', async () => {
        await store.createSession(session({ id: hash('a'), lastSeenAt: 10, expiresAt: 100 }));
        await store.createSession(session({ id: hash('b'), lastSeenAt: 10, expiresAt: 100 }));
        expect(await store.holdSession(hash('z'), { attemptId: 'x', until: 500 })).toBeNull();
        expect(await store.holdSession(hash('a'), { attemptId: 'att-1', until: 300 })).toEqual(
          session({ id: hash('a'), lastSeenAt: 10, expiresAt: 100, examHold: { attemptId: 'att-1', until: 300 } }),
        );
        await store.touchSession(hash('a'), 60);
        expect(await store.holdSession(hash('a'), { attemptId: 'att-2', until: 400 })).toMatchObject({
          lastSeenAt: 60,
          examHold: { attemptId: 'att-2', until: 400 },
        });
        expect(await store.getSession(hash('b'))).toEqual(session({ id: hash('b'), lastSeenAt: 10, expiresAt: 100 }));
        await reopen();
        expect(await store.getSession(hash('a'))).toMatchObject({ lastSeenAt: 60, examHold: { attemptId: 'att-2', until: 400 } });
        // The request path reads sessions with their account: the hold must come with it (the exam API depends on it).
        expect((await store.getSessionWithUser(hash('a')))?.session.examHold).toEqual({ attemptId: 'att-2', until: 400 });
        // Past the absolute bound, the held one stays until its hold ends; the idle bound applies to it as to any.
        expect(await store.pruneSessions({ idleEndsUpTo: 0, expiresUpTo: 399 })).toBe(1);
        expect(await store.getSession(hash('b'))).toBeNull();
        expect(await store.getSession(hash('a'))).not.toBeNull();
        expect(await store.pruneSessions({ idleEndsUpTo: 0, expiresUpTo: 400 })).toBe(1);
        await store.createSession(session({ id: hash('c'), lastSeenAt: 10, expiresAt: 100, examHold: { attemptId: 'att-3', until: 900 } }));
        expect(await store.getSession(hash('c'))).toMatchObject({ examHold: { attemptId: 'att-3', until: 900 } });
        expect(await store.pruneSessions({ idleEndsUpTo: 110, expiresUpTo: 0 })).toBe(1);
      });

      it('keeps sessions and their last-seen time across a reopen', async () => {
        await store.createSession(session({ id: hash('a') }));
        await store.touchSession(hash('a'), 77);
        await reopen();
        expect(await store.getSession(hash('a'))).toMatchObject({ lastSeenAt: 77 });
      });
    });

    describe('throttle', () => {
      const LIMIT = { freeFailures: 2, firstLockMs: 1_000, maxLockMs: 4_000, forgetAfterMs: 3_000 };
      const keys = (...names: string[]) => names.map((key) => ({ key, limit: LIMIT }));
      const fail = async (at: number, ...names: string[]) => {
        const reserved = await store.reserveLoginAttempt(keys(...names), at);
        if (!reserved.ok) throw new Error(`refused at ${at}`);
        await store.settleLoginAttempt(reserved.reservation, { succeeded: false });
      };

      it('counts failures per key, starts over after the quiet period, and clears on success', async () => {
        expect(await store.getLoginFailures('account:A')).toBeNull();
        await fail(1000, 'account:A');
        expect(await store.getLoginFailures('account:A')).toEqual({ key: 'account:A', count: 1, firstAt: 1000, lastAt: 1000 });
        await fail(1400, 'account:A');
        expect((await store.getLoginFailures('account:A'))?.count).toBe(2);
        await fail(5000, 'account:A', 'ip:1.2.3.4');
        expect(await store.getLoginFailures('account:A')).toEqual({ key: 'account:A', count: 1, firstAt: 5000, lastAt: 5000 });
        const reserved = await store.reserveLoginAttempt(keys('account:A', 'ip:1.2.3.4'), 5100);
        if (!reserved.ok) throw new Error('refused');
        await store.settleLoginAttempt(reserved.reservation, { succeeded: true, clear: ['account:A'], remember: null });
        expect(await store.getLoginFailures('account:A')).toBeNull();
        expect((await store.getLoginFailures('ip:1.2.3.4'))?.count).toBe(1);
      });

      it('lets only the free failures through a parallel burst, settles once, and locks with doubling', async () => {
        const burst = await Promise.all(Array.from({ length: 10 }, () => store.reserveLoginAttempt(keys('pair:B@x', 'ip:x'), 1000)));
        expect(burst.filter((r) => r.ok)).toHaveLength(LIMIT.freeFailures);
        expect(burst.filter((r) => !r.ok).map((r) => !r.ok && r.retryAfterMs)).toEqual(Array(8).fill(LOGIN_IN_FLIGHT_RETRY_MS));
        await Promise.all(burst.map((r) => (r.ok ? store.settleLoginAttempt(r.reservation, { succeeded: false }) : null)));
        // Settling twice (even in parallel) changes nothing.
        await Promise.all(burst.map((r) => (r.ok ? store.settleLoginAttempt(r.reservation, { succeeded: false }) : null)));
        expect((await store.getLoginFailures('pair:B@x'))?.count).toBe(2);
        expect(await store.reserveLoginAttempt(keys('pair:B@x'), 1200)).toEqual({ ok: false, retryAfterMs: 800 });
        await fail(2000, 'pair:B@x');
        expect(await store.reserveLoginAttempt(keys('pair:B@x'), 2000)).toEqual({ ok: false, retryAfterMs: 2_000 });
      });

      it('releases a successful reservation without counting it, and remembers a known sign-in until its end', async () => {
        const reserved = await store.reserveLoginAttempt(keys('pair:C@y'), 1000);
        if (!reserved.ok) throw new Error('refused');
        expect(await store.isKnownSignIn('pair:C@y', 1000)).toBe(false);
        await store.settleLoginAttempt(reserved.reservation, { succeeded: true, clear: [], remember: { key: 'pair:C@y', until: 9000 } });
        expect(await store.getLoginFailures('pair:C@y')).toBeNull();
        expect(await store.isKnownSignIn('pair:C@y', 9000)).toBe(true);
        expect(await store.isKnownSignIn('pair:C@y', 9001)).toBe(false);
        const again = await Promise.all([1, 2, 3].map(() => store.reserveLoginAttempt(keys('pair:C@y'), 1000)));
        expect(again.filter((r) => r.ok)).toHaveLength(2);
        await reopen();
        expect(await store.isKnownSignIn('pair:C@y', 5000)).toBe(true);
      });
    });

    describe('attempts', () => {
      it('starts an attempt in progress, refuses a second open one at the same exam (returning it) and a taken id', async () => {
        const first = await store.createAttempt(newAttempt({ id: 'attempt-one', userId: 'u1' }));
        expect(first).toMatchObject({ ok: true, attempt: { status: 'in-progress', fencedAt: null, answers: {}, result: null } });
        expect(await store.createAttempt(newAttempt({ id: 'attempt-two', userId: 'u1' }))).toMatchObject({
          ok: false,
          code: 'ATTEMPT_IN_PROGRESS',
          attempt: { id: 'attempt-one' },
        });
        expect(await store.createAttempt(newAttempt({ id: 'attempt-one', userId: 'u2' }))).toEqual({
          ok: false,
          code: 'ATTEMPT_ID_TAKEN',
        });
        expect((await store.createAttempt(newAttempt({ id: 'attempt-three', userId: 'u1', examId: 'exam-b' }))).ok).toBe(true);
        await expect(store.createAttempt(newAttempt({ id: 'bad id!' }))).rejects.toThrow(/URL-safe/);
        await reopen();
        expect(await store.getAttempt('attempt-one')).toEqual(first.ok && first.attempt);
        expect(await store.getAttempt('attempt-none')).toBeNull();
      });

      it('lets exactly one of many parallel starts by one trainee at one exam through', async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.createAttempt(newAttempt({ id: `race-start-${i}`, userId: 'u9' }))),
        );
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        for (const r of results) {
          if (!r.ok) expect(r).toMatchObject({ code: 'ATTEMPT_IN_PROGRESS', attempt: { id: winners[0]!.ok && winners[0]!.attempt.id } });
        }
        expect(await store.listAttempts({ userId: 'u9', status: 'in-progress' })).toHaveLength(1);
      });

      it('saves answers by per-question version: stored, duplicate, superseded, and same-version edits win', async () => {
        const { id } = newAttempt({ id: 'attempt-save' });
        await store.createAttempt(newAttempt({ id }));
        const answer = { itemId: 'q1', response: { choice: [1, 0], note: 'x' }, flagged: false, version: 2, savedAt: T0 + 1 };
        expect(await store.saveAnswer(id, answer)).toMatchObject({ ok: true, outcome: 'stored', version: 2 });
        // Key order does not matter; savedAt of a replay does not either.
        const replay = { ...answer, response: { note: 'x', choice: [1, 0] }, savedAt: T0 + 9 };
        expect(await store.saveAnswer(id, replay)).toMatchObject({ ok: true, outcome: 'duplicate', version: 2 });
        expect(await store.saveAnswer(id, { ...answer, response: 'older', version: 1 })).toMatchObject({
          ok: true,
          outcome: 'superseded',
          version: 2,
        });
        // The same version with other content (a second tab): the later arrival is stored.
        expect(await store.saveAnswer(id, { ...answer, flagged: true, savedAt: T0 + 3 })).toMatchObject({ ok: true, outcome: 'stored', version: 2 });
        // Other questions are judged on their own versions only.
        expect(await store.saveAnswer(id, { ...answer, itemId: 'q2', response: null, version: 1 })).toMatchObject({ ok: true, outcome: 'stored', version: 1 });
        await reopen();
        const stored = await store.getAttempt(id);
        expect(stored?.fencedAt).toBeNull();
        expect(stored?.answers).toEqual({
          q1: { ...answer, flagged: true, savedAt: T0 + 3 },
          q2: { itemId: 'q2', response: null, flagged: false, version: 1, savedAt: T0 + 1 },
        });
      });

      it('refuses answers for unknown attempts or items, after the deadline, and once closed', async () => {
        const attempt = newAttempt({ id: 'attempt-refuse' });
        await store.createAttempt(attempt);
        const answer = { itemId: 'q1', response: 1, flagged: false, version: 1, savedAt: attempt.deadlineAt };
        expect(await store.saveAnswer('attempt-none', answer)).toEqual({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
        expect(await store.saveAnswer(attempt.id, { ...answer, itemId: 'q9' })).toEqual({ ok: false, code: 'UNKNOWN_ITEM' });
        expect(await store.saveAnswer(attempt.id, { ...answer, savedAt: attempt.deadlineAt + 1 })).toEqual({
          ok: false,
          code: 'DEADLINE_PASSED',
        });
        expect((await store.saveAnswer(attempt.id, answer)).ok).toBe(true);
        // Past the deadline a replay is still a duplicate and an older version still superseded; only a change is late.
        const late = { ...answer, savedAt: attempt.deadlineAt + 1 };
        expect(await store.saveAnswer(attempt.id, late)).toEqual({ ok: true, outcome: 'duplicate', version: 1 });
        expect(await store.saveAnswer(attempt.id, { ...late, version: 0 })).toEqual({ ok: true, outcome: 'superseded', version: 1 });
        expect(await store.saveAnswer(attempt.id, { ...late, flagged: true })).toEqual({ ok: false, code: 'DEADLINE_PASSED' });
        const submitted = await store.submitAttempt(attempt.id, RESULT, T0 + 5);
        expect(submitted).toMatchObject({ ok: true, attempt: { status: 'submitted', submittedAt: T0 + 5, result: RESULT } });
        expect(await store.saveAnswer(attempt.id, { ...answer, version: 2 })).toEqual({ ok: false, code: 'ATTEMPT_CLOSED' });
        expect(await store.submitAttempt(attempt.id, RESULT, T0 + 6)).toMatchObject({
          ok: false,
          code: 'ATTEMPT_CLOSED',
          attempt: { submittedAt: T0 + 5 },
        });
        expect(await store.submitAttempt('attempt-none', RESULT, 1)).toEqual({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
        await reopen();
        expect(await store.getAttempt(attempt.id)).toEqual(submitted.ok && submitted.attempt);
      });

      it('expires an open attempt (graded or not), after which a new attempt at the same exam can start', async () => {
        await store.createAttempt(newAttempt({ id: 'attempt-exp1', userId: 'u5' }));
        expect(await store.expireAttempt('attempt-exp1', T0)).toMatchObject({
          ok: true,
          attempt: { status: 'expired', submittedAt: null, result: null },
        });
        expect((await store.createAttempt(newAttempt({ id: 'attempt-exp2', userId: 'u5' }))).ok).toBe(true);
        expect(await store.expireAttempt('attempt-exp2', T0, RESULT)).toMatchObject({ ok: true, attempt: { result: RESULT } });
        expect(await store.expireAttempt('attempt-exp2', T0)).toMatchObject({ ok: false, code: 'ATTEMPT_CLOSED' });
      });

      it('closes an attempt exactly once when submit and expiry race', async () => {
        await store.createAttempt(newAttempt({ id: 'attempt-close-race' }));
        const results = await Promise.all([
          store.submitAttempt('attempt-close-race', RESULT, T0 + 1),
          store.expireAttempt('attempt-close-race', T0 + 1),
          store.submitAttempt('attempt-close-race', RESULT, T0 + 2),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      });

      it('orders parallel saves of one question by version, and never lets one question affect another', async () => {
        await store.createAttempt(newAttempt({ id: 'attempt-par' }));
        const results = await Promise.all([
          ...Array.from({ length: 10 }, (_, i) =>
            store.saveAnswer('attempt-par', { itemId: 'q1', response: i + 1, flagged: false, version: i + 1, savedAt: T0 }),
          ),
          store.saveAnswer('attempt-par', { itemId: 'q2', response: 'a', flagged: false, version: 1, savedAt: T0 }),
          store.saveAnswer('attempt-par', { itemId: 'q3', response: 'b', flagged: true, version: 7, savedAt: T0 }),
        ]);
        for (const r of results) expect(r.ok && ['stored', 'superseded'].includes(r.outcome)).toBe(true);
        const stored = await store.getAttempt('attempt-par');
        expect(stored?.answers.q1).toMatchObject({ version: 10, response: 10 });
        expect(stored?.answers.q2).toMatchObject({ version: 1, response: 'a' });
        expect(stored?.answers.q3).toMatchObject({ version: 7, response: 'b', flagged: true });
      });

      it('fences once: the fenced attempt holds every save acknowledged before, and later saves are refused', async () => {
        await store.createAttempt(newAttempt({ id: 'attempt-fence' }));
        const save = (itemId: string, version: number) =>
          store.saveAnswer('attempt-fence', { itemId, response: version, flagged: false, version, savedAt: T0 });
        const saves = [save('q1', 1), save('q2', 1), save('q1', 2)];
        const fence = store.fenceAttempt('attempt-fence', T0 + 5);
        const late = [save('q3', 1), save('q1', 3)];
        const [fenced, ...results] = await Promise.all([fence, ...saves, ...late]);
        expect(fenced).toMatchObject({ ok: true, attempt: { fencedAt: T0 + 5, status: 'in-progress' } });
        const attempt = fenced.ok ? fenced.attempt : null;
        // Whatever order the database ran them in: a save was acknowledged exactly when it is in the fenced attempt.
        for (const [i, result] of results.entries()) {
          const [itemId, version] = [['q1', 1], ['q2', 1], ['q1', 2], ['q3', 1], ['q1', 3]][i] as [string, number];
          if (result.ok && result.outcome === 'stored') expect(attempt?.answers[itemId]?.version).toBeGreaterThanOrEqual(version);
          else if (!result.ok) expect(result.code).toBe('ATTEMPT_FENCED');
        }
        expect(await store.getAttempt('attempt-fence')).toEqual(attempt);
        expect(await save('q2', 9)).toEqual({ ok: false, code: 'ATTEMPT_FENCED' });
        // Idempotent: a second fence changes nothing.
        expect(await store.fenceAttempt('attempt-fence', T0 + 9)).toEqual({ ok: true, attempt });
        await reopen();
        expect((await store.getAttempt('attempt-fence'))?.fencedAt).toBe(T0 + 5);
        expect(await store.submitAttempt('attempt-fence', RESULT, T0 + 10)).toMatchObject({
          ok: true,
          attempt: { status: 'submitted', fencedAt: T0 + 5, answers: attempt?.answers },
        });
        expect(await store.fenceAttempt('attempt-fence', T0 + 11)).toMatchObject({ ok: false, code: 'ATTEMPT_CLOSED', attempt: { status: 'submitted' } });
        expect(await store.fenceAttempt('attempt-none', T0)).toEqual({ ok: false, code: 'ATTEMPT_NOT_FOUND' });
      });

      it('acknowledges a save exactly when the fenced attempt holds it, over many rounds of saves racing the fence', async () => {
        for (let round = 0; round < 8; round += 1) {
          const id = `attempt-race-${round}`;
          await store.createAttempt(newAttempt({ id, userId: `u-race-${round}` }));
          const saves = Array.from({ length: 12 }, (_, i) =>
            store.saveAnswer(id, { itemId: `q${(i % 3) + 1}`, response: i, flagged: false, version: i + 1, savedAt: T0 }),
          );
          const fence = store.fenceAttempt(id, T0 + 1);
          const [fenced, ...results] = await Promise.all([fence, ...saves]);
          const held = fenced.ok ? fenced.attempt.answers : {};
          for (const [i, result] of results.entries()) {
            const item = held[`q${(i % 3) + 1}`];
            if (!result.ok) expect(result.code).toBe('ATTEMPT_FENCED');
            else if (result.outcome === 'stored') expect(item?.version).toBeGreaterThanOrEqual(i + 1);
            else expect(result).toMatchObject({ outcome: 'superseded' });
          }
          expect((await store.getAttempt(id))?.answers).toEqual(held);
        }
      });

      it('lists attempts by user, exam and status, oldest first, and pages them newest first with the total', async () => {
        await store.createAttempt(newAttempt({ id: 'attempt-late', userId: 'u1', examId: 'exam-a', startedAt: T0 + 20 }));
        await store.createAttempt(newAttempt({ id: 'attempt-early', userId: 'u1', examId: 'exam-b', startedAt: T0 + 10 }));
        await store.createAttempt(newAttempt({ id: 'attempt-other', userId: 'u2', examId: 'exam-a', startedAt: T0 + 30 }));
        await store.submitAttempt('attempt-other', RESULT, T0 + 40);
        expect((await store.listAttempts({ userId: 'u1' })).map((a) => a.id)).toEqual(['attempt-early', 'attempt-late']);
        expect((await store.listAttempts({ examId: 'exam-a' })).map((a) => a.id)).toEqual(['attempt-late', 'attempt-other']);
        expect((await store.listAttempts({ userId: 'u1', examId: 'exam-b' })).map((a) => a.id)).toEqual(['attempt-early']);
        expect((await store.listAttempts({ status: 'submitted' })).map((a) => a.id)).toEqual(['attempt-other']);
        expect(await store.listAttempts()).toHaveLength(3);

        const all = await store.pageAttempts({}, { offset: 0, limit: 2 });
        expect(all.total).toBe(3);
        expect(all.attempts.map((a) => a.id)).toEqual(['attempt-other', 'attempt-late']);
        expect(all.attempts[0]).toEqual({
          id: 'attempt-other',
          examId: 'exam-a',
          userId: 'u2',
          startedAt: T0 + 30,
          status: 'submitted',
          submittedAt: T0 + 40,
          score: 2,
          maxScore: 3,
          passed: true,
          certificateId: RESULT.certificateId,
        });
        expect(all.attempts[1]).toMatchObject({ status: 'in-progress', score: null, passed: null, certificateId: null });
        expect((await store.pageAttempts({}, { offset: 2, limit: 2 })).attempts.map((a) => a.id)).toEqual(['attempt-early']);
        expect(await store.pageAttempts({ examId: 'exam-a', status: 'in-progress' }, { offset: 0, limit: 10 })).toMatchObject({
          total: 1,
          attempts: [{ id: 'attempt-late' }],
        });
        expect(await store.pageAttempts({ examId: 'exam-z' }, { offset: 0, limit: 10 })).toEqual({ total: 0, attempts: [] });

        // A cohort's trainees: by a list of users; an empty list matches nothing.
        expect((await store.pageAttempts({ userIds: ['u2', 'u9'] }, { offset: 0, limit: 10 })).attempts.map((a) => a.id)).toEqual(['attempt-other']);
        expect((await store.pageAttempts({ userIds: ['u1'], examId: 'exam-a' }, { offset: 0, limit: 10 })).total).toBe(1);
        expect(await store.pageAttempts({ userIds: [] }, { offset: 0, limit: 10 })).toEqual({ total: 0, attempts: [] });
        expect((await store.listAttempts({ userIds: ['u1'] })).map((a) => a.id)).toEqual(['attempt-early', 'attempt-late']);

        // Summaries, results included, are the same after a reopen (lowdb: from the index alone).
        const before = await store.pageAttempts({}, { offset: 0, limit: 10 });
        await reopen();
        expect(await store.pageAttempts({}, { offset: 0, limit: 10 })).toEqual(before);
      });

      it('scans digests oldest first by keyset pages, with per-area tallies of graded attempts only', async () => {
        // Two attempts share a start time: the id (code-unit order, capitals first) breaks the tie.
        await store.createAttempt(newAttempt({ id: 'attempt-b', userId: 'u1', examId: 'exam-a', startedAt: T0 + 10 }));
        await store.createAttempt(newAttempt({ id: 'attempt-A', userId: 'u2', examId: 'exam-a', startedAt: T0 + 10 }));
        await store.createAttempt(newAttempt({ id: 'attempt-first', userId: 'u3', examId: 'exam-b', startedAt: T0 }));
        await store.createAttempt(newAttempt({ id: 'attempt-late', userId: 'u3', examId: 'exam-a', startedAt: T0 + 30 }));
        await store.createAttempt(newAttempt({ id: 'attempt-gone', userId: 'u4', examId: 'exam-a', startedAt: T0 + 20 }));
        await store.submitAttempt('attempt-b', RESULT, T0 + 40);
        await store.expireAttempt('attempt-gone', T0 + 50, null);
        await store.expireAttempt('attempt-first', T0 + 50, { ...RESULT, passed: false, certificateId: 'cert-x' });

        const scanAll = async (filter: Parameters<Store['scanAttempts']>[0], limit: number) => {
          const pages: string[][] = [];
          let after: Parameters<Store['scanAttempts']>[1]['after'] = null;
          for (;;) {
            const page = await store.scanAttempts(filter, { after, limit });
            pages.push(page.attempts.map((a) => a.id));
            if (!page.next) return pages;
            after = page.next;
          }
        };
        expect((await scanAll({}, 2)).flat()).toEqual(['attempt-first', 'attempt-A', 'attempt-b', 'attempt-gone', 'attempt-late']);
        expect(await scanAll({}, 2)).toEqual([['attempt-first', 'attempt-A'], ['attempt-b', 'attempt-gone'], ['attempt-late']]);
        expect(await scanAll({ examId: 'exam-a', userIds: ['u1', 'u3'] }, 10)).toEqual([['attempt-b', 'attempt-late']]);
        expect(await scanAll({ status: 'expired' }, 1)).toEqual([['attempt-first'], ['attempt-gone'], []]);
        expect(await scanAll({ userIds: [] }, 5)).toEqual([[]]);

        const digests = async () => (await store.scanAttempts({}, { after: null, limit: 10 })).attempts;
        const byId = new Map((await digests()).map((d) => [d.id, d]));
        expect(byId.get('attempt-b')).toEqual({
          id: 'attempt-b',
          examId: 'exam-a',
          userId: 'u1',
          startedAt: T0 + 10,
          status: 'submitted',
          submittedAt: T0 + 40,
          score: 2,
          maxScore: 3,
          passed: true,
          certificateId: null,
          // First-seen order of the per-item result.
          areas: [
            { area: 'refund', correct: 1, total: 2 },
            { area: 'return', correct: 1, total: 1 },
          ],
        });
        expect(byId.get('attempt-first')).toMatchObject({ status: 'expired', submittedAt: null, passed: false, certificateId: 'cert-x', areas: [{ area: 'refund' }, { area: 'return' }] });
        expect(byId.get('attempt-gone')).toMatchObject({ status: 'expired', score: null, passed: null, areas: [] });
        expect(byId.get('attempt-late')).toMatchObject({ status: 'in-progress', score: null, areas: [] });
        // The same digests after a reopen (lowdb: from the attempt index alone), and the same as the summaries pages show.
        const before = await digests();
        await reopen();
        expect(await digests()).toEqual(before);
        const page = await store.pageAttempts({}, { offset: 0, limit: 10 });
        expect(before.map(({ areas: _areas, ...summary }) => summary)).toEqual([...page.attempts].reverse());
      });

      it('adds up the per-question outcomes of graded attempts for the item analysis, and answers boundary queries', async () => {
        // Items q1 (true/false), q2 (choice, shown order [2, 0, 1]), q3 (ordering). Ids differ in case: code-unit order
        // puts attempt-Zc before attempt-ab, where a locale collation would not.
        const answer = (itemId: string, response: unknown, version = 1) => ({ itemId, response, flagged: false, version, savedAt: T0 + version });
        const graded = (score: number, correct: readonly boolean[]): AttemptResult => ({
          score,
          maxScore: 3,
          passed: false,
          perItem: ['q1', 'q2', 'q3'].map((itemId, i) => ({ itemId, correct: correct[i]!, ruleArea: 'refund' })),
          certificateId: null,
        });
        const take = async (id: string, examId: string, answers: readonly ReturnType<typeof answer>[]) => {
          await store.createAttempt(newAttempt({ id, userId: `user-${id}`, examId }));
          for (const a of answers) expect((await store.saveAnswer(id, a)).ok).toBe(true);
        };
        await take('attempt-ab', 'exam-a', [answer('q1', true), answer('q2', 0), answer('q3', ['B', 'A'])]);
        await store.submitAttempt('attempt-ab', graded(2, [true, true, false]), T0 + 10);
        await take('attempt-Zc', 'exam-b', [answer('q1', false), answer('q2', 1), answer('q3', ['A', 'B'])]);
        await store.expireAttempt('attempt-Zc', T0 + 10, graded(2, [false, true, true]));
        // q1 answered then cleared (blank), q2 a multiple answer shown [0, 2] = authored [2, 1], q3 never answered.
        await take('attempt-mid', 'exam-a', [answer('q1', true), answer('q1', null, 2), answer('q2', [0, 2])]);
        await store.submitAttempt('attempt-mid', graded(1, [false, true, false]), T0 + 10);
        await take('attempt-exp', 'exam-a', [answer('q1', true)]);
        await store.expireAttempt('attempt-exp', T0 + 10, null);
        await take('attempt-open', 'exam-a', [answer('q1', true)]);

        const expected = {
          graded: 3,
          ungraded: 2,
          items: [
            {
              itemId: 'q1',
              cells: [{ score: 1, maxScore: 3, n: 1, correct: 0 }, { score: 2, maxScore: 3, n: 2, correct: 1 }],
              blank: 1,
              options: [{ id: 'false', count: 1 }, { id: 'true', count: 1 }],
            },
            {
              itemId: 'q2',
              cells: [{ score: 1, maxScore: 3, n: 1, correct: 1 }, { score: 2, maxScore: 3, n: 2, correct: 2 }],
              blank: 0,
              // Authored ids: shown 0 → 2, shown 1 → 0, shown [0, 2] → [1, 2].
              options: [{ id: '0', count: 1 }, { id: '1', count: 1 }, { id: '2', count: 2 }],
            },
            {
              itemId: 'q3',
              cells: [{ score: 1, maxScore: 3, n: 1, correct: 0 }, { score: 2, maxScore: 3, n: 2, correct: 1 }],
              blank: 1,
              options: [{ id: 'A → B', count: 1 }, { id: 'B → A', count: 1 }],
            },
          ],
        };
        expect(await store.itemAggregates({})).toEqual(expected);
        const examA = await store.itemAggregates({ examId: 'exam-a' });
        expect({ graded: examA.graded, ungraded: examA.ungraded }).toEqual({ graded: 2, ungraded: 2 });
        expect(examA.items.find((item) => item.itemId === 'q2')).toEqual({
          itemId: 'q2',
          cells: [{ score: 1, maxScore: 3, n: 1, correct: 1 }, { score: 2, maxScore: 3, n: 1, correct: 1 }],
          blank: 0,
          options: [{ id: '1', count: 1 }, { id: '2', count: 2 }],
        });
        expect(await store.itemAggregates({ examId: 'exam-none' })).toEqual({ graded: 0, ungraded: 0, items: [] });

        const level = [{ score: 2, maxScore: 3 }];
        const cuts = [
          // q1 at 2/3: attempt-Zc (wrong), then attempt-ab (right).
          { itemIds: ['q1'], scores: level, side: 'upper' as const, take: 1 },
          { itemIds: ['q1'], scores: level, side: 'lower' as const, take: 1 },
          // Two items pooled over two levels: the two lowest ids are attempt-Zc's q1 (wrong) and q3 (right).
          { itemIds: ['q1', 'q3'], scores: [...level, { score: 1, maxScore: 3 }], side: 'upper' as const, take: 2 },
          // More than the level holds: all of it.
          { itemIds: ['q2'], scores: level, side: 'lower' as const, take: 5 },
          { itemIds: ['q-unknown'], scores: level, side: 'upper' as const, take: 1 },
        ];
        expect(await store.itemCutCorrect({}, cuts)).toEqual([0, 1, 1, 2, 0]);
        expect(await store.itemCutCorrect({ examId: 'exam-a' }, cuts.slice(0, 2))).toEqual([1, 1]);
        expect(await store.itemCutCorrect({}, [])).toEqual([]);

        // Recorded with the attempt: the same after a reopen; an imported graded attempt counts too.
        await reopen();
        expect(await store.itemAggregates({})).toEqual(expected);
        await store.importAttempt({
          ...newAttempt({ id: 'attempt-imported', userId: 'u-imp', examId: 'exam-c' }),
          status: 'submitted',
          fencedAt: null,
          answers: { q2: answer('q2', 2) },
          submittedAt: T0 + 5,
          result: graded(0, [false, false, false]),
        });
        const imported = await store.itemAggregates({ examId: 'exam-c' });
        expect(imported.graded).toBe(1);
        // Shown 2 → authored 1.
        expect(imported.items.find((item) => item.itemId === 'q2')!.options).toEqual([{ id: '1', count: 1 }]);
      });

      it('imports closed and open attempts with their answers as they are', async () => {
        const base = newAttempt({ id: 'attempt-imp1', userId: 'u7' });
        const closed = {
          ...base,
          status: 'submitted' as const,
          fencedAt: T0 + 3,
          answers: {
            q1: { itemId: 'q1', response: [0], flagged: true, version: 1, savedAt: T0 + 1 },
            q3: { itemId: 'q3', response: 'text', flagged: false, version: 4, savedAt: T0 + 2 },
          },
          submittedAt: T0 + 3,
          result: RESULT,
        };
        await store.importAttempt(closed);
        const open = { ...closed, id: 'attempt-imp2', status: 'in-progress' as const, fencedAt: null, submittedAt: null, result: null };
        await store.importAttempt(open);
        await expect(store.importAttempt(closed)).rejects.toThrow(/exists already/);
        await reopen();
        expect(await store.getAttempt('attempt-imp1')).toEqual(closed);
        expect(await store.getAttempt('attempt-imp2')).toEqual(open);
        expect(await store.saveAnswer('attempt-imp2', { itemId: 'q2', response: 1, flagged: false, version: 1, savedAt: T0 })).toMatchObject({ ok: true });
        expect((await store.createAttempt(newAttempt({ id: 'attempt-imp3', userId: 'u7' }))).ok).toBe(false);
      });
    });

    describe('certificates', () => {
      it('issues, finds, lists (oldest first, by user and exam) and revokes once', async () => {
        const a = certificate({ id: 'cert-a', userId: 'u2', issuedAt: T0, attemptId: 'attempt-a' });
        const b = certificate({ id: 'cert-b', userId: 'u1', examId: 'exam-b', issuedAt: T0 + 5, attemptId: 'attempt-b' });
        expect(await store.issueCertificate(b)).toEqual({ ok: true, certificate: b });
        await store.issueCertificate(a);
        expect(await store.issueCertificate(a)).toEqual({ ok: false, code: 'CERTIFICATE_ID_TAKEN' });
        await reopen();
        expect(await store.getCertificate('cert-a')).toEqual(a);
        expect(await store.getCertificate('cert-none')).toBeNull();
        expect((await store.listCertificates()).map((c) => c.id)).toEqual(['cert-a', 'cert-b']);
        expect((await store.listCertificates({ userId: 'u1' })).map((c) => c.id)).toEqual(['cert-b']);
        expect((await store.listCertificates({ examId: 'exam-a' })).map((c) => c.id)).toEqual(['cert-a']);
        expect(await store.revokeCertificate('cert-a', '规则变更', T0 + 9)).toEqual({
          ok: true,
          certificate: { ...a, revokedAt: T0 + 9, revokedReason: '规则变更' },
        });
        expect(await store.revokeCertificate('cert-a', 'again', T0 + 10)).toEqual({ ok: false, code: 'CERTIFICATE_REVOKED' });
        expect(await store.revokeCertificate('cert-none', 'x', 1)).toEqual({ ok: false, code: 'CERTIFICATE_NOT_FOUND' });
      });

      it('keeps one standing certificate per attempt, also when several are issued for it at once', async () => {
        const results = await Promise.all(
          ['cert-r1', 'cert-r2', 'cert-r3'].map((id) => store.issueCertificate(certificate({ id, attemptId: 'attempt-r' }))),
        );
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        for (const r of results) {
          if (!r.ok) expect(r).toMatchObject({ code: 'CERTIFICATE_FOR_ATTEMPT_EXISTS', certificate: { id: winners[0]!.certificate.id } });
        }
        // Once revoked, the attempt may be certified again.
        await store.revokeCertificate(winners[0]!.certificate.id, '作废', T0);
        expect((await store.issueCertificate(certificate({ id: 'cert-r4', attemptId: 'attempt-r' }))).ok).toBe(true);
      });
    });

    describe('practice', () => {
      const answer = (minute: number, isCorrect: boolean) => ({ at: T0 + minute * 60_000, isCorrect, keyVersion: 'k1' });
      const card = (lastReview: number, reps: number) => ({
        keyVersion: 'k1',
        due: T0 + lastReview + 600_000,
        stability: 0.4,
        difficulty: 6.4,
        elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 1,
        reps,
        lapses: 0,
        state: 1,
        last_review: T0 + lastReview,
      });
      const record = (itemId: string, area: string, attempts: ReturnType<typeof answer>[], stored: ReturnType<typeof card> | null = null): PracticeRecord => ({
        itemId,
        area,
        attempts,
        card: stored,
      });

      it('merges synced records per item, keeps them across a reopen, and a replay changes nothing', async () => {
        expect(await store.getPractice('u1')).toEqual([]);
        const phone = [record('q-b', 'freight', [answer(1, false)], card(60_000, 1)), record('q-a', 'seven-day', [answer(2, true)])];
        expect(await store.mergePractice('u1', phone)).toEqual([phone[1], phone[0]]);
        const desktop = [record('q-b', 'freight', [answer(1, false), answer(5, true)], card(300_000, 2))];
        const merged = await store.mergePractice('u1', desktop);
        expect(merged).toEqual([phone[1], desktop[0]]);
        expect(await store.mergePractice('u1', phone)).toEqual(merged);
        await reopen();
        expect(await store.getPractice('u1')).toEqual(merged);
        expect(await store.getPractice('u2')).toEqual([]);
      });

      it('gives the same records whatever order the devices sync in', async () => {
        const a = [record('q-a', 'seven-day', [answer(1, false), answer(3, true)], card(180_000, 2))];
        const b = [record('q-a', 'seven-day', [answer(2, false)], card(120_000, 1)), record('t-x~2', 'freight', [answer(4, true)])];
        await store.mergePractice('u1', a);
        await store.mergePractice('u1', b);
        await store.mergePractice('u2', b);
        await store.mergePractice('u2', a);
        expect(await store.getPractice('u2')).toEqual(await store.getPractice('u1'));
        expect((await store.getPractice('u1'))[0]!.attempts).toEqual([answer(1, false), answer(2, false), answer(3, true)]);
      });

      it('loses nothing when one user syncs from several devices at once', async () => {
        await Promise.all(Array.from({ length: 6 }, (_, device) => store.mergePractice('u1', [record(`q-${device}`, 'seven-day', [answer(device, true)]), record('q-shared', 'seven-day', [answer(device, false)])])));
        const records = await store.getPractice('u1');
        expect(records.map((r) => r.itemId)).toEqual(['q-0', 'q-1', 'q-2', 'q-3', 'q-4', 'q-5', 'q-shared']);
        expect(records.at(-1)!.attempts).toHaveLength(6);
      });

      it('sums practice per user and rule area for leads', async () => {
        await store.mergePractice('u2', [record('q-a', 'seven-day', [answer(1, false), answer(4, true)]), record('q-b', 'seven-day', [answer(2, true)]), record('q-c', 'freight', [answer(3, true)])]);
        await store.mergePractice('u1', [record('q-a', 'seven-day', [answer(9, false)])]);
        const activity = await store.practiceActivity();
        expect(activity).toEqual([
          { userId: 'u1', area: 'seven-day', items: 1, answers: 1, correct: 0, lastAt: T0 + 9 * 60_000 },
          { userId: 'u2', area: 'freight', items: 1, answers: 1, correct: 1, lastAt: T0 + 3 * 60_000 },
          { userId: 'u2', area: 'seven-day', items: 2, answers: 3, correct: 2, lastAt: T0 + 4 * 60_000 },
        ]);
        expect(await store.practiceActivity({ userIds: ['u1'] })).toEqual([activity[0]]);
        expect(await store.practiceActivity({ userIds: [] })).toEqual([]);
      });
    });
  });
}
