import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { seedUsersWithSessions, signedInClient } from './exam-takers.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 600_000 });

const SOURCE_CASE = 'cases/seven-day-last-minute.mdx';
const NEW_SLUG = 'studio-published-coat-return';
const NEW_TITLE = '工作室发布的案例：大衣签收第 7 天 23:59 申请退货';
const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-PUBLISH-1' });
let server: TestServer;
let base: string;
let site: string;
let tokens: Record<string, string>;

interface Job {
  id: string;
  state: string;
  progress: number;
  log: string[];
  error: string | null;
}

/**
 * The served site is a copy of dist/ in a scratch "project" whose sources and node_modules link to this one, so the
 * publish swaps the copy's dist/client and never the dist/ other tests serve. CONTENT_DIR is a fresh git repository.
 */
beforeAll(async () => {
  await ensureBuilt();
  base = await tempDataDir();
  site = join(base, 'site');
  await mkdir(site);
  await cp(join(ROOT, 'dist'), join(site, 'dist'), { recursive: true });
  for (const name of ['node_modules', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) symlinkSync(join(ROOT, name), join(site, name));
  const content = join(base, 'content');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=Setup', '-c', 'user.email=setup@academy.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'Initial content');
  const dataDir = join(base, 'data');
  await mkdir(dataDir);
  tokens = await seedUsersWithSessions(dataDir, [lead]);
  server = await startServer({ dataDir, // --preserve-symlinks-main: start.mjs serves the project it is found in (site/, whose src/ links here), not the
  // folder the link points to.
  command: [process.execPath, '--preserve-symlinks-main', join(site, 'src/server/start.mjs')], env: { CONTENT_DIR: content, STUDIO_PUBLISH: 'on' } });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(base, { recursive: true, force: true });
});

describe('studio publish', () => {
  it('rebuilds the site in the background and swaps it atomically: the new case has a page and a search entry', async () => {
    const client = signedInClient(server.url, tokens[lead.id]!);
    const { file } = (await (await client.get(`/api/studio/file?path=${SOURCE_CASE}`)).json()) as { file: { model: { data: Record<string, unknown> } } };
    const saved = await client.send('PUT', '/api/studio/file', {
      json: { path: `cases/${NEW_SLUG}.mdx`, baseVersion: null, model: { ...file.model, data: { ...file.model.data, title: NEW_TITLE } } },
    });
    expect(saved.status).toBe(200);
    expect((await fetch(`${server.url}/cases/${NEW_SLUG}`)).status).toBe(404);
    const pagesBefore = pageCount();
    const oldAsset = readFileSync(join(site, 'dist/client/index.html'), 'utf8').match(/\/_astro\/[^"]+\.(?:css|js)/)?.[0];

    const started = await client.post('/api/studio/publish');
    expect(started.status).toBe(202);
    const { job } = (await started.json()) as { job: Job };
    // Asking again while it runs joins the running job.
    expect(((await (await client.post('/api/studio/publish')).json()) as { job: Job }).job.id).toBe(job.id);

    let state: Job = job;
    const seen = new Set<string>();
    const deadline = Date.now() + 540_000;
    while (state.state !== 'done' && state.state !== 'failed' && Date.now() < deadline) {
      // The old site keeps answering while the new one builds.
      expect((await fetch(`${server.url}/cases/seven-day-last-minute`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      state = ((await (await client.get(`/api/studio/publish/${job.id}`)).json()) as { job: Job }).job;
      seen.add(state.state);
    }
    expect(state.error).toBeNull();
    expect(state.state).toBe('done');
    expect(state.progress).toBe(100);
    expect(state.log.length).toBeGreaterThan(0);
    expect(seen.has('building') || seen.has('indexing')).toBe(true);

    expect(lstatSync(join(site, 'dist/client')).isSymbolicLink()).toBe(true);
    const page = await fetch(`${server.url}/cases/${NEW_SLUG}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(NEW_TITLE);
    expect(pageCount()).toBe(pagesBefore + 1);
    expect((await fetch(`${server.url}/pagefind/pagefind-entry.json`)).status).toBe(200);
    // Pages already open in a browser keep their scripts and styles.
    if (oldAsset) expect((await fetch(`${server.url}${oldAsset}`)).status).toBe(200);
    // The running server's on-demand routes are untouched.
    expect((await client.get('/api/studio/files?kind=exam')).status).toBe(200);
  });

  it('answers an unknown job with 404', async () => {
    const response = await signedInClient(server.url, tokens[lead.id]!).get('/api/studio/publish/no-such-job');
    expect(response.status).toBe(404);
  });
});

/** How many pages the served search index holds. */
function pageCount(): number {
  const entry = JSON.parse(readFileSync(join(site, 'dist/client/pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
