import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { prefillStore } from '../../bench/scale/prefill.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { tempDataDir } from '../server/built-server.ts';
import { usePostgres } from '../store/use-postgres.ts';
import { killNineRounds, ROUNDS, SEED, TIME_LIMIT_MS, TRAINEES } from './kill9-scenario.ts';

// The kill -9 scenario (kill9-scenario.ts) on the PostgreSQL store, in a cluster this test starts (fsync and
// synchronous_commit on, PostgreSQL's defaults). Every fifth kill also crashes the database at the same moment
// (`pg_ctl stop -m immediate`) and starts it again, so it recovers from its write-ahead log before the server does.
// After every kill the database must hold exactly one in-progress attempt per trainee (no restart started another).

/** Every this many rounds the database is crashed together with the server. */
const CRASH_DATABASE_EVERY = 5;

const postgres = usePostgres();
let url: string;
let dataDir: string;
beforeAll(async () => {
  url = await postgres.cluster.createDatabase();
  // With DATABASE_URL set the server must not touch DATA_DIR: an empty folder nobody uses.
  dataDir = await tempDataDir();
}, 120_000);
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test(
  `PostgreSQL: every acknowledged autosave survives ${ROUNDS} kill -9s at random moments, the database crashed with every ${CRASH_DATABASE_EVERY}th (seed ${SEED})`,
  async () => {
    let databaseCrashes = 0;
    await killNineRounds({
      name: 'PostgreSQL',
      dataDir,
      env: { DATABASE_URL: url },
      async prefill(trainees) {
        const store = await openPostgresStore(url, { migrate: true });
        try {
          return await prefillStore(store, { attempts: 200, answersPerAttempt: 20, alumni: 10, trainees, sessions: true });
        } finally {
          await store.close();
        }
      },
      async atKill(round) {
        if (round % CRASH_DATABASE_EVERY !== 0) return;
        await postgres.cluster.crashAndRestart();
        databaseCrashes += 1;
      },
      async afterKill() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query(
            "SELECT count(*)::int AS open, count(DISTINCT user_id)::int AS users FROM attempts WHERE status = 'in-progress'",
          );
          expect(rows[0]).toEqual({ open: TRAINEES, users: TRAINEES });
        } finally {
          await client.end();
        }
      },
    });
    expect(databaseCrashes).toBe(Math.floor(ROUNDS / CRASH_DATABASE_EVERY));
  },
  TIME_LIMIT_MS,
);
