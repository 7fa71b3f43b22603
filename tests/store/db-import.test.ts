import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/postgres-schema.ts';
import { openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { ROOT, tempDataDir } from '../server/built-server.ts';
import { newAttempt, newUser } from '../server/store-factories.ts';
import { type PostgresCluster, startPostgres } from './postgres-cluster.ts';

const run = promisify(execFile);
let cluster: PostgresCluster;
let dir: string;

beforeAll(async () => {
  cluster = await startPostgres();
  dir = await tempDataDir();
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
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
}

describe('npm run db:migrate and db:import', () => {
  it('migrates an empty database, then moves a lowdb folder into it with every record and verified counts', async () => {
    const source = await openLowdbStore(dir);
    await fill(source);
    await source.close();

    const url = await cluster.createDatabase();
    const env = { ...process.env, DATABASE_URL: url };
    const migrated = await run('npm', ['run', '--silent', 'db:migrate'], { cwd: ROOT, env });
    // Every migration, whatever the newest is (branches add them side by side).
    expect(migrated.stdout).toMatch(new RegExp(`Applied migration\\(s\\) ${MIGRATIONS.map((m) => m.version).join(', ')} `));
    expect((await run('npm', ['run', '--silent', 'db:migrate'], { cwd: ROOT, env })).stdout).toMatch(/up to date/);

    const imported = await run('npm', ['run', '--silent', 'db:import', '--', '--from', dir], { cwd: ROOT, env });
    expect(imported.stdout).toMatch(/4 accounts, 3 activation links, 3 attempts with 6 answers, 1 certificates, 1 assignments/);

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
      // The in-progress attempt goes on in PostgreSQL.
      expect(await to.saveAnswer('attempt-import-2', { itemId: 'q1', response: 0, flagged: false, version: 4, savedAt: 1_700_000_000_100 }))
        .toMatchObject({ ok: true });
    } finally {
      await Promise.all([from.close(), to.close()]);
    }

    // A second import into the same database is refused: it is not empty any more.
    await expect(run('npm', ['run', '--silent', 'db:import', '--', '--from', dir], { cwd: ROOT, env })).rejects.toMatchObject({
      stderr: expect.stringMatching(/holds accounts already/),
    });
  }, 120_000);

  it('refuses to open a database that lacks migrations, naming the command to run', async () => {
    const url = await cluster.createDatabase();
    await expect(openPostgresStore(url)).rejects.toThrow(/npm run db:migrate/);
  });
});
