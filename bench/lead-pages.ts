// Lead pages and exports over 50,000 attempts (1,000,000 answers) on both stores, on the built server, each timed
// after one warm-up request (modules and exam content load on first use); target ≤ 1 s each. Both stores are filled
// through the store's contract (bench/scale/prefill.ts). Same-run baseline: what the dashboard, /lead/exams and the
// completion board read before store digests (every attempt in full, `listAttempts`) against what they read now (the
// digests of `scanAttempts`), in-process on the same store.
//
//   node_modules/.bin/node bench/lead-pages.ts [--quick]
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomToken, sha256Hex } from '../src/server/auth/tokens.ts';
import { loadExamContent } from '../src/server/exams/index.ts';
import { analyseAttemptsInFull, analyseStoredAttempts } from '../src/server/item-analysis/index.ts';
import { attemptDigests, openLowdbStore, type Store } from '../src/server/store/index.ts';
import { openPostgresStore } from '../src/server/store/postgres-store.ts';
import { startPostgres } from '../tests/store/postgres-cluster.ts';
import { benchArgs, progress } from './lib/bench-args.ts';
import { type Measurement, writeResult } from './lib/results.ts';
import { EXAM_ID, prefillDataDir, prefillStore } from './scale/prefill.ts';
import { spawnServer, waitUntilServing } from './scale/server-process.ts';

const startedAt = new Date();
const { quick } = benchArgs();
const ATTEMPTS = quick ? 5_000 : 50_000;
const content = loadExamContent(join(import.meta.dirname, '..', 'content'));
/**
 * Real bank questions, so /lead/items analyses every response (made-up ids would all be "no longer in the bank"):
 * single choice with four options (the prefill answers with a shown index 0–3), authored items and template variants,
 * variants ordered seed first so one attempt rarely draws two of a template.
 */
const BANK_ITEMS = [
  ...content.bank.items.filter(({ item }) => item.type === 'single' && item.options.length === 4).map(({ item }) => item.id),
  ...content.bank.variants
    .filter(({ item }) => item.type === 'single' && item.options.length === 4)
    .sort((a, b) => a.seed - b.seed || (a.templateId < b.templateId ? -1 : 1))
    .map(({ templateId, seed }) => `${templateId}~${seed}`),
];
const SHAPE = { attempts: ATTEMPTS, answersPerAttempt: 20, alumni: ATTEMPTS / 20, trainees: 0, sessions: false, itemIds: BANK_ITEMS };
const COHORT = encodeURIComponent('往届3组');
/** Pages with `aggregates: false` still read every attempt in full (kept here so the "no" shows). */
const PAGES = [
  { key: 'attempts', label: '/lead/attempts, first page', path: '/lead/attempts' },
  { key: 'cohort', label: '/lead/attempts, one cohort, page 2', path: `/lead/attempts?cohort=${COHORT}&page=2` },
  { key: 'dashboard', label: '/lead/dashboard, all cohorts', path: '/lead/dashboard' },
  { key: 'dashboard-cohort', label: '/lead/dashboard, one cohort', path: `/lead/dashboard?cohort=${COHORT}` },
  { key: 'exams', label: '/lead/exams (statistics per exam)', path: '/lead/exams' },
  { key: 'assignments', label: '/lead/assignments (completion, one assignment)', path: '/lead/assignments' },
  { key: 'trainee', label: '/lead/trainees/<id> (20 attempts)', path: '/lead/trainees/bench-alumni-3' },
  { key: 'results-csv', label: 'results.csv, every attempt', path: '/api/lead/exports/results.csv' },
  { key: 'trainees-csv', label: 'trainees.csv', path: '/api/lead/exports/trainees.csv' },
  { key: 'certificates-csv', label: 'certificates.csv', path: '/api/lead/exports/certificates.csv' },
  { key: 'items', label: '/lead/items (item analysis, bank-wide)', path: '/lead/items' },
  { key: 'items-exam', label: '/lead/items, one exam', path: `/lead/items?exam=${EXAM_ID}` },
] as const;

