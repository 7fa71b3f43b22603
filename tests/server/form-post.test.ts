import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, setupLinkFrom, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client, errorOf } from './http-client.ts';

// Forms posted without JavaScript (src/server/http/form-post.ts): the same API routes, schemas and error codes,
// answered as pages. The browser journey is in tests/e2e/account-state.test.ts.
vi.setConfig({ testTimeout: 30_000 });

let server: TestServer;
let dataDir: string;
const LEAD = { name: '表单组长', employeeId: 'LEAD-FORM1', password: '表单提交测试的组长口令' };

const form = (fields: Record<string, string> | [string, string][]) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  server = await startServer({ dataDir });
  const setup = new Client(server.url);
  const token = (await setupLinkFrom(server)).searchParams.get('token')!;
  expect((await setup.post('/api/auth/setup', { ...LEAD, token })).status).toBe(201);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a form posted without JavaScript', () => {
  it('keeps answering 415 to a form body without the _form marker (API clients send JSON)', async () => {
    const response = await new Client(server.url).send('POST', '/api/auth/login', form({ employeeId: LEAD.employeeId, password: LEAD.password }));
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('re-renders the login page with the catalogued message and status, keeping the id but never the password', async () => {
    const response = await new Client(server.url).send(
      'POST',
      '/api/auth/login',
      form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: 'a wrong password' }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const html = await response.text();
    expect(html).toContain('<h1>登录</h1>');
    expect(html).toContain('工号或密码不正确');
    expect(html).toContain(`value="${LEAD.employeeId}"`);
    expect(html).not.toContain('a wrong password');
  });

  it('validates with the same schema: an empty id is a field error under the field', async () => {
    const response = await new Client(server.url).send('POST', '/api/auth/login', form({ _form: '1', _from: '/login', employeeId: '', password: 'x' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="employeeId-error"[^>]*>请填写工号</);
    expect(html).toMatch(/aria-invalid="true"/);
  });

  it('signs in with a 303 to the role home and both cookies; logout is a 303 to /login clearing both', async () => {
    const client = new Client(server.url);
    const login = await client.send('POST', '/api/auth/login', form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: LEAD.password }));
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/lead');
    const session = client.lastSetCookies.find((c) => c.name === 'asa_session')!;
    const hint = client.lastSetCookies.find((c) => c.name === 'asa_who')!;
    expect(session.attributes.has('httponly')).toBe(true);
    expect(hint.attributes.has('httponly')).toBe(false);
    expect(JSON.parse(decodeURIComponent(hint.value))).toEqual({ n: LEAD.name, r: 'lead' });
    expect((await client.get('/lead')).status).toBe(200);

    const logout = await client.send('POST', '/api/auth/logout', form({ _form: '1' }));
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toBe('/login');
    expect(client.cookies.has('asa_session')).toBe(false);
    expect(client.cookies.has('asa_who')).toBe(false);
    expect((await client.get('/lead')).status).toBe(302);
  });

  it('记住我 ticked: both cookies carry Max-Age (30 days, as the server keeps the session); unticked: neither does', async () => {
    const remembered = new Client(server.url);
    const login = await remembered.send(
      'POST',
      '/api/auth/login',
      form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: LEAD.password, remember: 'on' }),
    );
    expect(login.status).toBe(303);
    for (const name of ['asa_session', 'asa_who'])
      expect(remembered.lastSetCookies.find((c) => c.name === name)?.attributes.get('max-age')).toBe(String(30 * 24 * 3600));
    // A page rendered afterwards leaves both cookies alone (it once wrote the display cookie again, without Max-Age).
    expect((await remembered.get('/lead')).status).toBe(200);
    expect(remembered.lastSetCookies).toEqual([]);

    const browserOnly = new Client(server.url);
    expect((await browserOnly.send('POST', '/api/auth/login', form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: LEAD.password }))).status).toBe(303);
    for (const name of ['asa_session', 'asa_who'])
      expect(browserOnly.lastSetCookies.find((c) => c.name === name)?.attributes.has('max-age')).toBe(false);

    // A value a checkbox never sends is the schema's field error, as with JSON.
    const odd = await new Client(server.url).send(
      'POST',
      '/api/auth/login',
      form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: LEAD.password, remember: 'forever' }),
    );
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain('“记住我”的值不正确');
  });

  it('sends a group of checkboxes as a list: two cohorts ticked are both assigned, one ticked is a list of one', async () => {
    const client = new Client(server.url);
    expect((await client.send('POST', '/api/auth/login', form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: LEAD.password }))).status).toBe(303);
    // An assignment names cohorts that have trainees.
    for (const [index, cohort] of ['表单一组', '表单二组', '表单三组'].entries()) {
      expect((await client.post('/api/lead/trainees', { name: `表单学员${index}`, employeeId: `FORM-T${index}`, cohort })).status).toBe(201);
    }
    const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const now = Date.now();
    const fields = (cohorts: string[]): [string, string][] => [
      ['_form', '1'],
      ['_from', '/lead/assignments'],
      ['examId', 'basic-certification'],
      ...cohorts.map((name): [string, string] => ['cohorts', name]),
      ['opensAt', beijing(now - 3_600_000)],
      ['closesAt', ''],
      ['dueAt', beijing(now + 7 * 86_400_000)],
      ['note', ''],
    ];
    for (const cohorts of [['表单一组', '表单二组'], ['表单三组']]) {
      const response = await client.send('POST', '/api/lead/assignments', form(fields(cohorts)));
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/lead/assignments');
    }
    const listed = (await (await client.get('/api/lead/assignments')).json()) as { assignments: { cohorts: string[] }[] };
    expect(listed.assignments.map((a) => [...a.cohorts].sort())).toEqual(
      expect.arrayContaining([['表单一组', '表单二组'], ['表单三组']]),
    );
  });

  it('follows only a same-site _from and a same-site redirect', async () => {
    const response = await new Client(server.url).send(
      'POST',
      '/api/auth/login?next=https://evil.example/',
      form({ _form: '1', _from: '//evil.example/login', employeeId: LEAD.employeeId, password: 'wrong again' }),
    );
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).not.toContain('evil.example');
    expect(html).toContain('工号或密码不正确');
  });

  it('refuses a cross-site form post before anything runs', async () => {
    const response = await new Client(server.url).send('POST', '/api/auth/login', {
      ...form({ _form: '1', _from: '/login', employeeId: LEAD.employeeId, password: LEAD.password }),
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('CROSS_ORIGIN_REFUSED');
  });
});
