import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { responseFor } from '../server/exam-takers.ts';
import { Client } from '../server/http-client.ts';
import { newUser } from '../server/store-factories.ts';
import { type PostgresCluster, startPostgres } from './postgres-cluster.ts';

// Real server processes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const content = loadExamContent(join(ROOT, 'content'));
const PASSWORD = '两进程测试密码-2026';
const trainee = newUser({ employeeId: 'MP-0001' });
let cluster: PostgresCluster;
let url: string;
const servers: TestServer[] = [];

beforeAll(async () => {
  await ensureBuilt();
  cluster = await startPostgres();
  url = await cluster.createDatabase();
  const store = await openPostgresStore(url, { migrate: true });
  await store.createUser({ ...trainee, passwordHash: await hashPassword(PASSWORD) });
  await store.close();
}, 600_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await cluster?.stop();
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

  it('/healthz answers 503 JSON once the database is gone, without a stack', async () => {
    // The WORKERS=2 server of the test before: still running.
    const server = servers.at(-1)!;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await cluster.stop();
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
