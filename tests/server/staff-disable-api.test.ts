import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, setupLinkFrom, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client, errorOf } from './http-client.ts';

// Each test talks to a real server process; a loaded 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

// One server on a fresh data folder; the tests build on each other in order. The last-lead rule is also checked
// deterministically, on both stores, in the store contract (tests/store/contract.ts).
let server: TestServer;
let dataDir: string;
const lead = { client: null as unknown as Client, id: '', employeeId: 'LEAD-00001', password: '售后规则学堂的组长口令' };
const author = { client: null as unknown as Client, id: '', employeeId: 'AUTHOR-0001', password: '出题人的工作室口令2026' };
const second = { client: null as unknown as Client, id: '', employeeId: 'LEAD-00002', password: '第二位组长的登录口令' };

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  server = await startServer({ dataDir });
  lead.client = new Client(server.url);
  const setupLink = await setupLinkFrom(server);
  const setup = await lead.client.post('/api/auth/setup', {
    name: '王组长',
    employeeId: lead.employeeId,
    password: lead.password,
    token: setupLink.searchParams.get('token'),
  });
  expect(setup.status).toBe(201);
  lead.id = ((await setup.json()) as { user: { id: string } }).user.id;
  for (const [account, name, role] of [[author, '赵出题', 'author'], [second, '李组长', 'lead']] as const) {
    const added = await lead.client.post('/api/lead/staff', { name, employeeId: account.employeeId, role });
    const { staff, link } = (await added.json()) as { staff: { id: string }; link: { url: string } };
    account.id = staff.id;
    account.client = new Client(server.url);
    const token = new URL(link.url).searchParams.get('token');
    expect((await account.client.post('/api/auth/activate', { token, password: account.password })).status).toBe(200);
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function statusOf(client: Client, id: string): Promise<string> {
  const list = (await (await client.get('/api/lead/staff')).json()) as { staff: { id: string; status: string }[] };
  return list.staff.find((member) => member.id === id)!.status;
}

describe('disabling staff accounts', () => {
  it('disabling an author ends its session at once and refuses login until re-enabled, password unchanged', async () => {
    expect((await author.client.get('/api/studio/files')).status).toBe(200);
    const disabled = await lead.client.post(`/api/lead/staff/${author.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ staff: { id: author.id, role: 'author', status: 'disabled' } });
    expect((await author.client.get('/api/studio/files')).status).toBe(401);
    const page = await author.client.get('/lead/studio');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?next=%2Flead%2Fstudio');
    const refused = await author.client.post('/api/auth/login', { employeeId: author.employeeId, password: author.password });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('ACCOUNT_DISABLED');

    const enabled = await lead.client.post(`/api/lead/staff/${author.id}/enable`);
    expect(await enabled.json()).toMatchObject({ staff: { id: author.id, status: 'active' } });
    expect((await author.client.post('/api/auth/login', { employeeId: author.employeeId, password: author.password })).status).toBe(200);
    expect((await author.client.get('/lead/studio')).status).toBe(200);
  });

  it('refuses a lead disabling their own account with 409 and a Chinese message', async () => {
    const self = await lead.client.post(`/api/lead/staff/${lead.id}/disable`);
    expect(self.status).toBe(409);
    expect(await errorOf(self)).toMatchObject({ code: 'STAFF_SELF', message: '不能停用自己的账号。如需停用，请让另一位组长操作。' });
    expect(await statusOf(lead.client, lead.id)).toBe('active');
    expect((await lead.client.get('/api/lead/staff')).status).toBe(200);
  });

  it('lets another lead disable a lead (ending its session) and re-enable it', async () => {
    expect((await second.client.post(`/api/lead/staff/${lead.id}/disable`)).status).toBe(200);
    expect((await lead.client.get('/api/lead/staff')).status).toBe(401);
    expect((await second.client.post(`/api/lead/staff/${lead.id}/enable`)).status).toBe(200);
    expect((await lead.client.post('/api/auth/login', { employeeId: lead.employeeId, password: lead.password })).status).toBe(200);
    expect(await statusOf(lead.client, lead.id)).toBe('active');
  });

  it('never disables the last active lead, even when two leads disable each other at the same moment', async () => {
    for (let round = 0; round < 4; round += 1) {
      const [byFirst, bySecond] = await Promise.all([
        lead.client.post(`/api/lead/staff/${second.id}/disable`),
        second.client.post(`/api/lead/staff/${lead.id}/disable`),
      ]);
      // One wins; the other is signed out before its request is checked (401) or refused by the store (409).
      const statuses = [byFirst.status, bySecond.status].sort();
      expect([[200, 401], [200, 409]]).toContainEqual(statuses);
      for (const response of [byFirst, bySecond]) {
        if (response.status !== 409) continue;
        expect(await errorOf(response)).toMatchObject({
          code: 'LAST_ACTIVE_LEAD',
          message: '不能停用最后一位可以登录的组长，否则没有人能管理学堂。请先添加并激活另一位组长。',
        });
      }
      const [winner, loser] = byFirst.status === 200 ? [lead, second] : [second, lead];
      expect(await statusOf(winner.client, loser.id)).toBe('disabled');
      expect(await statusOf(winner.client, winner.id)).toBe('active');
      expect((await winner.client.post(`/api/lead/staff/${loser.id}/enable`)).status).toBe(200);
      expect((await loser.client.post('/api/auth/login', { employeeId: loser.employeeId, password: loser.password })).status).toBe(200);
    }
  });

  it('refuses trainees and unknown ids (404), other methods (405), and authors (403)', async () => {
    expect((await errorOf(await lead.client.post('/api/lead/staff/no-such-id/disable'))).code).toBe('STAFF_NOT_FOUND');
    expect((await errorOf(await lead.client.post('/api/lead/staff/no-such-id/enable'))).code).toBe('STAFF_NOT_FOUND');
    const trainee = await lead.client.post('/api/lead/trainees', { name: '张三', employeeId: 'TRAINEE-0001', cohort: '售后一组' });
    const traineeId = ((await trainee.json()) as { trainee: { id: string } }).trainee.id;
    expect((await errorOf(await lead.client.post(`/api/lead/staff/${traineeId}/disable`))).code).toBe('STAFF_NOT_FOUND');
    expect((await lead.client.get(`/api/lead/staff/${author.id}/disable`)).status).toBe(405);
    expect((await author.client.post(`/api/lead/staff/${lead.id}/disable`)).status).toBe(403);
    expect(await statusOf(lead.client, lead.id)).toBe('active');
  });
});
