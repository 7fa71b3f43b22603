import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayAnswer } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { openLowdbStore, type AttemptRecord } from '../../src/server/store/index.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client, errorOf } from './http-client.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 30_000 });

const content = loadExamContent(join(ROOT, 'content'));
let server: TestServer;
let dataDir: string;
const trainee = newUser();
const other = newUser();
const lead = newUser({ role: 'lead', name: '王组长' });
const clients: Record<string, Client> = {};

/** Seeds two trainees with live sessions straight into the store, so the test needs no sign-in round trips. */
async function seed(dir: string): Promise<Record<string, string>> {
  const store = await openLowdbStore(dir);
  const tokens: Record<string, string> = {};
  const now = Date.now();
  for (const user of [trainee, other, lead]) {
    await store.createUser(user);
    const token = randomBytes(32).toString('base64url');
    await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
    tokens[user.id] = token;
  }
  await store.close();
  return tokens;
}

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  const tokens = await seed(dataDir);
  server = await startServer({ dataDir });
  for (const user of [trainee, other, lead]) {
    clients[user.id] = new Client(server.url);
    clients[user.id]!.cookies.set('asa_session', tokens[user.id]!);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('exam API', () => {
  let attempt: { id: string; questions: { id: string }[] };
  let items: AttemptRecord['items'];
  const me = () => clients[trainee.id]!;
  const put = (client: Client, body: unknown) => client.send('PUT', `/api/attempts/${attempt.id}/answers`, { json: body });

  it('refuses anonymous starts with 401 UNAUTHENTICATED', async () => {
    const response = await new Client(server.url).post('/api/exams/basic-certification/start');
    expect(response.status).toBe(401);
  });

  it('starts an attempt (201) whose questions carry no keys, explanations or traces', async () => {
    const response = await me().post('/api/exams/basic-certification/start');
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toMatch(/"key"|"rulings"|"trace"|"explanation"|"answer"/);
    attempt = JSON.parse(text).attempt;
    expect(attempt.questions).toHaveLength(20);
    expect((await me().post('/api/exams/basic-certification/start')).status).toBe(200);
  });

  it('answers the exam page\'s form post (确认开始, no JavaScript) with a 303 to the open attempt', async () => {
    const form = { body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const response = await me().send('POST', '/api/exams/basic-certification/start', form);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/exams/basic-certification?attempt=${attempt.id}`);
    const other = await clients[lead.id]!.send('POST', '/api/exams/no-such-exam/start', form);
    expect(other.status).toBe(404);
  });

  it('autosaves by per-question version: a replay is a duplicate, an older version is superseded and never overwrites', async () => {
    // The paper (with option orders) is read from the attempt file the server wrote: the test plays a perfect trainee.
    const store = await openLowdbStore(dataDir);
    items = (await store.getAttempt(attempt.id))!.items;
    await store.close();
    for (const entry of items) {
      const response = await put(me(), { itemId: entry.itemId, response: displayAnswer(entry, content.lookup(entry.itemId)!.key), version: 2 });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ itemId: entry.itemId, outcome: 'stored', version: 2 });
    }
    const last = items.at(-1)!;
    const replay = { itemId: last.itemId, response: displayAnswer(last, content.lookup(last.itemId)!.key), version: 2 };
    expect(await (await put(me(), replay)).json()).toMatchObject({ outcome: 'duplicate', version: 2 });
    const older = await put(me(), { ...replay, response: null, version: 1 });
    expect(older.status).toBe(200);
    expect(await older.json()).toMatchObject({ outcome: 'superseded', version: 2 });
    const read = (await (await me().get(`/api/attempts/${attempt.id}`)).json()).attempt;
    expect(read.answers[last.itemId]).toEqual({ response: replay.response, flagged: false, version: 2 });
  });

  it("answers someone else's attempt with 404 ATTEMPT_NOT_FOUND, never its content", async () => {
    const intruder = clients[other.id]!;
    const read = await intruder.get(`/api/attempts/${attempt.id}`);
    expect(read.status).toBe(404);
    expect((await errorOf(read)).code).toBe('ATTEMPT_NOT_FOUND');
    expect((await put(intruder, { itemId: attempt.questions[0]!.id, response: null, version: 999 })).status).toBe(404);
  });

  it('refuses a review before submission, submits, then refuses writes with 409 ATTEMPT_CLOSED', async () => {
    expect((await errorOf(await me().get(`/api/attempts/${attempt.id}/review`))).code).toBe('ATTEMPT_NOT_SUBMITTED');
    const submitted = await me().post(`/api/attempts/${attempt.id}/submit`);
    expect(submitted.status).toBe(200);
    expect((await submitted.json()).attempt.result).toMatchObject({ score: 20, maxScore: 20, passed: true });
    const late = await put(me(), { itemId: attempt.questions[0]!.id, response: null, version: 10_000 });
    expect(late.status).toBe(409);
    expect((await errorOf(late)).code).toBe('ATTEMPT_CLOSED');
  });

  it('reviews per policy and verifies the certificate on the public page', async () => {
    const review = (await (await me().get(`/api/attempts/${attempt.id}/review`)).json()).review;
    // `mistakes` lists every question; a right one carries no key, rules or per-choice reasons beyond the trainee's answer.
    expect(review).toMatchObject({ policy: 'mistakes', passed: true });
    expect(review.items).toHaveLength(20);
    for (const item of review.items) expect(item).toMatchObject({ correct: true, explanation: [], options: [] });
    const page = await new Client(server.url).get(`/verify/${review.certificateId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('有效');
    expect(html).toContain(trainee.name);
    expect(html).toContain('售后规则基础认证');
    expect((await new Client(server.url).get('/verify/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('lets a lead revoke the certificate (trainees may not), and the verify page then says 已撤销 with the reason', async () => {
    const certificateId = (await (await me().get(`/api/attempts/${attempt.id}/review`)).json()).review.certificateId;
    expect((await me().post(`/api/lead/certificates/${certificateId}/revoke`, { reason: '代考' })).status).toBe(403);
    expect((await clients[lead.id]!.post(`/api/lead/certificates/${certificateId}/revoke`, { reason: '代考' })).status).toBe(200);
    const again = await clients[lead.id]!.post(`/api/lead/certificates/${certificateId}/revoke`, { reason: '代考' });
    expect((await errorOf(again)).code).toBe('CERTIFICATE_REVOKED');
    const html = await (await new Client(server.url).get(`/verify/${certificateId}`)).text();
    expect(html).toContain('已撤销');
    expect(html).toContain('代考');
  });

  it('serves the exam page to a signed-in trainee with no question text in the HTML, and sends others to sign in', async () => {
    const page = await me().get('/exams/basic-certification');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('售后规则基础认证');
    // Before a (new) attempt the page is server-rendered 考试须知 with no island; questions come only from the API.
    expect(html).toContain('考试须知');
    for (const itemId of items.map((entry) => entry.itemId)) expect(html).not.toContain(content.lookup(itemId)!.item.stem.slice(0, 20));
    expect((await new Client(server.url).get('/exams/basic-certification')).status).not.toBe(200);
  });

  it('lists the exam, the attempt and the certificate on /me', async () => {
    const html = await (await me().get('/me')).text();
    expect(html).toContain('/exams/basic-certification');
    expect(html).toContain(`?attempt=${attempt.id}`);
    expect(html).toContain('/verify/');
  });
});
