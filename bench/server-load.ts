// Exam-server load on loopback: simulated trainees start an attempt, autosave every few seconds and submit, against
// the built server with 1,000,000 answers already stored; next to a bare node:http server doing the same store
// writes, in a separate process each, driven by this process. Then the same load on PostgreSQL with WORKERS=2 (a
// cluster of its own, started like tests/store/postgres-cluster.ts), prefilled through the store's contract.
//
//   node_modules/.bin/node bench/server-load.ts [--quick]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/server/built-server.ts';
import { type Measurement, writeResult } from './lib/results.ts';
import { openPostgresStore } from '../src/server/store/postgres-store.ts';
import { startPostgres } from '../tests/store/postgres-cluster.ts';
import {
  apiTarget,
  type LoadOptions,
  type LoadReport,
  processCpuSeconds,
  rawTarget,
  runExamLoad,
  treeCpuSeconds,
} from './scale/exam-load.ts';
import { EXAM_ID, prefillDataDir, prefillStore } from './scale/prefill.ts';
import { spawnServer, waitUntilServing } from './scale/server-process.ts';

const startedAt = new Date();
const loadAverage = () => loadavg().map((n) => n.toFixed(1)).join(' / ');
const quick = process.argv.includes('--quick');
const ATTEMPTS = quick ? 5_000 : 50_000;
const ANSWERS_PER_ATTEMPT = 20;
// Each trainee waits for an autosave's answer before its next pause, so the achieved rate is N / (pause + latency):
// 6,300 trainees offer 2,100/s, enough to reach 2,000/s when latency is a few milliseconds.
const TRAINEES = quick ? 630 : 6_300;
// A second, lighter run on the built server (1,000/s offered) shows how its latency depends on the load.
const LIGHT_TRAINEES = quick ? 300 : 3_000;
const OPTIONS: LoadOptions = {
  autosaveEveryMs: 3_000,
  warmupMs: quick ? 2_000 : 5_000,
  measureMs: quick ? 5_000 : 30_000,
  setupConcurrency: 64,
};

