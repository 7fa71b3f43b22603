import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { randomToken, sha256Hex } from '../../src/server/auth/tokens.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { responseFor, signedInClient } from '../server/exam-takers.ts';
import { Client } from '../server/http-client.ts';
import { newUser } from '../server/store-factories.ts';
import { usePostgres } from './use-postgres.ts';

// Real server processes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const content = loadExamContent(join(ROOT, 'content'));
const PASSWORD = '两进程测试密码-2026';
const trainee = newUser({ employeeId: 'MP-0001' });
const postgres = usePostgres();
let url: string;
const servers: TestServer[] = [];

beforeAll(async () => {
  await ensureBuilt();
  const fresh = await postgres.migratedStore();
  url = fresh.url;
  const store = fresh.store;
  await store.createUser({ ...trainee, passwordHash: await hashPassword(PASSWORD) });
  await store.close();
}, 600_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
});

async function serve(env: Record<string, string> = {}, command?: readonly string[]): Promise<TestServer> {
  // DATA_DIR points at an empty folder nobody uses: with DATABASE_URL set the server must not touch it.
  const server = await startServer({ dataDir: await tempDataDir(), env: { DATABASE_URL: url, ...env }, ...(command ? { command } : {}) });
  servers.push(server);
  return server;
}

describe('two server processes on one PostgreSQL database', () => {
  it('share sessions and attempts; answers saved alternately on both survive kill -9 of one', async () => {
    const [a, b] = [await serve(), await serve()];
    expect(a.output()).toMatch(/Store: PostgreSQL postgres:\/\/academy@127\.0\.0\.1:\d+\//);

    const onA = new Client(a.url);
    const login = await onA.post('/api/auth/login', { employeeId: 'mp-0001', password: PASSWORD });
    expect(login.status).toBe(200);
    const onB = new Client(b.url);
    onB.cookies.set('asa_session', onA.cookies.get('asa_session')!);
    // A session made on one process works on the other.
    const me = await onB.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect((await me.json()).user.employeeId).toBe('MP-0001');

    const started = await onB.post('/api/exams/basic-certification/start');
    expect(started.status).toBe(201);
    const attempt = (await started.json()).attempt as { id: string; questions: { id: string; type: 'single'; choices: string[] }[] };
    // Resuming on the other process finds the same attempt: one in progress per trainee and exam.
    const again = await onA.post('/api/exams/basic-certification/start');
    expect((await again.json()).attempt.id).toBe(attempt.id);

    const saved: Record<string, unknown> = {};
    for (const [index, question] of attempt.questions.entries()) {
      const client = index % 2 === 0 ? onA : onB;
      const response = responseFor(question, content, index % 3 !== 0);
      const put = await client.send('PUT', `/api/attempts/${attempt.id}/answers`, {
        json: answerBody(question.id, response, index + 1),
      });
      expect(put.status, await put.clone().text()).toBe(200);
      saved[question.id] = response;
    }
    expect(await a.kill9()).toBeNull();

    const read = await onB.get(`/api/attempts/${attempt.id}`);
    expect(read.status).toBe(200);
    const body = (await read.json()) as { attempt: { answers: Record<string, { response: unknown }> } };
    const stored = Object.fromEntries(Object.entries(body.attempt.answers).map(([id, answer]) => [id, answer.response]));
    expect(stored).toEqual(saved);

    const health = await fetch(`${b.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', store: 'postgres' });
  });

  it('keeps no per-process state that the other process could contradict', async () => {
    const [a, b] = [await serve(), await serve()];
    const lead = newUser({ role: 'lead', name: '两进程组长', employeeId: 'MP-LEAD', cohort: null });
    const one = newUser({ name: '两进程一号', employeeId: 'MP-0002', cohort: '两进程一组' });
    const two = newUser({ name: '两进程二号', employeeId: 'MP-0003', cohort: '两进程一组' });
    const tokens: Record<string, string> = {};
    const store = await openPostgresStore(url);
    try {
      const now = Date.now();
      for (const user of [lead, one, two]) {
        expect((await store.createUser({ ...user, passwordHash: await hashPassword(PASSWORD) })).ok).toBe(true);
        tokens[user.id] = randomToken(32);
        await store.createSession({ id: sha256Hex(tokens[user.id]!), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
      }
    } finally {
      await store.close();
    }
    const on = (server: TestServer, user: { id: string }) => signedInClient(server.url, tokens[user.id]!);

    // Attempts: started on A, submitted on B; A then refuses a save and shows the closed attempt (nothing cached open).
    const started = await on(a, one).post('/api/exams/basic-certification/start');
    expect(started.status).toBe(201);
    const attempt = (await started.json()).attempt as { id: string; questions: { id: string; type: 'single'; choices: string[] }[] };
    const question = attempt.questions[0]!;
    const put = (server: TestServer, version: number) =>
      on(server, one).send('PUT', `/api/attempts/${attempt.id}/answers`, { json: answerBody(question.id, responseFor(question, content, true), version) });
    expect((await put(a, 1)).status).toBe(200);
    expect((await on(b, one).post(`/api/attempts/${attempt.id}/submit`, {})).status).toBe(200);
    const late = await put(a, 2);
    expect(late.status).toBe(409);
    const seenOnA = (await (await on(a, one).get(`/api/attempts/${attempt.id}`)).json()).attempt;
    expect(seenOnA.status).toBe('submitted');
    expect(seenOnA.answers[question.id].version).toBe(1);

    // Practice progress synced through A is what B answers with.
    const itemId = content.bank.practice[0]!.id;
    const synced = await on(a, one).post('/api/practice/progress', {
      owner: null,
      items: { [itemId]: { attempts: [{ at: Date.now() - 60_000, isCorrect: true, keyVersion: 'k1' }], card: null } },
    });
    expect(synced.status, await synced.clone().text()).toBe(200);
    const progressOnB = await (await on(b, one).get('/api/practice/progress')).json();
    expect(Object.keys(progressOnB.items)).toEqual([itemId]);

    // An assignment made on A is listed on B.
    const assigned = await on(a, lead).post('/api/lead/assignments', {
      examId: 'basic-certification', cohorts: ['两进程一组'], opensAt: '2026-01-01 09:00', dueAt: '2030-01-01 18:00',
    });
    expect(assigned.status, await assigned.clone().text()).toBe(201);
    const listed = await (await on(b, lead).get('/api/lead/assignments')).json();
    expect(listed.assignments.map((x: { id: string }) => x.id)).toEqual([(await assigned.json()).assignment.id]);

    // Login failures count on both: four wrong passwords alternately on A and B lock the pair everywhere, even for
    // the right password next.
    for (const server of [a, b, a, b]) {
      const wrong = await new Client(server.url).post('/api/auth/login', { employeeId: two.employeeId, password: 'wrong-password-2026' });
      expect(wrong.status).toBe(401);
    }
    const locked = await new Client(a.url).post('/api/auth/login', { employeeId: two.employeeId, password: PASSWORD });
    expect(locked.status).toBe(429);

    // Disabling on B ends the trainee's session on A at once; signing out on B ends it on A at once.
    expect((await on(a, two).get('/api/auth/me')).status).toBe(200);
    expect((await on(b, lead).post(`/api/lead/trainees/${two.id}/disable`)).status).toBe(200);
    expect((await on(a, two).get('/api/auth/me')).status).toBe(401);
    expect((await on(a, one).get('/api/auth/me')).status).toBe(200);
    expect((await on(b, one).post('/api/auth/logout')).status).toBeLessThan(400);
    expect((await on(a, one).get('/api/auth/me')).status).toBe(401);
  });

  it('WORKERS=2 npm start runs two processes on PostgreSQL; on lowdb it refuses with a clear message', async () => {
    const refused = await startServer({
      dataDir: await tempDataDir(),
      command: ['npm', 'start', '--silent'],
      env: { WORKERS: '2' },
      expectExit: true,
    });
    servers.push(refused);
    expect(await refused.exited()).toBe(1);
    expect(refused.output()).toMatch(/WORKERS=2 needs the PostgreSQL store/);

    const workers = await serve({ WORKERS: '2' }, ['npm', 'start', '--silent']);
    await workers.waitForOutput(/with 2 worker processes/);
    // Both workers open the store and say which.
    await workers.waitForOutput(/Store: PostgreSQL[^\n]*\n[\s\S]*Store: PostgreSQL/);
    const health = await fetch(`${workers.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'postgres' });
  });

  it('recovers by itself when the database crashes and restarts under running workers', async () => {
    // The WORKERS=2 server of the test before: still running.
    const server = servers.at(-1)!;
    await postgres.cluster.crashAndRestart();
    // Connections the pools held died with the database; the next queries open new ones, no server restart needed.
    const deadline = Date.now() + 30_000;
    let health = await fetch(`${server.url}/healthz`);
    while (health.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      health = await fetch(`${server.url}/healthz`);
    }
    expect(health.status).toBe(200);
    // Every worker, not just the one that answered first: several sign-ins spread over both.
    for (let i = 0; i < 6; i += 1) {
      const login = await new Client(server.url).post('/api/auth/login', { employeeId: 'MP-0001', password: PASSWORD });
      expect(login.status).toBe(200);
    }
    // Without any worker dying over it.
    expect(server.output()).not.toMatch(/exited \(/);
  });

  it('/healthz answers 503 JSON once the database is gone, without a stack', async () => {
    // The WORKERS=2 server of the tests before: still running.
    const server = servers.at(-1)!;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await postgres.cluster.stop();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    expect(await health.json()).toEqual({ status: 'unavailable', store: 'postgres' });
  });
});

/** The autosave body: a per-question version (STORE-SPEC.md). */
function answerBody(itemId: string, response: unknown, n: number): Record<string, unknown> {
  return { itemId, response, flagged: false, version: n };
}
