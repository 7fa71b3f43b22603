import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/postgres-schema.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { prefillDataDir } from '../../bench/scale/prefill.ts';
import { ROOT, tempDataDir } from '../server/built-server.ts';
import { newAttempt, newUser } from '../server/store-factories.ts';
import { usePostgres } from './use-postgres.ts';

const run = promisify(execFile);
const postgres = usePostgres();
let dir: string;

beforeAll(async () => {
  dir = await tempDataDir();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A lowdb folder with something of every kind the import copies. */
async function fill(store: Store): Promise<void> {
  await store.createUser(newUser({ id: 'lead-1', role: 'lead', employeeId: 'L-1', cohort: null, passwordHash: 'h' }));
  const trainees = await store.createTrainees(
    ['T-1', 'T-2', 'T-3'].map((employeeId, i) => ({
      user: newUser({ id: `trainee-${i}`, employeeId }),
      activation: { tokenHash: String(i).repeat(64), userId: `trainee-${i}`, expiresAt: 9e12, usedAt: null },
    })),
  );
  expect(trainees.created).toHaveLength(3);
  await store.consumeActivation('0'.repeat(64), 'pw-hash', 1_700_000_000_500);
  await store.setDisabled('trainee-2', true);
  for (let i = 0; i < 3; i += 1) {
    const attempt = newAttempt({ id: `attempt-import-${i}`, userId: `trainee-${i}`, startedAt: 1_700_000_000_000 + i });
    await store.createAttempt(attempt);
    for (let seq = 1; seq <= i + 1; seq += 1) {
      await store.saveAnswer(attempt.id, { itemId: `q${seq}`, response: [seq], flagged: seq === 2, version: seq, savedAt: attempt.startedAt + seq });
    }
    if (i < 2) {
      const certificateId = i === 0 ? 'cert-import-0' : null;
      await store.submitAttempt(attempt.id, { score: 1, maxScore: 3, passed: i === 0, perItem: [], certificateId }, attempt.startedAt + 9);
    }
  }
  await store.issueCertificate({
    id: 'cert-import-0', userId: 'trainee-0', examId: 'exam-a', attemptId: 'attempt-import-0', issuedAt: 1_700_000_000_009,
    expiresAt: 1_800_000_000_000, edition: '2025-11', rules: ['R-1'], revokedAt: null, revokedReason: null,
  });
  await store.createAssignment({
    id: 'assignment-import-0', examId: 'exam-a', cohorts: ['售后一组', '售后二组'], opensAt: 1_700_000_000_000, closesAt: null,
    dueAt: 1_700_100_000_000, note: '导入', createdAt: 1_700_000_000_000, createdBy: 'lead-1', updatedAt: 1_700_000_000_000,
  });
  // Practice progress of two trainees: three records, one with a review card.
  const answer = (minute: number, isCorrect: boolean) => ({ at: 1_700_000_000_000 + minute * 60_000, isCorrect, keyVersion: 'k1' });
  const card = {
    keyVersion: 'k1', due: 1_700_000_600_000, stability: 0.4, difficulty: 6.4, elapsed_days: 0, scheduled_days: 0,
    learning_steps: 1, reps: 1, lapses: 0, state: 1, last_review: 1_700_000_060_000,
  };
  await store.mergePractice('trainee-0', [
    { itemId: 'q-a', area: 'seven-day', attempts: [answer(1, false), answer(2, true)], card },
    { itemId: 'q-b', area: 'freight', attempts: [answer(3, true)], card: null },
  ]);
  await store.mergePractice('trainee-1', [{ itemId: 'q-a', area: 'seven-day', attempts: [answer(4, false)], card: null }]);
}

describe('npm run db:migrate and db:import', () => {
  it('migrates an empty database, then moves a lowdb folder into it with every record and verified counts', async () => {
    const source = await openLowdbStore(dir);
    await fill(source);
    await source.close();

    const url = await postgres.cluster.createDatabase();
    const env = { ...process.env, DATABASE_URL: url };
    const migrated = await run('npm', ['run', '--silent', 'db:migrate'], { cwd: ROOT, env });
    // Every migration, whatever the newest is (branches add them side by side).
    expect(migrated.stdout).toMatch(new RegExp(`Applied migration\\(s\\) ${MIGRATIONS.map((m) => m.version).join(', ')} `));
    expect((await run('npm', ['run', '--silent', 'db:migrate'], { cwd: ROOT, env })).stdout).toMatch(/up to date/);

    const imported = await run('npm', ['run', '--silent', 'db:import', '--', '--from', dir], { cwd: ROOT, env });
    expect(imported.stdout).toContain(
      [
        '  accounts: 4',
        '  activation links: 3',
        '  attempts: 3',
        '  answers: 6',
        '  certificates: 1',
        '  assignments: 1',
        '  practice records: 3',
        '  trainees with practice records: 2',
      ].join('\n'),
    );
    expect(imported.stdout).toMatch(/Not copied, on purpose: sessions/);

    const from = await openLowdbStore(dir);
    const to = await openPostgresStore(url);
    try {
      expect(await to.listUsers()).toEqual(await from.listUsers());
      for (const id of ['trainee-0', 'trainee-1', 'trainee-2']) {
        expect(await to.latestActivationOf(id)).toEqual(await from.latestActivationOf(id));
      }
      expect(await to.listAttempts()).toEqual(await from.listAttempts());
      expect(await to.listCertificates()).toEqual(await from.listCertificates());
      expect(await to.listAssignments()).toEqual(await from.listAssignments());
      for (const id of ['trainee-0', 'trainee-1', 'trainee-2']) expect(await to.getPractice(id)).toEqual(await from.getPractice(id));
      expect(await to.practiceActivity()).toEqual(await from.practiceActivity());
      // The in-progress attempt goes on in PostgreSQL.
      expect(await to.saveAnswer('attempt-import-2', { itemId: 'q1', response: 0, flagged: false, version: 4, savedAt: 1_700_000_000_100 }))
        .toMatchObject({ ok: true });
    } finally {
      await Promise.all([from.close(), to.close()]);
    }

    // A second import into the same database is refused: it is not empty any more.
    await expect(run('npm', ['run', '--silent', 'db:import', '--', '--from', dir], { cwd: ROOT, env })).rejects.toMatchObject({
      stderr: expect.stringMatching(/holds 4 account\(s\) already: db:import only fills an empty database, so nothing was written/),
    });
    const after = await openPostgresStore(url);
    try {
      expect(await after.countUsers()).toBe(4);
      expect(await after.listCertificates()).toHaveLength(1);
    } finally {
      await after.close();
    }
  }, 120_000);

  it('moves a benchmark-sized folder (100 closed attempts, 1,000 answers, live sessions) and leaves the sessions behind', async () => {
    const old = await tempDataDir();
    try {
      // Written by the lowdb store on disk, as the benchmarks fill it: accounts, closed attempts and live sessions.
      await prefillDataDir(old, { attempts: 100, answersPerAttempt: 10, alumni: 5, trainees: 3, sessions: true });
      const url = await postgres.cluster.createDatabase();
      const imported = await run('npm', ['run', '--silent', 'db:import', '--', '--from', old], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } });
      expect(imported.stdout).toMatch(/accounts: 9\n[\s\S]*attempts: 100\n {2}answers: 1000\n/);
      const from = await openLowdbStore(old);
      const to = await openPostgresStore(url);
      try {
        expect(await to.pageAttempts({}, { offset: 0, limit: 1000 })).toEqual(await from.pageAttempts({}, { offset: 0, limit: 1000 }));
        // Sessions stay behind: nobody is signed in on the new store.
        expect(await to.pruneSessions({ idleEndsUpTo: Number.MAX_SAFE_INTEGER, expiresUpTo: Number.MAX_SAFE_INTEGER })).toBe(0);
      } finally {
        await Promise.all([from.close(), to.close()]);
      }
    } finally {
      await rm(old, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to open a database that lacks migrations, naming the command to run', async () => {
    const url = await postgres.cluster.createDatabase();
    await expect(openPostgresStore(url)).rejects.toThrow(/npm run db:migrate/);
  });
});
