import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, setupLinkFrom, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client, errorOf } from './http-client.ts';

// Each test talks to a real server process; a loaded 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

// One server on a fresh data folder, walked through the account lifecycle in order; each `it` builds on the last.
let server: TestServer;
let dataDir: string;
let setupLink: URL;
let lead: Client;
const LEAD = { name: '王组长', employeeId: 'LEAD-00001', password: '售后规则学堂的组长口令' };
const links = new Map<string, string>();

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  server = await startServer({ dataDir });
  lead = new Client(server.url);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

describe('first run', () => {
  it('prints a one-time setup link for this host and port at start, and stores only its hash', async () => {
    setupLink = await setupLinkFrom(server);
    expect(setupLink.origin).toBe(server.url);
    const token = setupLink.searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const accounts = await readFile(join(dataDir, 'accounts.json'), 'utf8');
    expect(accounts).not.toContain(token);
    expect(JSON.parse(accounts).setup.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the setup form only for the printed token', async () => {
    const anonymous = new Client(server.url);
    expect((await anonymous.get(`/setup${setupLink.search}`)).status).toBe(200);
    const wrong = await anonymous.get('/setup?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('链接无效或已经失效');
  });

  it('refuses a weak password, the employee id as password, and a wrong token, with stable codes', async () => {
    const token = setupLink.searchParams.get('token')!;
    const short = await lead.post('/api/auth/setup', { ...LEAD, token, password: 'short' });
    expect(short.status).toBe(400);
    expect(await errorOf(short)).toMatchObject({ code: 'PASSWORD_TOO_SHORT', fields: [{ field: 'password' }] });
    const same = await lead.post('/api/auth/setup', { ...LEAD, token, password: 'lead-00001' });
    expect(await errorOf(same)).toMatchObject({ code: 'PASSWORD_IS_EMPLOYEE_ID' });
    const wrong = await lead.post('/api/auth/setup', { ...LEAD, token: 'B'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect((await errorOf(wrong)).code).toBe('SETUP_TOKEN_INVALID');
  });

  it('creates the first lead and signs them in with an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await lead.post('/api/auth/setup', { ...LEAD, token: setupLink.searchParams.get('token') });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      user: { role: 'lead', employeeId: LEAD.employeeId },
      redirect: '/lead',
    });
    const cookie = lead.lastSetCookies.find((c) => c.name === 'asa_session')!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes.has('httponly')).toBe(true);
    expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
    expect(cookie.attributes.get('path')).toBe('/');
    // Plain http here; over https (or PUBLIC_URL=https://…) the cookie is also Secure.
    expect(cookie.attributes.has('secure')).toBe(false);
    expect(await readFile(join(dataDir, 'sessions.json'), 'utf8')).not.toContain(cookie.value);
  });

  it('refuses the setup link and the setup API once a lead exists', async () => {
    const again = await lead.post('/api/auth/setup', {
      ...LEAD,
      employeeId: 'LEAD-00002',
      token: setupLink.searchParams.get('token'),
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('SETUP_ALREADY_DONE');
    const page = await new Client(server.url).get(`/setup${setupLink.search}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('初始设置已经完成');
  });
});

describe('login and sessions', () => {
  it('rotates the session id at login: the cookie the request came with stops working', async () => {
    const before = lead.cookies.get('asa_session')!;
    const response = await lead.post('/api/auth/login', { employeeId: 'lead-00001', password: LEAD.password });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { role: 'lead' }, redirect: '/lead' });
    const after = lead.cookies.get('asa_session')!;
    expect(after).not.toBe(before);
    const stale = new Client(server.url);
    stale.cookies.set('asa_session', before);
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect(await (await lead.get('/api/auth/me')).json()).toMatchObject({ user: { name: LEAD.name, role: 'lead' } });
  });

  it('follows a same-site next parameter after login and ignores an off-site one', async () => {
    const client = new Client(server.url);
    const next = await client.post('/api/auth/login?next=%2Flead%2Ftrainees', {
      employeeId: LEAD.employeeId,
      password: LEAD.password,
    });
    expect((await next.json()).redirect).toBe('/lead/trainees');
    const evil = await client.post('/api/auth/login?next=%2F%2Fevil.example', {
      employeeId: LEAD.employeeId,
      password: LEAD.password,
    });
    expect((await evil.json()).redirect).toBe('/lead');
  });
});

describe('trainees', () => {
  it('imports trainees from a UTF-8 CSV with BOM, reporting bad rows and duplicates by line number', async () => {
    const csv = [
      '\uFEFF姓名,工号,班组',
      '张三,TRAINEE-0001,售后一组',
      '李四,TRAINEE-0002,售后一组',
      ',TRAINEE-0003,售后二组',
      '王五,trainee-0001,售后二组',
      '赵六,LEAD-00001,售后二组',
      '"钱七, 小名",TRAINEE-0004,售后二组',
    ].join('\r\n');
    const response = await lead.post('/api/lead/trainees/import', { csv });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      imported: {
        line: number;
        trainee: { name: string; employeeId: string; status: string };
        link: { url: string; expiresAt: number };
      }[];
      errors: { line: number; code: string; message: string }[];
    };
    expect(body.imported.map((i) => [i.line, i.trainee.employeeId, i.trainee.status])).toEqual([
      [2, 'TRAINEE-0001', 'pending'],
      [3, 'TRAINEE-0002', 'pending'],
      [7, 'TRAINEE-0004', 'pending'],
    ]);
    expect(body.imported[2]!.trainee.name).toBe('钱七, 小名');
    expect(body.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'ROW_INVALID'],
      [5, 'DUPLICATE_IN_FILE'],
      [6, 'EMPLOYEE_ID_TAKEN'],
    ]);
    expect(body.errors[0]!.message).toBe('请填写姓名');
    for (const { trainee, link } of body.imported) {
      expect(link.url).toMatch(new RegExp(`^${server.url}/activate\\?token=[A-Za-z0-9_-]{43}$`));
      expect(link.expiresAt - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
      links.set(trainee.employeeId, link.url);
    }
    expect(await readFile(join(dataDir, 'accounts.json'), 'utf8')).not.toContain(tokenOf(links.get('TRAINEE-0001')!));
  });

  it('imports the English header without a BOM, and refuses a wrong header or a non-UTF-8 file whole', async () => {
    const english = await lead.post('/api/lead/trainees/import', {
      csv: 'name,employeeId,cohort\nSun Ba,TRAINEE-0005,Team 3\n',
    });
    expect((await english.json()).imported).toHaveLength(1);
    const header = await lead.post('/api/lead/trainees/import', { csv: 'a,b,c\n1,2,3' });
    expect(header.status).toBe(400);
    expect((await errorOf(header)).code).toBe('CSV_BAD_HEADER');
    const gbk = await lead.post('/api/lead/trainees/import', { csv: '\uFFFD\uFFFD,\uFFFD\uFFFD,\uFFFD\uFFFD\n' });
    expect((await errorOf(gbk)).code).toBe('CSV_NOT_UTF8');
  });

  it('adds one trainee with a link and refuses a taken employee id', async () => {
    const added = await lead.post('/api/lead/trainees', {
      name: '周九',
      employeeId: 'TRAINEE-0006',
      cohort: '售后二组',
    });
    expect(added.status).toBe(201);
    links.set('TRAINEE-0006', ((await added.json()) as { link: { url: string } }).link.url);
    const taken = await lead.post('/api/lead/trainees', {
      name: '周九',
      employeeId: 'trainee-0006',
      cohort: '售后二组',
    });
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toMatchObject({ code: 'EMPLOYEE_ID_TAKEN', fields: [{ field: 'employeeId' }] });
    const list = (await (await lead.get('/api/lead/trainees')).json()) as {
      trainees: { employeeId: string; cohort: string }[];
    };
    // Sorted by cohort (一组 before 二组, Latin after Han), then employee id.
    expect(list.trainees.map((t) => t.employeeId)).toEqual([
      'TRAINEE-0001',
      'TRAINEE-0002',
      'TRAINEE-0004',
      'TRAINEE-0006',
      'TRAINEE-0005',
    ]);
    expect(JSON.stringify(list)).not.toContain('passwordHash');
  });

  it('adds a 出题人 with a link, refuses a trainee role or a cohort, and the author lands in the studio only', async () => {
    for (const body of [
      { name: '赵出题', employeeId: 'AUTHOR-0001', role: 'trainee' },
      { name: '赵出题', employeeId: 'AUTHOR-0001', role: 'author', cohort: '售后一组' },
    ]) {
      const refused = await lead.post('/api/lead/staff', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const added = await lead.post('/api/lead/staff', { name: '赵出题', employeeId: 'AUTHOR-0001', role: 'author' });
    expect(added.status).toBe(201);
    const { staff, link: first } = (await added.json()) as { staff: { id: string; role: string; status: string; cohort: null }; link: { url: string } };
    expect(staff).toMatchObject({ role: 'author', status: 'pending', cohort: null });
    // A new link while pending replaces the first one.
    const relinked = await lead.post(`/api/lead/staff/${staff.id}/activation`);
    expect(relinked.status).toBe(201);
    const { link } = (await relinked.json()) as { link: { url: string } };
    const old = await new Client(server.url).post('/api/auth/activate', { token: tokenOf(first.url), password: '出题人的工作室口令2026' });
    expect(old.status).toBeGreaterThanOrEqual(400);
    const taken = await lead.post('/api/lead/staff', { name: '赵出题', employeeId: 'author-0001', role: 'lead' });
    expect(await errorOf(taken)).toMatchObject({ code: 'EMPLOYEE_ID_TAKEN', fields: [{ field: 'employeeId' }] });
    const list = (await (await lead.get('/api/lead/staff')).json()) as { staff: { employeeId: string; role: string }[] };
    expect(list.staff.map((s) => [s.employeeId, s.role])).toEqual([['AUTHOR-0001', 'author'], ['LEAD-00001', 'lead']]);
    const trainees = (await (await lead.get('/api/lead/trainees')).json()) as { trainees: { employeeId: string }[] };
    expect(trainees.trainees.map((t) => t.employeeId)).not.toContain('AUTHOR-0001');

    const author = new Client(server.url);
    const ok = await author.post('/api/auth/activate', { token: tokenOf(link.url), password: '出题人的工作室口令2026' });
    expect(await ok.json()).toMatchObject({ user: { role: 'author' }, redirect: '/lead/studio' });
    // No reset link for an active staff account (one lead must not take over another's), and none for trainees here.
    expect(await errorOf(await lead.post(`/api/lead/staff/${staff.id}/activation`))).toMatchObject({ code: 'STAFF_ALREADY_ACTIVE' });
    const someTrainee = trainees.trainees[0] as { id?: string };
    expect(await errorOf(await lead.post(`/api/lead/staff/${someTrainee.id}/activation`))).toMatchObject({ code: 'STAFF_NOT_FOUND' });
    expect((await author.get('/api/studio/files')).status).toBe(200);
    expect((await author.get('/lead/studio')).status).toBe(200);
    for (const path of ['/api/lead/trainees', '/api/lead/staff', '/lead', '/lead/trainees', '/lead/assignments']) {
      expect((await author.get(path)).status, path).toBe(403);
    }
    expect((await author.post('/api/lead/staff', { name: '钱', employeeId: 'AUTHOR-0002', role: 'lead' })).status).toBe(403);
  });

  it('imports a GBK file from Excel on Chinese Windows sent as bytes, says which encoding it read, and keeps row errors', async () => {
    // GBK code points from the code table: 姓名,工号,班组 / 孙二,GBK-0001,售后一组 / ,GBK-0002,售后一组 (no name).
    const gbk = Buffer.concat([
      Buffer.from('d0d5c3fb2cb9a4bac52cb0e0d7e90d0a', 'hex'),
      Buffer.from('cbefb6fe', 'hex'), Buffer.from(',GBK-0001,'), Buffer.from('cadbbaf3d2bbd7e90d0a', 'hex'),
      Buffer.from(',GBK-0002,'), Buffer.from('cadbbaf3d2bbd7e90d0a', 'hex'),
    ]);
    const response = await lead.post('/api/lead/trainees/import', { csvBase64: gbk.toString('base64') });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      encoding: string;
      imported: { line: number; trainee: { name: string; employeeId: string; cohort: string } }[];
      errors: { line: number; code: string; message: string }[];
    };
    expect(body.encoding).toBe('GB18030');
    expect(body.imported.map((i) => [i.line, i.trainee.name, i.trainee.employeeId, i.trainee.cohort])).toEqual([[2, '孙二', 'GBK-0001', '售后一组']]);
    expect(body.errors).toEqual([{ line: 3, employeeId: 'GBK-0002', code: 'ROW_INVALID', message: '请填写姓名' }]);

    const utf8 = Buffer.from('\uFEFF姓名,工号,班组\r\n周十,UTF-0001,售后二组\r\n');
    const utf8Body = (await (await lead.post('/api/lead/trainees/import', { csvBase64: utf8.toString('base64') })).json()) as typeof body;
    expect(utf8Body.encoding).toBe('UTF-8');
    expect(utf8Body.imported.map((i) => i.trainee.name)).toEqual(['周十']);

    const neither = await lead.post('/api/lead/trainees/import', { csvBase64: Buffer.from([0x61, 0xff, 0x0a]).toString('base64') });
    expect(neither.status).toBe(400);
    expect((await errorOf(neither)).code).toBe('CSV_UNKNOWN_ENCODING');
    for (const wrong of [{}, { csv: 'a', csvBase64: 'YQ==' }, { csvBase64: '不是base64' }]) {
      const refused = await lead.post('/api/lead/trainees/import', wrong);
      expect(refused.status, JSON.stringify(wrong)).toBe(400);
      expect((await errorOf(refused)).code).toBe('VALIDATION_FAILED');
    }
  });

  it('stores a name NFC-normalised and trimmed, and refuses lone surrogates, invalid UTF-8 and control characters', async () => {
    const refused = async (name: string) => {
      const response = await lead.post('/api/lead/trainees', { name, employeeId: 'TRAINEE-NAME', cohort: '售后二组' });
      expect(response.status, JSON.stringify(name)).toBe(400);
      return (await errorOf(response)) as unknown as { fields: { field: string; message: string }[] };
    };
    expect((await refused('张\ud800三')).fields).toEqual([{ field: 'name', message: '姓名里有无法识别的字符（可能是文件或输入法编码有误），请重新输入' }]);
    expect((await refused('张\udfff')).fields[0]!.field).toBe('name');
    expect((await refused('张\u0007三')).fields).toEqual([{ field: 'name', message: '姓名里有不可见字符，请重新输入' }]);
    expect((await refused('张\u200b三')).fields[0]!.field).toBe('name');
    // Bytes that are not UTF-8 (GBK 张三) decode to U+FFFD on the server.
    const gbk = Uint8Array.from([...Buffer.from('{"name":"'), 0xd5, 0xc5, 0xc8, 0xfd, ...Buffer.from('","employeeId":"TRAINEE-NAME","cohort":"售后二组"}')]);
    const bytes = await lead.send('POST', '/api/lead/trainees', { body: gbk, headers: { 'content-type': 'application/json' } });
    expect(bytes.status).toBe(400);
    expect(await errorOf(bytes)).toMatchObject({ fields: [{ field: 'name' }] });

    // “José” with the accent as a combining mark: stored as the one-character form.
    const added = await lead.post('/api/lead/trainees', { name: '  Jose\u0301 ', employeeId: 'TRAINEE-NAME', cohort: '售后二组' });
    expect(added.status).toBe(201);
    const list = (await (await lead.get('/api/lead/trainees')).json()) as { trainees: { employeeId: string; name: string }[] };
    expect(list.trainees.find((t) => t.employeeId === 'TRAINEE-NAME')?.name).toBe('Jos\u00e9');
  });
});

describe('activation', () => {
  let trainee: Client;

  it('shows whose link it is, refuses the employee id or a short password, then activates and signs in', async () => {
    trainee = new Client(server.url);
    const token = tokenOf(links.get('TRAINEE-0001')!);
    const page = await trainee.get(`/activate?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('张三');
    const same = await trainee.post('/api/auth/activate', { token, password: 'Trainee-0001' });
    expect((await errorOf(same)).code).toBe('PASSWORD_IS_EMPLOYEE_ID');
    const short = await trainee.post('/api/auth/activate', { token, password: '123456789' });
    expect((await errorOf(short)).code).toBe('PASSWORD_TOO_SHORT');
    const ok = await trainee.post('/api/auth/activate', { token, password: '张三的学习密码2025' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ user: { role: 'trainee', cohort: '售后一组' }, redirect: '/me' });
    expect(trainee.cookies.get('asa_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a used link and an unknown one', async () => {
    const token = tokenOf(links.get('TRAINEE-0001')!);
    const reused = await new Client(server.url).post('/api/auth/activate', { token, password: '另一个足够长的密码' });
    expect(reused.status).toBe(410);
    expect((await errorOf(reused)).code).toBe('ACTIVATION_USED');
    expect((await new Client(server.url).get(`/activate?token=${token}`)).status).toBe(410);
    const unknown = await new Client(server.url).post('/api/auth/activate', {
      token: 'C'.repeat(43),
      password: '另一个足够长的密码',
    });
    expect((await errorOf(unknown)).code).toBe('ACTIVATION_INVALID');
  });

  it('lets the trainee log in, see /me, and nothing of the lead area (403)', async () => {
    const login = await trainee.post('/api/auth/login', { employeeId: 'TRAINEE-0001', password: '张三的学习密码2025' });
    expect(await login.json()).toMatchObject({ redirect: '/me' });
    const me = await trainee.get('/me');
    expect(me.status).toBe(200);
    const html = await me.text();
    for (const text of ['张三', '售后一组', '可参加的考试', '我的考试记录', '我的证书']) expect(html).toContain(text);
    for (const path of ['/api/lead/trainees']) {
      const response = await trainee.get(path);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('FORBIDDEN');
    }
    const post = await trainee.post('/api/lead/trainees', { name: 'x', employeeId: 'HACK-1', cohort: 'x' });
    expect(post.status).toBe(403);
    for (const path of ['/lead', '/lead/trainees', '/%6Cead/trainees'])
      expect((await trainee.get(path)).status).toBe(403);
  });

  it('answers anonymous requests to lead APIs with 401 and sends anonymous pages to /login', async () => {
    const anonymous = new Client(server.url);
    const api = await anonymous.get('/api/lead/trainees');
    expect(api.status).toBe(401);
    expect((await errorOf(api)).code).toBe('UNAUTHENTICATED');
    expect((await anonymous.post('/api/lead/trainees/import', { csv: '' })).status).toBe(401);
    const page = await anonymous.get('/lead/trainees');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Flead%2Ftrainees');
    expect((await anonymous.get('/me')).headers.get('location')).toBe('/login?next=%2Fme');
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);
  });

  it('disabling a trainee ends their session and refuses login until re-enabled', async () => {
    const id = ((await (await trainee.get('/api/auth/me')).json()) as { user: { id: string } }).user.id;
    const disabled = await lead.post(`/api/lead/trainees/${id}/disable`);
    expect(await disabled.json()).toMatchObject({ trainee: { status: 'disabled' } });
    expect((await trainee.get('/api/auth/me')).status).toBe(401);
    const refused = await trainee.post('/api/auth/login', {
      employeeId: 'TRAINEE-0001',
      password: '张三的学习密码2025',
    });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('ACCOUNT_DISABLED');
    expect(await (await lead.post(`/api/lead/trainees/${id}/enable`)).json()).toMatchObject({
      trainee: { status: 'active' },
    });
    expect(
      (await trainee.post('/api/auth/login', { employeeId: 'TRAINEE-0001', password: '张三的学习密码2025' })).status,
    ).toBe(200);
    expect((await errorOf(await lead.post('/api/lead/trainees/no-such-id/disable'))).code).toBe('TRAINEE_NOT_FOUND');
  });

  it('a reset link sets a new password and signs out every session of the account', async () => {
    const id = ((await (await trainee.get('/api/auth/me')).json()) as { user: { id: string } }).user.id;
    const reset = await lead.post(`/api/lead/trainees/${id}/activation`);
    expect(reset.status).toBe(201);
    const { link } = (await reset.json()) as { link: { url: string } };
    const elsewhere = new Client(server.url);
    expect(
      (await elsewhere.post('/api/auth/activate', { token: tokenOf(link.url), password: '张三的新密码2026年' })).status,
    ).toBe(200);
    expect((await trainee.get('/api/auth/me')).status).toBe(401);
    expect(
      (await trainee.post('/api/auth/login', { employeeId: 'TRAINEE-0001', password: '张三的学习密码2025' })).status,
    ).toBe(401);
    expect(
      (await trainee.post('/api/auth/login', { employeeId: 'TRAINEE-0001', password: '张三的新密码2026年' })).status,
    ).toBe(200);
  });

  it('logout ends the session on the server and clears the cookie', async () => {
    const cookie = trainee.cookies.get('asa_session')!;
    const out = await trainee.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(trainee.cookies.has('asa_session')).toBe(false);
    const replay = new Client(server.url);
    replay.cookies.set('asa_session', cookie);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });
});

describe('cross-origin requests', () => {
  it('refuses a JSON POST from another origin, or with no Origin at all, and creates nothing', async () => {
    for (const origin of ['http://evil.example', 'null', null]) {
      const response = await lead.post(
        '/api/lead/trainees',
        { name: '跨站', employeeId: 'CSRF-1', cohort: 'x' },
        { origin },
      );
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('CROSS_ORIGIN_REFUSED');
    }
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await lead.send(method, '/api/lead/trainees', { json: {}, origin: 'http://evil.example' });
      expect((await errorOf(response)).code).toBe('CROSS_ORIGIN_REFUSED');
    }
    const list = await (await lead.get('/api/lead/trainees')).json();
    expect(JSON.stringify(list)).not.toContain('CSRF-1');
  });

  it('refuses a cross-site form post too (Astro checkOrigin) and a JSON login from another site', async () => {
    const form = await lead.send('POST', '/api/lead/trainees', {
      body: 'name=x&employeeId=CSRF-2&cohort=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      origin: 'http://evil.example',
    });
    expect(form.status).toBe(403);
    const login = await new Client(server.url).post(
      '/api/auth/login',
      { employeeId: LEAD.employeeId, password: LEAD.password },
      { origin: 'http://evil.example' },
    );
    expect(login.status).toBe(403);
  });

  it('accepts a same-origin request that carries Sec-Fetch-Site instead of Origin', async () => {
    const response = await lead.post(
      '/api/lead/trainees',
      { name: '同源', employeeId: 'SAME-1', cohort: '售后三组' },
      {
        origin: null,
        headers: { 'sec-fetch-site': 'same-origin' },
      },
    );
    expect(response.status).toBe(201);
  });
});

describe('login throttling', () => {
  it('locks an account after 5 failures with 429, Retry-After and a Chinese message, even for the right password', async () => {
    const client = new Client(server.url);
    for (let i = 1; i <= 4; i += 1) {
      const response = await client.post('/api/auth/login', {
        employeeId: 'TRAINEE-0002',
        password: `wrong password ${i}`,
      });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('LOGIN_FAILED');
    }
    const fifth = await client.post('/api/auth/login', { employeeId: 'TRAINEE-0002', password: 'wrong password 5' });
    expect(fifth.status).toBe(429);
    const retryAfter = Number(fifth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(29);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const error = await errorOf(fifth);
    expect(error).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfterSeconds: retryAfter });
    expect(error.message).toMatch(/请 \d+ 秒后再试/);
    // Locked means locked: not even the right password gets through, and nothing is hashed.
    const locked = await client.post('/api/auth/login', { employeeId: 'trainee-0002', password: 'anything' });
    expect(locked.status).toBe(429);
  });

  it('throttles unknown employee ids the same way, so the answer does not reveal which ids exist', async () => {
    const client = new Client(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1)
      codes.push((await errorOf(await client.post('/api/auth/login', { employeeId: 'NOBODY-9', password: 'x' }))).code);
    expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_THROTTLED']);
  });

  it('leaves other accounts alone', async () => {
    expect(
      (await new Client(server.url).post('/api/auth/login', { employeeId: LEAD.employeeId, password: LEAD.password }))
        .status,
    ).toBe(200);
  });
});

describe('bad input', () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    [
      'a form-encoded body',
      () =>
        lead.send('POST', '/api/auth/login', {
          body: 'a=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a text/plain body',
      () => lead.send('POST', '/api/lead/trainees', { body: '{}', headers: { 'content-type': 'text/plain' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'broken JSON',
      () =>
        lead.send('POST', '/api/auth/login', {
          body: '{"employeeId":',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'INVALID_JSON',
    ],
    [
      'an empty body',
      () => lead.send('POST', '/api/lead/trainees', { body: '', headers: { 'content-type': 'application/json' } }),
      400,
      'INVALID_JSON',
    ],
    ['a JSON array', () => lead.post('/api/lead/trainees', [1, 2]), 400, 'VALIDATION_FAILED'],
    ['JSON null', () => lead.post('/api/auth/login', null), 400, 'VALIDATION_FAILED'],
    ['wrong types', () => lead.post('/api/auth/login', { employeeId: 42, password: ['x'] }), 400, 'VALIDATION_FAILED'],
    [
      'an unknown field',
      () => lead.post('/api/lead/trainees', { name: 'a', employeeId: 'B-1', cohort: 'c', role: 'lead' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a bad employee id',
      () => lead.post('/api/lead/trainees', { name: 'a', employeeId: '../etc', cohort: 'c' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a body over 1 MiB',
      () => lead.post('/api/lead/trainees/import', { csv: 'x'.repeat(1_100_000) }),
      413,
      'BODY_TOO_LARGE',
    ],
    ['a GET on a POST-only API', () => lead.get('/api/auth/login'), 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown API path', () => lead.get('/api/nothing-here'), 404, 'NOT_FOUND'],
  ];

  it.each(cases)(
    'answers %s with a 4xx JSON error and a stable code, never a stack',
    async (_name, send, status, code) => {
      const response = await send();
      expect(response.status).toBe(status);
      const error = await errorOf(response);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('names each failing field with a Chinese message', async () => {
    const error = await errorOf(
      await lead.post('/api/lead/trainees', { name: '', employeeId: '工号', cohort: 'x'.repeat(41) }),
    );
    expect(error.fields).toEqual([
      { field: 'name', message: '请填写姓名' },
      { field: 'employeeId', message: '工号只能由字母、数字、“-”和“_”组成，并以字母或数字开头' },
      { field: 'cohort', message: '班组名称最多 40 个字' },
    ]);
  });
});

describe('unexpected failures and restarts', () => {
  it('answers an unexpected storage failure with a generic 500 JSON and logs the detail on the server', async () => {
    // Make the next session write fail: its rename would replace a directory.
    await rm(join(dataDir, 'sessions.json'));
    await mkdir(join(dataDir, 'sessions.json'));
    const response = await new Client(server.url).post('/api/auth/login', {
      employeeId: LEAD.employeeId,
      password: LEAD.password,
    });
    expect(response.status).toBe(500);
    expect(await errorOf(response)).toEqual({
      code: 'INTERNAL_ERROR',
      message: '服务器出错了，请稍后再试。如果一直这样，请联系管理员。',
    });
    await server.waitForOutput(/\[api\] POST \/api\/auth\/login failed/);
    await rm(join(dataDir, 'sessions.json'), { recursive: true });
  });

  it('keeps everything across a restart and prints no setup link once a lead exists', async () => {
    await server.stop();
    server = await startServer({ dataDir });
    expect(server.output()).not.toContain('/setup?token=');
    const client = new Client(server.url);
    expect(
      (await client.post('/api/auth/login', { employeeId: 'TRAINEE-0001', password: '张三的新密码2026年' })).status,
    ).toBe(200);
  });

  it('refuses to start on a corrupt data file, naming it, and leaves the file untouched', async () => {
    await server.stop();
    const file = join(dataDir, 'accounts.json');
    const corrupt = `${(await readFile(file, 'utf8')).slice(0, 200)}`;
    await writeFile(file, corrupt);
    const failed = await startServer({ dataDir, expectExit: true });
    expect(await failed.exited()).toBe(1);
    expect(failed.output()).toContain(`数据文件无法读取，服务器没有启动：${file}`);
    expect(failed.output()).toContain('从最近的备份恢复');
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });
});