/** A lead session and one assignment to the alumni cohorts, written straight into the store (no hashing). */
async function leadSetup(store: Store): Promise<string> {
  const token = randomToken(32);
  const now = Date.now();
  await store.createSession({ id: sha256Hex(token), userId: 'bench-lead', createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
  await store.createAssignment({
    id: 'bench-assignment',
    examId: EXAM_ID,
    cohorts: Array.from({ length: 20 }, (_, i) => `往届${i}组`),
    opensAt: now - 400 * 86_400_000,
    closesAt: null,
    dueAt: now - 86_400_000,
    note: '',
    createdAt: now,
    createdBy: 'bench-lead',
    updatedAt: now,
  });
  return token;
}

/** Clock ticks of /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICK_MS = 10;

/** CPU (user + system) used so far by `pid`, every process below it and their reaped children, in ms; from /proc (Linux). */
function treeCpuMs(pid: number): number {
  const parent = new Map<number, number>();
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which may hold spaces: state ppid … utime (14) stime (15) cutime (16)
      // cstime (17). The children's fields hold what reaped children used: PostgreSQL ends a backend per connection,
      // and without them the tree's total dropped when one exited between two readings (a negative CPU figure).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      used.set(Number(entry), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [id, ms] of used) {
    for (let at: number | undefined = id; at !== undefined && at > 1; at = parent.get(at)) {
      if (at === pid) {
        total += ms;
        break;
      }
    }
  }
  return total;
}

/** The PostgreSQL server listening on `port` (the cluster the bench started), found by its command line. */
function postmasterPid(port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (command[0]?.endsWith('/postgres') && command.join(' ').includes(`-p ${port} `)) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no PostgreSQL server on port ${port}`);
}

interface PageTimes {
  /** Wall ms to the whole body, median of 3 (1 for the page that reads every attempt). */
  readonly wall: Record<string, number>;
  /** CPU ms per request of the server process and (PostgreSQL) the database's processes, mean of the same runs. */
  readonly cpu: Record<string, number>;
}

/** Each page after one warm-up request per page: wall time (median of 3) and CPU per request (server + database). */
async function timePages(env: Record<string, string>, dataDir: string, token: string, dbPid: number | null): Promise<PageTimes> {
  const server = await spawnServer(dataDir, env);
  try {
    await waitUntilServing(server, null);
    const wall: Record<string, number> = {};
    const cpu: Record<string, number> = {};
    const cpuNow = () => treeCpuMs(server.child.pid!) + (dbPid === null ? 0 : treeCpuMs(dbPid));
    for (const page of PAGES) {
      const get = async () => {
        const began = performance.now();
        const response = await fetch(`${server.url}${page.path}`, { headers: { cookie: `asa_session=${token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
        return performance.now() - began;
      };
      const first = await get();
      // The item analysis's first request reads (lowdb) or warms (PostgreSQL) the outcomes: reported on its own.
      if (page.key === 'items') wall['items-first'] = first;
      const count = 3;
      const cpuBefore = cpuNow();
      const runs: number[] = [];
      for (let i = 0; i < count; i += 1) runs.push(await get());
      cpu[page.key] = (cpuNow() - cpuBefore) / count;
      wall[page.key] = runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      progress('lead-pages', `${page.path}: ${Math.round(wall[page.key]!)} ms, CPU ${Math.round(cpu[page.key]!)} ms`);
    }
    return { wall, cpu };
  } finally {
    await server.stop();
  }
}

/** In-process: one exam's attempts read in full (the old path) against its digests (the new one); ms and CPU ms. */
async function timeReads(
  store: Store,
): Promise<{ full: number; fullCpu: number; digests: number; digestsCpu: number; itemsFull: number; itemsFullCpu: number; items: number; itemsCpu: number }> {
  const clock = async (read: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const began = performance.now();
    await read();
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - began, cpu: (used.user + used.system) / 1_000 };
  };
  await clock(() => attemptDigests(store, { examId: EXAM_ID }));
  const digests = await clock(() => attemptDigests(store, { examId: EXAM_ID }));
  const full = await clock(() => store.listAttempts({ examId: EXAM_ID }));
  // Item analysis: from the stored outcomes (warmed once) against every attempt in full, as /lead/items did before.
  await analyseStoredAttempts(store, content, 'bank');
  const items = await clock(() => analyseStoredAttempts(store, content, 'bank'));
  const itemsFull = await clock(() => analyseAttemptsInFull(store, content, 'bank'));
  return {
    full: full.ms,
    fullCpu: full.cpu,
    digests: digests.ms,
    digestsCpu: digests.cpu,
    itemsFull: itemsFull.ms,
    itemsFullCpu: itemsFull.cpu,
    items: items.ms,
    itemsCpu: items.cpu,
  };
}

