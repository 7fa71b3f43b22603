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

const form = (fields: Record<string, string>) => ({
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
