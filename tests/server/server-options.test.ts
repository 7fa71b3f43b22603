import { rm } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, setupLinkFrom, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { rawRequest } from '../security/raw-http.ts';
import { Client, errorOf } from './http-client.ts';

// Each test talks to a real server process; a loaded 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

// Each test starts its own server on its own data folder: these settings outlive a request (an address lock lasts
// 15 minutes) and would disturb the lifecycle walk in accounts-api.test.ts.
let server: TestServer | undefined;

beforeAll(ensureBuilt, 300_000);

afterEach(async () => {
  await server?.stop();
  if (server) await rm(server.dataDir, { recursive: true, force: true });
  server = undefined;
});

async function withLead(
  options: { env?: Record<string, string> } = {},
): Promise<{ client: Client; server: TestServer }> {
  server = await startServer({ dataDir: await tempDataDir(), ...options });
  const link = await setupLinkFrom(server);
  const client = new Client(server.url);
  const response = await client.post('/api/auth/setup', {
    token: link.searchParams.get('token'),
    name: '组长',
    employeeId: 'LEAD-00001',
    password: '一个足够长的组长密码',
  });
  expect(response.status).toBe(201);
  return { client, server };
}

describe('server options', () => {
  it('locks a client address for 15 minutes after 50 failed logins across different accounts', async () => {
    const { server } = await withLead();
    const client = new Client(server.url);
    for (let i = 0; i < 50; i += 1) {
      const response = await client.post('/api/auth/login', { employeeId: `GUESS-${i}`, password: 'password123' });
      expect(response.status).toBe(401);
    }
    const fiftyFirst = await client.post('/api/auth/login', { employeeId: 'GUESS-50', password: 'password123' });
    expect(fiftyFirst.status).toBe(429);
    expect(Number(fiftyFirst.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await errorOf(fiftyFirst)).message).toContain('15 分钟');
    // Even the lead, from that address, until the lock ends.
    const lead = await client.post('/api/auth/login', { employeeId: 'LEAD-00001', password: '一个足够长的组长密码' });
    expect(lead.status).toBe(429);
  });

  it('with PUBLIC_URL=https://…, prints links for that address, accepts its Origin and marks the cookie Secure', async () => {
    const { client, server } = await withLead({ env: { PUBLIC_URL: 'https://academy.example.com/' } });
    expect(server.output()).toContain('https://academy.example.com/setup?token=');
    expect(client.lastSetCookies.find((c) => c.name === 'asa_session')?.attributes.has('secure')).toBe(true);
    const added = await client.post(
      '/api/lead/trainees',
      { name: '张三', employeeId: 'T-1', cohort: '一组' },
      { origin: 'https://academy.example.com' },
    );
    expect(added.status).toBe(201);
    expect(((await added.json()) as { link: { url: string } }).link.url).toMatch(
      /^https:\/\/academy\.example\.com\/activate\?token=/,
    );
  });

  it('refuses to start with a PUBLIC_URL that is not an http(s) URL', async () => {
    server = await startServer({
      dataDir: await tempDataDir(),
      env: { PUBLIC_URL: 'academy.example.com' },
      expectExit: true,
    });
    expect(await server.exited()).toBe(1);
    expect(server.output()).toContain('PUBLIC_URL=academy.example.com is not an http(s) URL');
  });

  describe('links built from the request when PUBLIC_URL is unset', () => {
    /** Adds a trainee as the signed-in lead, with `host` as the Host header (and a matching Origin). */
    async function addTraineeVia(client: Client, host: string, employeeId: string) {
      const port = new URL(client.base).port;
      const response = await rawRequest(client.base, {
        method: 'POST',
        path: '/api/lead/trainees',
        headers: {
          host: `${host}:${port}`,
          origin: `http://${host}:${port}`,
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: '张三', employeeId, cohort: '一组' }),
      });
      return { status: response.status, body: response.json<{ link?: { url: string }; error?: { code: string; message: string } }>(), port };
    }

    it('refuses to build an activation link for an unlisted Host, creating nothing, and says to set PUBLIC_URL', async () => {
      const { client } = await withLead();
      const answer = await addTraineeVia(client, 'evil.example', 'T-HOST-1');
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('LINK_HOST_NOT_LISTED');
      expect(answer.body.error?.message).toContain('PUBLIC_URL');
      const list = (await (await client.get('/api/lead/trainees')).json()) as { trainees: unknown[] };
      expect(list.trainees).toEqual([]);
      // The server's own address still works.
      const local = await addTraineeVia(client, 'localhost', 'T-HOST-2');
      expect(local.status).toBe(201);
      expect(local.body.link?.url).toMatch(new RegExp(`^http://localhost:${local.port}/activate\\?token=`));
    });

    it('builds links for a host listed in ALLOWED_HOSTS, and PUBLIC_URL wins over any Host', async () => {
      const { client } = await withLead({ env: { ALLOWED_HOSTS: 'academy.lan, other.lan' } });
      const listed = await addTraineeVia(client, 'academy.lan', 'T-HOST-3');
      expect(listed.status).toBe(201);
      expect(listed.body.link?.url).toMatch(new RegExp(`^http://academy\\.lan:${listed.port}/activate\\?token=`));
      expect((await addTraineeVia(client, 'evil.example', 'T-HOST-4')).status).toBe(400);
      await server!.stop();
      await rm(server!.dataDir, { recursive: true, force: true });

      const { client: behindProxy } = await withLead({ env: { PUBLIC_URL: 'https://academy.example.com/' } });
      const viaProxy = await addTraineeVia(behindProxy, 'evil.example', 'T-HOST-5');
      // PUBLIC_URL's origin is accepted as Origin; the Host header plays no part in the link.
      expect(viaProxy.status).toBe(201);
      expect(viaProxy.body.link?.url).toMatch(/^https:\/\/academy\.example\.com\/activate\?token=/);
    });
  });
});
