import { createHash, randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UNREADABLE_STATUS } from '../../src/server/exports/results-csv.ts';
import { openLowdbStore } from '../../src/server/store/index.ts';
import { ensureBuilt, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client } from './http-client.ts';
import { newAttempt, newUser } from './store-factories.ts';

// One damaged closed attempt file used to make /me, /lead/attempts and results.csv answer 500 for everyone. Now the
// rest is shown, the damaged attempt is marked unreadable, and the server log names the file.

vi.setConfig({ testTimeout: 30_000 });

const EXAM = 'basic-certification';
const trainee = newUser({ name: '赵六' });
const lead = newUser({ role: 'lead', name: '王组长' });
const good = newAttempt({ userId: trainee.id, examId: EXAM, startedAt: Date.now() - 3 * 86_400_000 });
const damaged = newAttempt({ userId: trainee.id, examId: EXAM, startedAt: Date.now() - 2 * 86_400_000 });
const clients = new Map<string, Client>();
let server: TestServer;
let dataDir: string;

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  const store = await openLowdbStore(dataDir);
  const now = Date.now();
  const tokens = new Map<string, string>();
  for (const user of [trainee, lead]) {
    await store.createUser(user);
    const token = randomBytes(32).toString('base64url');
    await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
    tokens.set(user.id, token);
  }
  for (const attempt of [good, damaged]) {
    await store.createAttempt({ ...attempt, deadlineAt: attempt.startedAt + 3_600_000 });
    const result = { score: 2, maxScore: 3, passed: false, perItem: [], certificateId: null };
    await store.submitAttempt(attempt.id, result, attempt.startedAt + 600_000);
  }
  await store.close();
  // Cut off mid-write, as a disk fault or a careless copy would leave it.
  await writeFile(join(dataDir, 'attempts', `${damaged.id}.json`), '{"version":1,"attempt":{"id":"');
  server = await startServer({ dataDir });
  for (const [id, token] of tokens) {
    const client = new Client(server.url);
    client.cookies.set('asa_session', token);
    clients.set(id, client);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a damaged closed attempt file', () => {
  it("leaves the trainee's /me working: the readable attempt listed, the damaged one named as unreadable", async () => {
    const page = await clients.get(trainee.id)!.get('/me');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`?attempt=${good.id}`);
    expect(html).not.toContain(`?attempt=${damaged.id}`);
    expect(html).toMatch(/data-unreadable-attempts[^>]*>\s*有 1 次考试记录/);
  });

  it('leaves /lead/attempts working: the table lists the rest, a notice lists the damaged attempt', async () => {
    const page = await clients.get(lead.id)!.get('/lead/attempts');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`data-attempt-row="${good.id}"`);
    expect(html).not.toContain(`data-attempt-row="${damaged.id}"`);
    expect(html).toContain('另有 1 次作答的记录文件损坏');
    expect(html).toContain(`作答编号 ${damaged.id}`);
  });

  it('answers the damaged attempt\'s own lead page with a clear message, not a stack', async () => {
    const page = await clients.get(lead.id)!.get(`/lead/attempts/${damaged.id}`);
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('这次作答的记录文件损坏，无法读取');
    expect(html).not.toMatch(/StoreCorruptError|at .*\.ts:\d+/);
  });

  it('exports results.csv with a row marking the damaged attempt unreadable, result columns empty', async () => {
    const response = await clients.get(lead.id)!.get('/api/lead/exports/results.csv');
    expect(response.status).toBe(200);
    const rows = (await response.text()).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(good.id);
    expect(rows[2]).toContain(damaged.id);
    expect(rows[2]).toContain(`${UNREADABLE_STATUS},,,,,,${damaged.id}`);
  });

  it('names the damaged file in the server log', async () => {
    await server.waitForOutput(new RegExp(`attempt ${damaged.id} cannot be read.*${damaged.id}\\.json`));
  });
});