const root = await mkdtemp(join(tmpdir(), 'asa-lead-pages-'));
const cluster = await startPostgres();
const loads: string[] = [];
const load = () => loadavg().map((n) => n.toFixed(1)).join(' / ');
try {
  progress('lead-pages', `lowdb: ${ATTEMPTS} attempts`);
  const dataDir = join(root, 'data');
  await prefillDataDir(dataDir, SHAPE);
  let lowdb = await openLowdbStore(dataDir);
  const lowdbToken = await leadSetup(lowdb);
  await lowdb.close();
  loads.push(`lowdb pages at ${load()}`);
  const lowdbTimes = await timePages({}, dataDir, lowdbToken, null);
  lowdb = await openLowdbStore(dataDir);
  const lowdbReads = await timeReads(lowdb).finally(() => lowdb.close());

  progress('lead-pages', `PostgreSQL: ${ATTEMPTS} attempts`);
  const url = await cluster.createDatabase();
  const pg = await openPostgresStore(url, { migrate: true });
  let pgToken: string;
  try {
    await prefillStore(pg, SHAPE);
    pgToken = await leadSetup(pg);
  } finally {
    await pg.close();
  }
  loads.push(`PostgreSQL pages at ${load()}`);
  const pgTimes = await timePages({ DATABASE_URL: url }, join(root, 'unused'), pgToken, postmasterPid(Number(new URL(url).port)));
  const pgStore = await openPostgresStore(url);
  const pgReads = await timeReads(pgStore).finally(() => pgStore.close());

  const note = `${ATTEMPTS.toLocaleString('en')} closed attempts (${(ATTEMPTS * 20).toLocaleString('en')} answers) of ${SHAPE.alumni} trainees in 20 cohorts, filled through the store; built server, one lead session; median of 3 after a warm-up request; 2 cores shared with other work (load average ${loads.join(', ')}, ${load()} at the end)`;
  const measurements: Measurement[] = PAGES.flatMap((page) =>
    (
      [
        ['lowdb', lowdbTimes],
        ['postgres', pgTimes],
      ] as const
    ).flatMap(([store, times]): Measurement[] => [
      {
        id: `lead-pages.${store}-${page.key}-ms`,
        label: `${page.label}, ${store === 'lowdb' ? 'lowdb' : 'PostgreSQL'}, ${ATTEMPTS.toLocaleString('en')} attempts`,
        value: Math.round(times.wall[page.key]!),
        unit: 'ms',
        target: { op: '<=', value: 1_000, of: 'value' },
        note,
      },
      {
        id: `lead-pages.${store}-${page.key}-cpu-ms`,
        label: `${page.label}, ${store === 'lowdb' ? 'lowdb' : 'PostgreSQL'}: CPU per request (server${store === 'lowdb' ? '' : ' + database'})`,
        value: Math.round(times.cpu[page.key]!),
        unit: 'ms',
        target: { op: '<=', value: 1_000, of: 'value' },
        note: `user + system time from /proc, 10 ms resolution: what the request costs whatever else runs; on a quiet machine its wall time is about this. ${note}`,
      },
    ]),
  );
  for (const [store, reads] of [
    ['lowdb', lowdbReads],
    ['postgres', pgReads],
  ] as const) {
    const name = store === 'lowdb' ? 'lowdb' : 'PostgreSQL';
    measurements.push({
      id: `lead-pages.${store}-digests-cpu-ms`,
      label: `One exam's ${ATTEMPTS.toLocaleString('en')} attempts for the dashboard, ${name}: digests (CPU ms in-process)`,
      value: Math.round(reads.digestsCpu),
      unit: 'ms',
      baseline: { label: 'every attempt read in full (listAttempts), as the dashboard did before', value: Math.round(reads.fullCpu) },
      target: { op: '<=', value: 0.2, of: 'ratio' },
      note: `wall ${Math.round(reads.digests)} ms against ${Math.round(reads.full)} ms in full; the store's own CPU (PostgreSQL's server process) not included; ${note}`,
    });
    measurements.push({
      id: `lead-pages.${store}-items-analysis-cpu-ms`,
      label: `Item analysis of ${ATTEMPTS.toLocaleString('en')} attempts, bank-wide, ${name}: stored outcomes (CPU ms in-process)`,
      value: Math.round(reads.itemsCpu),
      unit: 'ms',
      baseline: { label: 'every attempt read in full and mapped (analyseAttemptsInFull), as /lead/items did before', value: Math.round(reads.itemsFullCpu) },
      target: { op: '<=', value: 0.25, of: 'ratio' },
      note: `wall ${Math.round(reads.items)} ms against ${Math.round(reads.itemsFull)} ms in full; the store's own CPU (PostgreSQL's server process) not included; ${note}`,
    });
  }
  for (const [store, times] of [
    ['lowdb', lowdbTimes],
    ['postgres', pgTimes],
  ] as const) {
    measurements.push({
      id: `lead-pages.${store}-items-first-ms`,
      label: `/lead/items, first request after the server starts, ${store === 'lowdb' ? 'lowdb (reads attempt-items.jsonl)' : 'PostgreSQL'}`,
      value: Math.round(times.wall['items-first']!),
      unit: 'ms',
      note,
    });
  }
  for (const m of measurements) console.log(`${m.label}: ${m.value} ms${m.baseline ? ` (baseline ${m.baseline.value} ms)` : ''}`);
  console.log(`wrote ${writeResult('lead-pages', startedAt, measurements)}`);
} finally {
  await cluster.stop();
  await rm(root, { recursive: true, force: true });
}
