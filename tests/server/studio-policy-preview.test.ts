import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { seedUsersWithSessions, signedInClient } from './exam-takers.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 240_000 });

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-PREVIEW-1' });
let server: TestServer;
let dataDir: string;
let tokens: Record<string, string>;
const as = () => signedInClient(server.url, tokens[lead.id]!);
const PREVIEW = '/lead/studio/policy?preview=1&compensation.maxYuanWithoutApproval=50';

interface JobAnswer {
  job: { id: string; state: string; stage: string | null; stageLabel: string; progress: number };
}

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  const contentDir = join(dataDir, 'content');
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  tokens = await seedUsersWithSessions(dataDir, [lead]);
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('预览影响 as a background job', () => {
  it('answers at once with 正在计算, keeps the server responsive while the preview runs, then shows the cached report', async () => {
    const client = as();
    const first = await client.get(PREVIEW);
    expect(first.status).toBe(200);
    const html = await first.text();
    const id = /data-preview-job="([0-9a-f]+)"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain('正在计算影响');
    // Without JavaScript: a link that reloads the same preview.
    expect(html).toContain('刷新查看结果');
    expect(html).not.toContain('data-impact-summary');

    // While the comparison runs (seconds of CPU in a child process), other requests are answered.
    const status = async () => ((await (await client.get(`/api/studio/policy-preview/${id}`)).json()) as JobAnswer).job;
    expect(['queued', 'running']).toContain((await status()).state);
    const answered: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const files = await client.get('/api/studio/files?kind=exam');
      expect(files.status).toBe(200);
      answered.push(performance.now() - started);
    }
    // Still running after those answers: they did not wait for it.
    expect(['queued', 'running']).toContain((await status()).state);
    console.log(`[studio preview] other requests answered in ${answered.map((ms) => Math.round(ms)).join(', ')} ms while the preview ran`);

    await vi.waitFor(async () => expect((await status()).state).toBe('done'), { timeout: 200_000, interval: 500 });
    expect((await status()).progress).toBe(100);

    const started = performance.now();
    const done = await client.get(PREVIEW);
    const cachedMs = performance.now() - started;
    const report = await done.text();
    expect(report).toContain('data-impact-summary');
    expect(report).toContain('SOP-COMP-RANGE');
    expect(report).not.toContain('data-preview-job=');
    console.log(`[studio preview] the finished preview page answered in ${Math.round(cachedMs)} ms`);
  });

  it('answers 404 with a Chinese message for an unknown job', async () => {
    const missing = await as().get('/api/studio/policy-preview/0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'STUDIO_PREVIEW_JOB_NOT_FOUND' });
  });
});
