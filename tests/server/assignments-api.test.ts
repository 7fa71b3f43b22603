import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatBeijingTime } from '../../src/rules/index.ts';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { seedUsersWithSessions, signedInClient } from './exam-takers.ts';
import { Client, errorOf } from './http-client.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 60_000 });

// A copy of content/ with a second exam for assigned cohorts only: the shipped exam is for everyone.
const ASSIGNED_EXAM = 'assigned-certification';
const EVERYONE_EXAM = 'basic-certification';
const H = 3_600_000;
const D = 24 * H;
const at = (ms: number) => formatBeijingTime(ms).slice(0, 16);

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-ASSIGN-1', cohort: null });
const one = newUser({ name: '一组学员', employeeId: 'E-ASSIGN-1', cohort: '售后一组' });
const two = newUser({ name: '二组学员', employeeId: 'E-ASSIGN-2', cohort: '售后二组' });
const late = newUser({ name: '三组学员', employeeId: 'E-ASSIGN-3', cohort: '售后三组' });
let server: TestServer;
let dataDir: string;
let contentDir: string;
let tokens: Record<string, string>;
const as = (user: { id: string }) => signedInClient(server.url, tokens[user.id]!);

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  contentDir = await mkdtemp(join(tmpdir(), 'asa-content-'));
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  const exam = await readFile(join(contentDir, 'exams', `${EVERYONE_EXAM}.yaml`), 'utf8');
  await writeFile(
    join(contentDir, 'exams', `${ASSIGNED_EXAM}.yaml`),
    `${exam.replace(`id: ${EVERYONE_EXAM}`, `id: ${ASSIGNED_EXAM}`).replace('title: 售后规则基础认证', 'title: 布置专用认证')}audience: assigned\n`,
  );
  tokens = await seedUsersWithSessions(dataDir, [lead, one, two, late]);
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

const body = (overrides: Record<string, unknown> = {}) => {
  const now = Date.now();
  return { examId: ASSIGNED_EXAM, cohorts: ['售后一组'], opensAt: at(now - H), closesAt: '', dueAt: at(now + 7 * D), note: '本月完成', ...overrides };
};

async function create(overrides: Record<string, unknown> = {}) {
  const response = await as(lead).post('/api/lead/assignments', body(overrides));
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { assignment: { id: string; revision: number } }).assignment;
}

describe('assignment API: who may use it', () => {
  it('answers anonymous requests 401 and trainees 403, as JSON, and never changes anything', async () => {
    for (const [method, path] of [
      ['GET', '/api/lead/assignments'],
      ['POST', '/api/lead/assignments'],
      ['GET', '/api/lead/assignments/x'],
      ['POST', '/api/lead/assignments/x'],
      ['POST', '/api/lead/assignments/x/delete'],
    ] as const) {
      const anonymous = await new Client(server.url).send(method, path, method === 'POST' ? { json: body() } : {});
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
      const trainee = await as(one).send(method, path, method === 'POST' ? { json: body() } : {});
      expect(trainee.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(trainee)).code).toBe('FORBIDDEN');
    }
    const list = await as(lead).get('/api/lead/assignments');
    expect(((await list.json()) as { assignments: unknown[] }).assignments).toEqual([]);
  });

  it('sends anonymous visitors of the lead page to the login and refuses trainees', async () => {
    const anonymous = await new Client(server.url).get('/lead/assignments');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    expect((await as(one).get('/lead/assignments')).status).toBe(403);
  });
});

