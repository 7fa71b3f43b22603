import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, startServer, type TestServer } from './built-server.ts';

// Builds a small fixture site and starts a server process: a loaded 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

const FIXTURE = join(ROOT, 'tests/fixtures/mid-render-throw');

let folder: string;
let server: TestServer;

beforeAll(async () => {
  // A copy inside the checkout: the build writes only there (its dist/ and .astro/), and its server chunks find their
  // packages in the checkout's node_modules.
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  folder = await mkdtemp(join(ROOT, 'node_modules/.cache/mid-render-'));
  await cp(FIXTURE, folder, { recursive: true });
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', folder], {
    cwd: folder,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.stdout}\n${build.stderr}`);
  // The academy's built server (src/server/serve/, what `npm start` runs) in front of the fixture's build.
  const serve = `import { serveAcademy } from ${JSON.stringify(join(ROOT, 'src/server/serve/index.ts'))};
await serveAcademy({ root: ${JSON.stringify(folder)}, host: '127.0.0.1', port: Number(process.env.PORT), fastApi: false });`;
  server = await startServer({ dataDir: join(folder, 'data'), command: [process.execPath, '--input-type=module', '-e', serve] });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

interface Outcome {
  readonly status: number;
  readonly body: string;
  /** Whether the body arrived whole by HTTP's framing (its last chunk), rather than being cut off by a reset. */
  readonly complete: boolean;
}

/**
 * One GET on a kept-alive connection, as a browser sends it; resolves once the server has closed the connection, and
 * rejects when it is still open after 10 s (what a browser would sit waiting on). No tighter time is asserted: without
 * the fix the connection stays open for ever, and a wall-clock bound under a loaded machine's noise is no behaviour.
 */
function get(path: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { connection: 'keep-alive' } }, (res) => {
      let body = '';
      let complete = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => (complete = res.complete));
      res.on('error', () => undefined);
      const socket = res.socket;
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`GET ${path}: the connection was still open after 10 s; body so far: ${body}`));
      }, 10_000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body, complete });
      });
    });
    req.on('error', () => undefined);
    req.end();
  });
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('a page whose render throws after streaming began', () => {
  it('ends the response after what was sent and closes the connection when a component lacks a prop', async () => {
    const outcome = await get('/missing-prop');
    expect(outcome.status).toBe(200);
    expect(outcome.complete).toBe(true);
    expect(outcome.body).toContain('Internal server error');
    expect(outcome.body).not.toContain('</html>');
  });

  it('ends the truncated page, closes the connection and logs the error once when a later part rejects', async () => {
    const outcome = await get('/late-throw');
    expect(outcome.status).toBe(200);
    expect(outcome.complete).toBe(true);
    expect(outcome.body).toContain('<h1>页面开头</h1>');
    expect(outcome.body).not.toContain('</html>');
    // Logged when the response closes; give the log a moment to arrive.
    await server.waitForOutput(/late render failure/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(occurrences(server.output(), 'late render failure')).toBe(1);
  });
});
