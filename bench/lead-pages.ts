// Lead pages over 50,000 attempts (1,000,000 answers) on both stores: /lead/attempts (first page, and one cohort's
// second page) and results.csv, on the built server, each timed after one warm-up request (modules and exam content
// load on first use). Both stores are filled through the store's contract (bench/scale/prefill.ts).
//
//   node_modules/.bin/node bench/lead-pages.ts [--quick]
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomToken, sha256Hex } from '../src/server/auth/tokens.ts';
import { openLowdbStore, type Store } from '../src/server/store/index.ts';
import { openPostgresStore } from '../src/server/store/postgres-store.ts';
import { startPostgres } from '../tests/store/postgres-cluster.ts';
import { benchArgs, progress } from './lib/bench-args.ts';
import { type Measurement, writeResult } from './lib/results.ts';
import { prefillDataDir, prefillStore } from './scale/prefill.ts';
import { spawnServer, waitUntilServing } from './scale/server-process.ts';

const startedAt = new Date();
const { quick } = benchArgs();
const ATTEMPTS = quick ? 5_000 : 50_000;
const SHAPE = { attempts: ATTEMPTS, answersPerAttempt: 20, alumni: ATTEMPTS / 20, trainees: 0, sessions: false };
const PAGES = [
  { key: 'attempts', label: '/lead/attempts, first page', path: '/lead/attempts' },
  { key: 'cohort', label: '/lead/attempts, one cohort, page 2', path: `/lead/attempts?cohort=${encodeURIComponent('往届3组')}&page=2` },
  { key: 'results-csv', label: 'results.csv, every attempt', path: '/api/lead/exports/results.csv' },
] as const;

/** A lead session written straight into the store (no hashing). */
async function leadSession(store: Store): Promise<string> {
  const token = randomToken(32);
  const now = Date.now();
  await store.createSession({ id: sha256Hex(token), userId: 'bench-lead', createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
  return token;
}

/** Milliseconds to the whole body of each page, after one warm-up request per page; median of 3. */
async function timePages(env: Record<string, string>, dataDir: string, token: string): Promise<Record<string, number>> {
  const server = await spawnServer(dataDir, env);
  try {
    await waitUntilServing(server, null);
    const times: Record<string, number> = {};
    for (const page of PAGES) {
      const get = async () => {
        const began = performance.now();
        const response = await fetch(`${server.url}${page.path}`, { headers: { cookie: `asa_session=${token}` } });
        await response.text();
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
        return performance.now() - began;
      };
      await get();
      const runs = [await get(), await get(), await get()].sort((a, b) => a - b);
      times[page.key] = runs[1]!;
    }
    return times;
  } finally {
    await server.stop();
  }
}

const root = await mkdtemp(join(tmpdir(), 'asa-lead-pages-'));
const cluster = await startPostgres();
try {
  progress('lead-pages', `lowdb: ${ATTEMPTS} attempts`);
  const dataDir = join(root, 'data');
  await prefillDataDir(dataDir, SHAPE);
  const lowdb = await openLowdbStore(dataDir);
  const lowdbToken = await leadSession(lowdb);
  await lowdb.close();
  const lowdbTimes = await timePages({}, dataDir, lowdbToken);

  progress('lead-pages', `PostgreSQL: ${ATTEMPTS} attempts`);
  const url = await cluster.createDatabase();
  const pg = await openPostgresStore(url, { migrate: true });
  let pgToken: string;
  try {
    await prefillStore(pg, SHAPE);
    pgToken = await leadSession(pg);
  } finally {
    await pg.close();
  }
  const pgTimes = await timePages({ DATABASE_URL: url }, join(root, 'unused'), pgToken);

  const load = loadavg().map((n) => n.toFixed(1)).join(' / ');
  const note = `${ATTEMPTS.toLocaleString('en')} closed attempts (${(ATTEMPTS * 20).toLocaleString('en')} answers) of ${SHAPE.alumni} trainees, filled through the store; built server, one lead session; median of 3 after a warm-up request; 2 cores shared with other work (load average ${load} at the end)`;
  const measurements: Measurement[] = PAGES.flatMap((page) => [
    {
      id: `lead-pages.lowdb-${page.key}-ms`,
      label: `${page.label}, lowdb, ${ATTEMPTS.toLocaleString('en')} attempts`,
      value: Math.round(lowdbTimes[page.key]!),
      unit: 'ms',
      target: { op: '<=', value: 1_000, of: 'value' },
      note,
    },
    {
      id: `lead-pages.postgres-${page.key}-ms`,
      label: `${page.label}, PostgreSQL, ${ATTEMPTS.toLocaleString('en')} attempts`,
      value: Math.round(pgTimes[page.key]!),
      unit: 'ms',
      target: { op: '<=', value: 1_000, of: 'value' },
      note,
    },
  ]);
  for (const m of measurements) console.log(`${m.label}: ${m.value} ms`);
  console.log(`wrote ${writeResult('lead-pages', startedAt, measurements)}`);
} finally {
  await cluster.stop();
  await rm(root, { recursive: true, force: true });
}
