import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, setupLinkFrom, startServer, tempDataDir, type TestServer } from './built-server.ts';

// Each test talks to a real server process; a loaded 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

let server: TestServer | undefined;
let dataDir: string;

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the one-time setup link on an empty data folder, before the first request', async () => {
    server = await startServer({ dataDir, command: ['npm', 'start', '--silent'] });
    const link = await setupLinkFrom(server);
    expect(link.origin).toBe(server.url);
    expect(link.pathname).toBe('/setup');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('创建第一个组长账号');
  });
});