async function spawnRawServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(new URL('./scale/raw-server.ts', import.meta.url))], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`raw server exited with ${code}`)));
  });
  return {
    pid: child.pid,
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function describe(report: LoadReport): string {
  return `${report.trainees} trainees, ${report.autosavesPerSecond.toFixed(0)}/s of ${report.offeredPerSecond.toFixed(0)}/s offered, p50 ${report.p50.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms, max ${report.max.toFixed(1)} ms, ${report.errors} errors, ${report.retries} autosaves resent after a keep-alive reset, server CPU ${report.cpuMsPerAutosave?.toFixed(2) ?? '?'} ms per autosave, starts took ${report.startSeconds.toFixed(1)} s, submit p99 ${report.submitP99.toFixed(1)} ms`;
}

const root = await mkdtemp(join(tmpdir(), 'asa-load-'));
try {
  const dataDir = join(root, 'data');
  const trainees = await prefillDataDir(dataDir, {
    attempts: ATTEMPTS,
    answersPerAttempt: ANSWERS_PER_ATTEMPT,
    alumni: Math.ceil(ATTEMPTS / 20),
    trainees: TRAINEES + LIGHT_TRAINEES,
    sessions: true,
  });
  const lightTrainees = trainees.slice(TRAINEES);
  trainees.length = TRAINEES;

  // Baseline first, on the same pre-filled folder, under user ids of its own.
  const raw = await spawnRawServer(dataDir);
  const rawClient = rawTarget(raw.origin);
  let baseline: LoadReport;
  try {
    baseline = await runExamLoad(
      rawClient,
      trainees.map((_, i) => ({ userId: `raw-user-${i}`, token: null })),
      { ...OPTIONS, serverCpuSeconds: () => processCpuSeconds(raw.pid) },
    );
  } finally {
    rawClient.close();
    await raw.stop();
  }
  console.log(`baseline (raw node:http + store): ${describe(baseline)}`);

  const server = await spawnServer(dataDir);
  const api = apiTarget(server.origin, EXAM_ID);
  let report: LoadReport;
  let light: LoadReport;
  try {
    await waitUntilServing(server, trainees[0]!.token!);
    const cpu = () => processCpuSeconds(server.child.pid);
    light = await runExamLoad(api, lightTrainees, { ...OPTIONS, measureMs: OPTIONS.measureMs / 2, serverCpuSeconds: cpu });
    console.log(`built server, lighter load: ${describe(light)}`);
    report = await runExamLoad(api, trainees, { ...OPTIONS, serverCpuSeconds: cpu });
  } finally {
    api.close();
    await server.stop();
  }
  console.log(`built server: ${describe(report)}`);

  // PostgreSQL, two worker processes: the same exam, trainees and load, the database prefilled through the store.
  const cluster = await startPostgres();
  let postgres: LoadReport;
  try {
    const url = await cluster.createDatabase();
    const pgStore = await openPostgresStore(url, { migrate: true });
    let pgTrainees;
    try {
      pgTrainees = await prefillStore(pgStore, {
        attempts: ATTEMPTS,
        answersPerAttempt: ANSWERS_PER_ATTEMPT,
        alumni: Math.ceil(ATTEMPTS / 20),
        trainees: TRAINEES,
        sessions: true,
      });
    } finally {
      await pgStore.close();
    }
    const pgServer = await spawnServer(join(root, 'unused'), { DATABASE_URL: url, WORKERS: '2' });
    const pgApi = apiTarget(pgServer.origin, EXAM_ID);
    try {
      await waitUntilServing(pgServer, pgTrainees[0]!.token!);
      // Both workers must be up before the clock runs: the first may serve while the second still loads.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      postgres = await runExamLoad(pgApi, pgTrainees, { ...OPTIONS, serverCpuSeconds: () => treeCpuSeconds(pgServer.child.pid) });
    } finally {
      pgApi.close();
      await pgServer.stop();
    }
  } finally {
    await cluster.stop();
  }
  console.log(`PostgreSQL, 2 workers: ${describe(postgres)}`);
  for (const line of [...report.firstErrors, ...baseline.firstErrors, ...postgres.firstErrors]) console.log(`  error: ${line}`);

  const conditions = `${(ATTEMPTS * ANSWERS_PER_ATTEMPT).toLocaleString('en')} answers stored before the run; ${report.trainees.toLocaleString('en')} trainees (sessions created up front), one autosave each every ${OPTIONS.autosaveEveryMs / 1000} s ± 50 % after the previous one was answered; ${OPTIONS.measureMs / 1000} s measured after ${OPTIONS.warmupMs / 1000} s warm-up; keep-alive, one connection per trainee; load generator in its own process; 2 cores shared with other work (load average ${loadAverage()} at the end), noisy`;
  const rawLabel = { label: 'raw node:http, same store write' };
  const measurements: Measurement[] = [
    {
      id: 'server-load.autosaves-per-second',
      label: 'Autosaves per second, built server (lowdb, 1 process)',
      value: Math.round(report.autosavesPerSecond),
      unit: '/s',
      baseline: { ...rawLabel, value: Math.round(baseline.autosavesPerSecond) },
      target: { op: '>=', value: 2_000, of: 'value' },
      note: `${conditions}. Built server: ${describe(report)}. Baseline: ${describe(baseline)}`,
    },
    {
      id: 'server-load.answers-stored',
      label: 'Answers stored before the load (lowdb)',
      value: ATTEMPTS * ANSWERS_PER_ATTEMPT,
      unit: 'count',
      target: { op: '>=', value: 1_000_000, of: 'value' },
      note: `${ATTEMPTS.toLocaleString('en')} closed attempts × ${ANSWERS_PER_ATTEMPT} answers, written through the store before the server starts${quick ? ' (--quick: a tenth of the full run)' : ''}`,
    },
    {
      id: 'server-load.autosave-p99-ms',
      label: 'Autosave latency p99 under that load',
      value: Number(report.p99.toFixed(1)),
      unit: 'ms',
      baseline: { ...rawLabel, value: Number(baseline.p99.toFixed(1)) },
      target: { op: '<=', value: 150, of: 'value' },
      note: conditions,
    },
    {
      id: 'server-load.autosave-p99-vs-raw',
      label: 'Autosave latency p99, built server vs raw in the same run',
      value: Number(report.p99.toFixed(1)),
      unit: 'ms',
      baseline: { ...rawLabel, value: Number(baseline.p99.toFixed(1)) },
      target: { op: '<=', value: 2, of: 'ratio' },
    },
    {
      id: 'server-load.light-autosave-p99-ms',
      label: `Autosave latency p99 at half the load (${Math.round(light.offeredPerSecond).toLocaleString('en')}/s offered)`,
      value: Number(light.p99.toFixed(1)),
      unit: 'ms',
      note: `built server only, run before the full load on the same server and data: ${describe(light)}`,
    },
    {
      id: 'server-load.autosave-p50-ms',
      label: 'Autosave latency p50 under that load',
      value: Number(report.p50.toFixed(1)),
      unit: 'ms',
      baseline: { ...rawLabel, value: Number(baseline.p50.toFixed(1)) },
    },
    {
      id: 'server-load.autosave-max-ms',
      label: 'Autosave latency max under that load',
      value: Number(report.max.toFixed(1)),
      unit: 'ms',
      baseline: { ...rawLabel, value: Number(baseline.max.toFixed(1)) },
    },
    ...(report.cpuMsPerAutosave === null || baseline.cpuMsPerAutosave === null
      ? []
      : [
          {
            id: 'server-load.cpu-ms-per-autosave',
            label: 'Server CPU per autosave (user + system)',
            value: Number(report.cpuMsPerAutosave.toFixed(3)),
            unit: 'ms',
            baseline: { ...rawLabel, value: Number(baseline.cpuMsPerAutosave.toFixed(3)) },
            target: { op: '<=', value: 1.5, of: 'ratio' },
            note: 'CPU the server process used during the measuring window divided by the autosaves answered in it: 1000 / this is what one core could serve if nothing else ran. The API is served by the fast path (src/server/serve/), not through Astro',
          } satisfies Measurement,
        ]),
    {
      id: 'server-load.errors',
      label: 'Failed requests (start, autosave, submit)',
      value: report.errors + light.errors,
      unit: 'count',
      baseline: { label: 'raw node:http', value: baseline.errors },
      target: { op: '<=', value: 0, of: 'value' },
      ...(report.firstErrors.length ? { note: report.firstErrors.join(' | ') } : {}),
    },
    {
      id: 'server-load.postgres-autosaves-per-second',
      label: 'Autosaves per second, PostgreSQL, WORKERS=2',
      value: Math.round(postgres.autosavesPerSecond),
      unit: '/s',
      baseline: { label: 'lowdb, 1 process, same run', value: Math.round(report.autosavesPerSecond) },
      note: `same exam, trainees and load; ${(ATTEMPTS * ANSWERS_PER_ATTEMPT).toLocaleString('en')} answers prefilled through the store; PostgreSQL 15 on the same 2 cores (fsync on), started by the benchmark: ${describe(postgres)}`,
    },
    {
      id: 'server-load.postgres-autosave-p99-ms',
      label: 'Autosave latency p99, PostgreSQL, WORKERS=2',
      value: Number(postgres.p99.toFixed(1)),
      unit: 'ms',
      baseline: { label: 'lowdb, 1 process, same run', value: Number(report.p99.toFixed(1)) },
    },
    ...(postgres.cpuMsPerAutosave === null
      ? []
      : [
          {
            id: 'server-load.postgres-cpu-ms-per-autosave',
            label: 'Server CPU per autosave, PostgreSQL, WORKERS=2 (both workers; the database not counted)',
            value: Number(postgres.cpuMsPerAutosave.toFixed(3)),
            unit: 'ms',
            ...(baseline.cpuMsPerAutosave === null ? {} : { baseline: { ...rawLabel, value: Number(baseline.cpuMsPerAutosave.toFixed(3)) } }),
          } satisfies Measurement,
        ]),
    {
      id: 'server-load.postgres-errors',
      label: 'Failed requests, PostgreSQL, WORKERS=2',
      value: postgres.errors,
      unit: 'count',
      target: { op: '<=', value: 0, of: 'value' },
      ...(postgres.firstErrors.length ? { note: postgres.firstErrors.join(' | ') } : {}),
    },
  ];
  console.log(`wrote ${writeResult('server-load', startedAt, measurements)}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
