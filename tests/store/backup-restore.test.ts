import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prefillStore } from '../../bench/scale/prefill.ts';
import { countStore } from '../../src/server/store/db-cli.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { usePostgres } from './use-postgres.ts';

// The backup and restore commands of docs/operations.md ("Backup and restore (PostgreSQL)"), run as written: pg_dump
// of a database while a store has it open and writes, pg_restore --clean into another database, which the server's
// store then opens without migrating, holding every record.

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const postgres = usePostgres();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'academy-dump-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('pg_dump while the store writes, pg_restore --clean into another database: every area comes back', async () => {
  const { url: live, store } = await postgres.migratedStore();
  const dump = join(dir, 'academy.dump');
  try {
    const trainees = await prefillStore(store, { attempts: 100, answersPerAttempt: 10, alumni: 5, trainees: 3, sessions: true });
    await store.mergePractice(trainees[0]!.userId, [{ itemId: 'q-a', area: 'seven-day', attempts: [{ at: 1_700_000_000_000, isCorrect: true, keyVersion: 'k1' }], card: null }]);
    // A writer keeps going while the dump runs: the dump is one consistent snapshot, so it neither fails nor tears.
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n += 1) {
        await store.mergePractice(trainees[1]!.userId, [{ itemId: `q-${n}`, area: 'freight', attempts: [{ at: 1_700_000_000_000 + n, isCorrect: false, keyVersion: 'k1' }], card: null }]);
      }
    })();
    await run(join(BIN, 'pg_dump'), ['--format=custom', `--file=${dump}`, live]);
    writing = false;
    await writer;
  } finally {
    await store.close();
  }

  // Restore into a database that already holds tables (--clean --if-exists replaces them), as a restore over the old one does.
  const { url: restored, store: emptied } = await postgres.migratedStore();
  await emptied.close();
  await run(join(BIN, 'pg_restore'), ['--clean', '--if-exists', '--no-owner', `--dbname=${restored}`, dump]);

  const before = await openPostgresStore(live);
  // Opened as the server opens it: no migration may be missing after a restore.
  const after = await openPostgresStore(restored);
  try {
    const counts = await countStore(after);
    expect(counts).toMatchObject({ users: 9, attempts: 100, answers: 1000 });
    expect(counts.practiceRecords).toBeGreaterThanOrEqual(1);
    // What the dump holds is a prefix of the writer's records: all of them up to the snapshot, none torn.
    const practice = await after.getPractice('bench-trainee-1');
    const written = await before.getPractice('bench-trainee-1');
    expect(practice.length).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThanOrEqual(practice.length);
    const prefix = Array.from({ length: practice.length }, (_, n) => `q-${n}`);
    expect(practice.map((r) => r.itemId).sort()).toEqual(prefix.sort());
    expect(await after.pageAttempts({}, { offset: 0, limit: 200 })).toEqual(await before.pageAttempts({}, { offset: 0, limit: 200 }));
    expect(await after.listUsers()).toEqual(await before.listUsers());
    // Sessions are in the dump too: nobody has to sign in again after a restore.
    expect(await after.pruneSessions({ idleEndsUpTo: 0, expiresUpTo: Number.MAX_SAFE_INTEGER })).toBe(3);
  } finally {
    await Promise.all([before.close(), after.close()]);
  }
}, 180_000);