describe('assignment API: input', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['no cohort', { cohorts: [] }, 'cohorts', /至少选择一个班组/],
    ['a cohort nobody is in', { cohorts: ['售后九组'] }, 'cohorts', /没有这个班组：售后九组/],
    ['an unknown exam', { examId: 'no-such-exam' }, 'examId', /没有这场考试/],
    ['a time in another format', { opensAt: '12/31/2026' }, 'opensAt', /YYYY-MM-DD HH:mm/],
    ['an impossible date', { dueAt: '2026-02-30 18:00' }, 'dueAt', /YYYY-MM-DD HH:mm/],
    ['a due date before the opening', { opensAt: '2026-12-31 09:00', dueAt: '2026-12-30 18:00' }, 'dueAt', /不能早于开放时间/],
    ['a close before the due date', { dueAt: '2026-12-30 18:00', opensAt: '2026-12-01 09:00', closesAt: '2026-12-30 17:00' }, 'closesAt', /晚于截止时间/],
    ['an unknown field', { revision: 3 }, '(body)', /多余的字段/],
  ];
  for (const [name, overrides, field, message] of cases) {
    it(`refuses ${name} with 400 VALIDATION_FAILED at ${field}`, async () => {
      const response = await as(lead).post('/api/lead/assignments', body(overrides));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields?.find((f) => f.field === field)?.message).toMatch(message);
    });
  }

  it('refuses a body that is not JSON with 415', async () => {
    const response = await as(lead).send('POST', '/api/lead/assignments', { body: 'examId=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes one cohort as a string and repeated cohorts once', async () => {
    const created = await create({ cohorts: '售后二组', examId: EVERYONE_EXAM });
    const read = await as(lead).get(`/api/lead/assignments/${created.id}`);
    expect(((await read.json()) as { assignment: { cohorts: string[] } }).assignment.cohorts).toEqual(['售后二组']);
    const both = await create({ cohorts: ['售后二组', ' 售后一组 ', '售后二组'], examId: EVERYONE_EXAM });
    expect(((await (await as(lead).get(`/api/lead/assignments/${both.id}`)).json()) as { assignment: { cohorts: string[] } }).assignment.cohorts).toEqual([
      '售后二组',
      '售后一组',
    ]);
    for (const { id, revision } of [created, both]) {
      expect((await as(lead).post(`/api/lead/assignments/${id}/delete`, { revision })).status).toBe(200);
    }
  });
});

describe('assignment API: editing', () => {
  it('updates from the current revision, refuses a stale one with 409, and deletes', async () => {
    const created = await create({ examId: EVERYONE_EXAM, cohorts: ['售后二组'] });
    expect(created.revision).toBe(1);
    const updated = await as(lead).post(`/api/lead/assignments/${created.id}`, { ...body({ examId: EVERYONE_EXAM, note: '改了' }), revision: 1 });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { assignment: { revision: number; note: string } }).assignment).toMatchObject({ revision: 2, note: '改了' });
    const stale = await as(lead).post(`/api/lead/assignments/${created.id}`, { ...body({ examId: EVERYONE_EXAM }), revision: 1 });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).code).toBe('ASSIGNMENT_CONFLICT');
    expect((await errorOf(await as(lead).post(`/api/lead/assignments/${created.id}/delete`, { revision: 1 }))).code).toBe('ASSIGNMENT_CONFLICT');
    expect((await as(lead).post(`/api/lead/assignments/${created.id}/delete`, { revision: 2 })).status).toBe(200);
    for (const response of [
      await as(lead).get(`/api/lead/assignments/${created.id}`),
      await as(lead).post(`/api/lead/assignments/${created.id}`, { ...body(), revision: 2 }),
      await as(lead).post(`/api/lead/assignments/${created.id}/delete`, { revision: 2 }),
    ]) {
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('ASSIGNMENT_NOT_FOUND');
    }
  });
});

describe('starting an exam for assigned cohorts only (server clock)', () => {
  it('refuses before the window opens, other cohorts always, and lets the cohort in once it is open', async () => {
    const now = Date.now();
    const assignment = await create({ opensAt: at(now + 2 * D), dueAt: at(now + 9 * D) });
    const early = await as(one).post(`/api/exams/${ASSIGNED_EXAM}/start`, {});
    expect(early.status).toBe(403);
    expect((await errorOf(early)).code).toBe('ASSIGNMENT_NOT_YET_OPEN');
    const other = await as(two).post(`/api/exams/${ASSIGNED_EXAM}/start`, {});
    expect(other.status).toBe(403);
    expect((await errorOf(other)).code).toBe('EXAM_NOT_ASSIGNED');
    // The exam for everyone is untouched by assignments (today's behaviour).
    expect((await as(two).post(`/api/exams/${EVERYONE_EXAM}/start`, {})).status).toBe(201);

    const opened = await as(lead).post(`/api/lead/assignments/${assignment.id}`, { ...body({ opensAt: at(now - H) }), revision: 1 });
    expect(opened.status).toBe(200);
    const started = await as(one).post(`/api/exams/${ASSIGNED_EXAM}/start`, {});
    expect(started.status).toBe(201);

    const me = await (await as(one).get('/me')).text();
    expect(me).toContain('布置给我的考试');
    expect(me).toMatch(/data-my-assignment="[^"]+" data-status="in-progress"/);
    expect(me).toContain('继续考试');
    // The other cohort is neither shown the assignment nor offered the exam.
    const otherMe = await (await as(two).get('/me')).text();
    expect(otherMe).not.toContain('布置专用认证');
  });

  it('refuses once the window has closed', async () => {
    const now = Date.now();
    await create({ cohorts: ['售后三组'], opensAt: at(now - 10 * D), dueAt: at(now - 5 * D), closesAt: at(now - 2 * D) });
    const closed = await as(late).post(`/api/exams/${ASSIGNED_EXAM}/start`, {});
    expect(closed.status).toBe(403);
    expect((await errorOf(closed)).code).toBe('ASSIGNMENT_CLOSED');
    const me = await (await as(late).get('/me')).text();
    expect(me).toMatch(/data-status="overdue"/);
    expect(me).toContain('已逾期 5 天');
  });
});
