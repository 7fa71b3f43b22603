import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { clientAddressOf } from '../../src/server/http/client-address.ts';
import { openLowdbStore } from '../../src/server/store/index.ts';
import { ensureBuilt, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { Client } from './http-client.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 120_000 });

describe('clientAddressOf: who a request came from, behind listed reverse proxies', () => {
  const proxies = ['10.0.0.5', '10.0.0.6'];
  it('takes the socket peer when no proxy is listed, or the peer is not listed (X-Forwarded-For is then anyone\'s)', () => {
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', [])).toBe('203.0.113.9');
    expect(clientAddressOf('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddressOf('::ffff:203.0.113.9', null, [])).toBe('203.0.113.9');
  });
  it('reads X-Forwarded-For from the right, past the listed proxies; entries a client forged on the left are ignored', () => {
    expect(clientAddressOf('10.0.0.5', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('::ffff:10.0.0.5', '1.2.3.4, 198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('10.0.0.5', '1.2.3.4, 198.51.100.1, 10.0.0.6', proxies)).toBe('198.51.100.1');
    expect(clientAddressOf('10.0.0.5', '2001:db8::1', proxies)).toBe('2001:db8::1');
  });
  it('stops at a malformed entry or a missing header, keeping the last address it could trust', () => {
    expect(clientAddressOf('10.0.0.5', null, proxies)).toBe('10.0.0.5');
    expect(clientAddressOf('10.0.0.5', 'unknown', proxies)).toBe('10.0.0.5');
    expect(clientAddressOf('10.0.0.5', '198.51.100.1, _hidden, 10.0.0.6', proxies)).toBe('10.0.0.6');
  });
});

describe('the login throttle behind a reverse proxy (built server, TRUSTED_PROXIES=127.0.0.1)', () => {
  const PASSWORD = '代理后面的口令-2026';
  const one = newUser({ employeeId: 'PROXY-1' });
  let behindProxy: TestServer;
  let direct: TestServer;

  beforeAll(async () => {
    await ensureBuilt();
    const [proxied, plain] = [await tempDataDir(), await tempDataDir()];
    for (const dir of [proxied, plain]) {
      const store = await openLowdbStore(dir);
      await store.createUser({ ...one, passwordHash: await hashPassword(PASSWORD) });
      await store.close();
    }
    behindProxy = await startServer({ dataDir: proxied, env: { TRUSTED_PROXIES: '127.0.0.1' } });
    direct = await startServer({ dataDir: plain });
  }, 600_000);
  afterAll(async () => {
    await behindProxy?.stop();
    await direct?.stop();
  });

  const login = (server: TestServer, forwardedFor: string, password: string) =>
    new Client(server.url).post('/api/auth/login', { employeeId: one.employeeId, password }, { headers: { 'x-forwarded-for': forwardedFor } });

  it('locks the account at the address that failed, not at every address the proxy forwards for', async () => {
    for (let i = 0; i < 4; i += 1) expect((await login(behindProxy, '198.51.100.1', 'wrong-password-2026')).status).toBe(401);
    expect((await login(behindProxy, '198.51.100.1', PASSWORD)).status).toBe(429);
    expect((await login(behindProxy, '198.51.100.2', PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not listed (a client cannot pick its own address)', async () => {
    for (let i = 0; i < 4; i += 1) expect((await login(direct, `198.51.100.${10 + i}`, 'wrong-password-2026')).status).toBe(401);
    expect((await login(direct, '198.51.100.99', PASSWORD)).status).toBe(429);
  });
});
