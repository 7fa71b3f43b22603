import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXAM_ID, prefillStore, type Trainee } from '../../bench/scale/prefill.ts';
import { type ServerProcess, spawnServer, waitUntilServing } from '../../bench/scale/server-process.ts';
import { sha256Hex } from '../../src/server/auth/tokens.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { tempDataDir } from '../server/built-server.ts';
import { usePostgres } from '../store/use-postgres.ts';
import { type AttemptView, call, validResponse } from './kill9-scenario.ts';

// `WORKERS=2` on PostgreSQL: kill -9 one of the two worker processes while trainees autosave. Every save the server
// acknowledged (2xx) must be in the database afterwards; the primary must log the death and start a replacement, and
// once it serves, every save must be acknowledged again (no request is left to a dead worker).

const TRAINEES = 8;
const postgres = usePostgres();
let url: string;
let dataDir: string;
let server: ServerProcess | null = null;

beforeAll(async () => {
  url = await postgres.cluster.createDatabase();
  dataDir = await tempDataDir();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The worker processes of a node:cluster primary (Linux: /proc lists a task's children). */
function workerPids(primary: number): number[] {
  const text = readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/** Unexpected failures seen by the load: `until` stops waiting at the first. */
let failures: readonly string[] = [];

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (failures.length > 0) throw new Error(failures.join('\n'));
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${server?.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const listening = () => (server!.output().match(/Server listening on/g) ?? []).length;

test('kill -9 of one of two workers mid-load: every acknowledged autosave survives, the primary starts a new worker', async () => {
  const store = await openPostgresStore(url, { migrate: true });
  let trainees: Trainee[];
  try {
    trainees = await prefillStore(store, { attempts: 20, answersPerAttempt: 10, alumni: 4, trainees: TRAINEES, sessions: true });
  } finally {
    await store.close();
  }
  server = await spawnServer(dataDir, { DATABASE_URL: url, WORKERS: '2' });
  await waitUntilServing(server, trainees[0]!.token!, 120_000);
  await until('both workers to listen', () => listening() === 2, 120_000);
  const [victim, survivor] = workerPids(server.child.pid!);
  expect(survivor, 'two worker processes').toBeDefined();

  const attempts = new Map<string, AttemptView>();
  for (const trainee of trainees) {
    const started = await call(server, trainee.token!, 'POST', `/api/exams/${EXAM_ID}/start`);
    expect(started.status).toBe(201);
    attempts.set(trainee.userId, started.json['attempt'] as AttemptView);
  }

  /** Per trainee and item: the highest version acknowledged. */
  const acked = new Map<string, number>();
  let phase: 'before' | 'dying' | 'after' = 'before';
  const count = { before: 0, dying: 0, after: 0, failedWhileDying: 0 };
  let stop = false;
  /** Failures outside the window in which a worker died (a request started before the kill may still fail). */
  const unexpected: string[] = [];
  failures = unexpected;
  const loops = trainees.map(async (trainee, t) => {
    const attempt = attempts.get(trainee.userId)!;
    for (let version = 1; !stop; version += 1) {
      const question = attempt.questions[version % attempt.questions.length]!;
      const at = phase;
      try {
        const saved = await call(server!, trainee.token!, 'PUT', `/api/attempts/${attempt.id}/answers`, {
          itemId: question.id,
          response: validResponse(question, version + t),
          flagged: false,
          version,
        });
        if (saved.status >= 200 && saved.status < 300) {
          acked.set(`${trainee.userId} ${question.id}`, version);
          count[at] += 1;
          continue;
        }
        if (at !== 'dying' && phase !== 'dying') unexpected.push(`autosave answered ${saved.status} in phase ${at}: ${JSON.stringify(saved.json)}`);
      } catch (error) {
        // Only a request the dead worker held (reset connection) may fail; it was never acknowledged.
        if (at !== 'dying' && phase !== 'dying') unexpected.push(`autosave failed in phase ${at}: ${String((error as Error).cause ?? error)}`);
      }
      count.failedWhileDying += 1;
      if (unexpected.length > 0) stop = true;
    }
  });

  await until('saves on both workers', () => count.before >= 200, 60_000);
  phase = 'dying';
  process.kill(victim!, 'SIGKILL');
  await until('the primary to log the death', () => /Worker \d \(pid \d+\) exited \(SIGKILL\); 1 of 2 still serving; starting a new one in 1 s\./.test(server!.output()), 30_000);
  await until('the replacement to listen', () => listening() === 3, 120_000);
  const replaced = workerPids(server.child.pid!);
  expect(replaced).toHaveLength(2);
  expect(replaced).toContain(survivor);
  expect(replaced).not.toContain(victim);
  phase = 'after';
  await until('saves with the new worker up', () => count.after >= 200, 60_000);
  stop = true;
  await Promise.all(loops);
  expect(unexpected).toEqual([]);
  // The primary is still the same process, and answers.
  expect(server.child.exitCode).toBeNull();
  // A worker that dies young again (a crash loop) is restarted later each time: 1 s, then 2 s, … up to 60 s.
  const replacement = replaced.find((pid) => pid !== survivor)!;
  process.kill(replacement, 'SIGKILL');
  await until('the primary to back off', () => /Worker \d \(pid \d+\) exited \(SIGKILL\); 1 of 2 still serving; starting a new one in 2 s\./.test(server!.output()), 30_000);
  await until('the second replacement to listen', () => listening() === 4, 120_000);
  expect((await call(server, trainees[0]!.token!, 'GET', '/api/auth/me')).status).toBe(200);

  const check = await openPostgresStore(url);
  try {
    for (const trainee of trainees) {
      const stored = await check.getAttempt(attempts.get(trainee.userId)!.id);
      for (const question of attempts.get(trainee.userId)!.questions) {
        const version = acked.get(`${trainee.userId} ${question.id}`);
        if (version !== undefined) expect(stored!.answers[question.id]?.version ?? -1, `${trainee.userId} ${question.id}`).toBeGreaterThanOrEqual(version);
      }
    }
  } finally {
    await check.close();
  }
  console.log(
    `kill one of two workers: ${count.before} saves acknowledged before the kill, ${count.dying} while one worker was down ` +
      `(${count.failedWhileDying} failed: held by the dead worker), ${count.after} after the replacement started; ${acked.size} answers checked`,
  );
  expect(count.dying, 'the surviving worker kept serving').toBeGreaterThan(0);
}, 600_000);

test('a replaced worker leaves the first-run setup link valid (only the first worker 1 prints one)', async () => {
  await server?.stop();
  const { url: fresh, store } = await postgres.migratedStore();
  await store.close();
  server = await spawnServer(dataDir, { DATABASE_URL: fresh, WORKERS: '2' });
  await until('both workers to listen', () => listening() === 2, 120_000);
  const links = () => [...server!.output().matchAll(/\/setup\?token=([A-Za-z0-9_-]+)/g)].map((match) => match[1]);
  expect(links()).toHaveLength(1);
  // Kill both workers: whichever was worker 1, its replacement must not print (and so void) another link.
  for (const pid of workerPids(server.child.pid!)) process.kill(pid, 'SIGKILL');
  await until('both replacements to listen', () => listening() === 4, 120_000);
  expect(links()).toHaveLength(1);
  const setup = await fetch(`${server.url}/setup?token=${links()[0]}`);
  expect(setup.status).toBe(200);
  const check = await openPostgresStore(fresh);
  try {
    expect(await check.isSetupTokenValid(sha256Hex(links()[0]!))).toBe(true);
  } finally {
    await check.close();
  }
}, 300_000);

test('SIGHUP restarts the workers one at a time under load: no error answer, at most the request in flight on each retired connection cut, every acknowledged autosave kept', async () => {
  await server?.stop();
  const { url: fresh, store } = await postgres.migratedStore();
  let trainees: Trainee[];
  try {
    trainees = await prefillStore(store, { attempts: 0, answersPerAttempt: 0, alumni: 0, trainees: 4, sessions: true });
  } finally {
    await store.close();
  }
  server = await spawnServer(dataDir, { DATABASE_URL: fresh, WORKERS: '2' });
  await until('both workers to listen', () => listening() === 2, 120_000);
  const before = workerPids(server.child.pid!);
  const attempts: AttemptView[] = [];
  for (const trainee of trainees) attempts.push((await call(server, trainee.token!, 'POST', `/api/exams/${EXAM_ID}/start`)).json['attempt'] as AttemptView);

  const acked = new Map<string, number>();
  const failed: string[] = [];
  failures = [];
  let saves = 0;
  let stop = false;
  const loops = trainees.map(async (trainee, t) => {
    const attempt = attempts[t]!;
    for (let version = 1; !stop; version += 1) {
      const question = attempt.questions[version % attempt.questions.length]!;
      try {
        const saved = await call(server!, trainee.token!, 'PUT', `/api/attempts/${attempt.id}/answers`, {
          itemId: question.id, response: validResponse(question, version), flagged: false, version,
        });
        if (saved.status === 200) {
          acked.set(`${attempt.id} ${question.id}`, version);
          saves += 1;
        } else failed.push(`${saved.status}`);
      } catch (error) {
        failed.push(String((error as Error).cause ?? error));
      }
    }
  });
  await until('saves before the reload', () => saves >= 100, 60_000);
  process.kill(server.child.pid!, 'SIGHUP');
  await until('the rolling restart to finish', () => /SIGHUP: rolling restart done\./.test(server!.output()), 120_000);
  await until('the old workers to be gone', () => workerPids(server!.child.pid!).every((pid) => !before.includes(pid)), 30_000);
  const at = saves;
  await until('saves after the reload', () => saves >= at + 100, 60_000);
  stop = true;
  await Promise.all(loops);
  expect(workerPids(server.child.pid!)).toHaveLength(2);
  expect(server.output()).not.toMatch(/exited \(/);

  const check = await openPostgresStore(fresh);
  try {
    for (const attempt of attempts) {
      const stored = await check.getAttempt(attempt.id);
      for (const question of attempt.questions) {
        const version = acked.get(`${attempt.id} ${question.id}`);
        if (version !== undefined) expect(stored!.answers[question.id]?.version ?? -1).toBeGreaterThanOrEqual(version);
      }
    }
  } finally {
    await check.close();
  }
  console.log(`SIGHUP rolling restart under load: ${saves} saves acknowledged, ${failed.length} failed${failed.length ? ` (${[...new Set(failed)].join('; ')})` : ''}`);
  // What may fail is a request on a kept-alive connection that the old worker closed as it retired (each trainee's
  // client holds one connection at a time: at most one per trainee and old worker); never an HTTP error.
  expect(failed.filter((failure) => /^\d+$/.test(failure))).toEqual([]);
  expect(failed.length).toBeLessThanOrEqual(trainees.length * before.length);
}, 300_000);
