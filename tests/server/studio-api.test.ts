import { execFileSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from './built-server.ts';
import { seedUsersWithSessions, signedInClient } from './exam-takers.ts';
import { Client, errorOf } from './http-client.ts';
import { newUser } from './store-factories.ts';

vi.setConfig({ testTimeout: 60_000 });

const CASE = 'cases/seven-day-last-minute.mdx';
const trainee = newUser({ name: '张三', employeeId: 'E-STUDIO-1', cohort: '售后一组' });
const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-STUDIO-1' });
const otherLead = newUser({ role: 'lead', name: '李组长', employeeId: 'L-STUDIO-2' });
let server: TestServer;
let dataDir: string;
let contentDir: string;
let tokens: Record<string, string>;

const git = (...args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8' });
const as = (user: { id: string }) => signedInClient(server.url, tokens[user.id]!);
const put = (client: Client, json: unknown) => client.send('PUT', '/api/studio/file', { json });

interface FileAnswer {
  file: { path: string; kind: string; version: string; text: string; model: { kind: string; data: Record<string, unknown>; sections: unknown[] } };
}

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  // CONTENT_DIR is a fresh git repository holding a copy of the project's content.
  contentDir = join(dataDir, 'content');
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=Setup', '-c', 'user.email=setup@academy.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'Initial content');
  tokens = await seedUsersWithSessions(dataDir, [trainee, lead, otherLead]);
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('studio API', () => {
  it('answers anonymous visitors 401 and trainees 403 on every studio route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/studio/files?kind=case'],
      ['GET', `/api/studio/file?path=${CASE}`],
      ['PUT', '/api/studio/file'],
      ['POST', '/api/studio/check'],
      ['GET', `/api/studio/history?path=${CASE}`],
      ['GET', '/api/studio/drafts'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'GET' ? {} : { json: { path: CASE, baseVersion: null, text: 'x' } };
      const anonymous = await new Client(server.url).send(method, path, body);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
      const asTrainee = await as(trainee).send(method, path, body);
      expect(asTrainee.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(asTrainee)).code).toBe('FORBIDDEN');
    }
    expect(git('rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('lists files by kind and refuses unknown kinds', async () => {
    const listed = await as(lead).get('/api/studio/files?kind=exam');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['exams/basic-certification.yaml']);
    const bad = await as(lead).get('/api/studio/files?kind=secrets');
    expect(bad.status).toBe(400);
  });

  it('refuses paths outside the four kinds of content file', async () => {
    for (const path of ['../package.json', 'cases/../../package.json', '%2e%2e/package.json', 'policy/README.md', '.git/config']) {
      const response = await as(lead).get(`/api/studio/file?path=${encodeURIComponent(path)}`);
      expect(response.status, path).toBe(400);
      expect((await errorOf(response)).code).toBe('STUDIO_BAD_PATH');
    }
    const missing = await as(lead).get('/api/studio/file?path=cases/no-such-case.mdx');
    expect((await errorOf(missing)).code).toBe('STUDIO_FILE_NOT_FOUND');
  });

  it('saves a model edit as one changed line, committed with the lead as author', async () => {
    const { file } = (await (await as(lead).get(`/api/studio/file?path=${CASE}`)).json()) as FileAnswer;
    expect(file.text).toBe(readFileSync(join(contentDir, CASE), 'utf8'));
    const model = { ...file.model, data: { ...file.model.data, difficulty: 3 } };
    const saved = await put(as(lead), { path: CASE, baseVersion: file.version, model });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as { version: string; changed: boolean; revision: string };
    expect(body.changed).toBe(true);
    expect(git('log', '-1', '--format=%H|%an|%ae|%s')).toBe(`${body.revision}|王组长|L-STUDIO-1@academy.invalid|Studio: update content/${CASE}\n`);
    expect(git('show', '--format=', '--unified=0', 'HEAD').split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual(['-difficulty: 2', '+difficulty: 3']);
    const history = (await (await as(lead).get(`/api/studio/history?path=${CASE}`)).json()) as { kind: string; revisions: { author: string }[] };
    expect(history.kind).toBe('git');
    expect(history.revisions.map((revision) => revision.author)).toEqual(['王组长', 'Setup']);
    const initial = (history.revisions[1] as unknown as { id: string }).id;
    const old = (await (await as(lead).get(`/api/studio/history?path=${CASE}&revision=${initial}`)).json()) as { text: string };
    expect(old.text).toBe(file.text);
    expect((await as(lead).get(`/api/studio/history?path=${CASE}&revision=--output=x`)).status).toBe(404);
  });

  it('gives the second of two leads editing one file 409 STUDIO_CONFLICT with the current version', async () => {
    const { file } = (await (await as(lead).get(`/api/studio/file?path=${CASE}`)).json()) as FileAnswer;
    const first = await put(as(lead), { path: CASE, baseVersion: file.version, text: file.text.replace('topics: [seven-day, freight]', 'topics: [seven-day, freight, shop-sop]') });
    expect(first.status).toBe(200);
    const { version } = (await first.json()) as { version: string };
    const second = await put(as(otherLead), { path: CASE, baseVersion: file.version, text: file.text.replace('difficulty: 3', 'difficulty: 1') });
    expect(second.status).toBe(409);
    const error = (await second.json()) as { error: { code: string; currentVersion: string } };
    expect(error.error).toMatchObject({ code: 'STUDIO_CONFLICT', currentVersion: version });
    expect(readFileSync(join(contentDir, CASE), 'utf8')).toContain('difficulty: 3');
  });

  it("refuses a case whose expected freight disagrees, with the gate's message, and check explains without saving", async () => {
    const { file } = (await (await as(lead).get(`/api/studio/file?path=${CASE}`)).json()) as FileAnswer;
    const wrong = file.text.replace('freight: { outbound: seller, return: buyer }', 'freight: { outbound: buyer, return: buyer }');
    const checked = await as(lead).post('/api/studio/check', { path: CASE, text: wrong });
    expect(checked.status).toBe(200);
    const verdict = (await checked.json()) as { errors: { code: string; field: string }[] };
    expect(verdict.errors.map((error) => [error.code, error.field])).toEqual([['EXPECTED_MISMATCH', 'expected.freight.outbound']]);

    const commits = git('rev-list', '--count', 'HEAD');
    const refused = await put(as(lead), { path: CASE, baseVersion: file.version, text: wrong });
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; message: string; errors: Record<string, unknown>[] } };
    expect(error.code).toBe('STUDIO_CONTENT_REFUSED');
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatchObject({
      code: 'EXPECTED_MISMATCH',
      file: `content/${CASE}`,
      path: CASE,
      line: 17,
      field: 'expected.freight.outbound',
      wrote: 'buyer（买家）',
      decided: 'seller（卖家）',
    });
    expect(String(error.errors[0]!['fix'])).toContain('把 expected.freight.outbound 改为 seller');
    expect(readFileSync(join(contentDir, CASE), 'utf8')).toBe(file.text);
    expect(git('rev-list', '--count', 'HEAD')).toBe(commits);
  });

  it('creates a new case from a model only when no file is there yet', async () => {
    const { file } = (await (await as(lead).get(`/api/studio/file?path=${CASE}`)).json()) as FileAnswer;
    const path = 'cases/seven-day-last-minute-studio.mdx';
    const created = await put(as(otherLead), { path, baseVersion: null, model: { ...file.model, data: { ...file.model.data, title: '工作室新建的案例：签收第 7 天 23:59 申请退货' } } });
    expect(created.status).toBe(200);
    expect(git('log', '-1', '--format=%an|%s')).toBe(`李组长|Studio: create content/${path}\n`);
    const again = await put(as(lead), { path, baseVersion: null, text: file.text });
    expect(again.status).toBe(409);
  });

  it('says plainly that a server without STUDIO_PUBLISH=on cannot publish, and builds nothing', async () => {
    const availability = (await (await as(lead).get('/api/studio/publish')).json()) as { available: boolean; reason: string };
    expect(availability.available).toBe(false);
    expect(availability.reason).toContain('只读部署');
    const refused = await as(lead).post('/api/studio/publish');
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; reason: string } };
    expect(error.code).toBe('STUDIO_PUBLISH_UNAVAILABLE');
    expect(error.reason).toContain('STUDIO_PUBLISH=on');
  });

  it('keeps a lead’s drafts out of the content folder and drops them on save', async () => {
    const client = as(lead);
    const drafted = await client.send('PUT', '/api/studio/drafts', { json: { path: 'cases/draft-only.mdx', baseVersion: null, text: '---\ntitle: 草稿\n---\n' } });
    expect(drafted.status).toBe(200);
    const listed = (await (await client.get('/api/studio/drafts')).json()) as { drafts: { path: string }[] };
    expect(listed.drafts.map((draft) => draft.path)).toEqual(['cases/draft-only.mdx']);
    expect((await as(otherLead).get('/api/studio/drafts').then((r) => r.json())) as unknown).toEqual({ drafts: [] });
    expect(git('status', '--porcelain')).toBe('');
  });

  it('keeps a form model as a draft written over the file, hands it back with the file version, and drops it on save', async () => {
    const client = as(lead);
    const { file } = (await (await client.get(`/api/studio/file?path=${CASE}`)).json()) as FileAnswer;
    const model = { ...file.model, data: { ...file.model.data, title: '草稿里的新标题' } };
    const drafted = await client.send('PUT', '/api/studio/drafts', { json: { path: CASE, baseVersion: file.version, model } });
    expect(drafted.status).toBe(200);
    expect(((await drafted.json()) as { draft: { savedAt: string } }).draft.savedAt).toMatch(/^\d{4}-/);
    const answer = (await (await client.get(`/api/studio/drafts?path=${CASE}`)).json()) as {
      draft: { baseVersion: string; text: string; model: { data: { title: string } } };
      fileVersion: string;
    };
    expect(answer.fileVersion).toBe(file.version);
    expect(answer.draft.baseVersion).toBe(file.version);
    expect(answer.draft.model.data.title).toBe('草稿里的新标题');
    // Written over the file's text: only the title line differs.
    const changed = answer.draft.text.split('\n').filter((line, index) => line !== file.text.split('\n')[index]);
    expect(changed).toEqual(['title: 草稿里的新标题']);
    expect(readFileSync(join(contentDir, CASE), 'utf8')).toBe(file.text);
    expect((await (await as(otherLead).get(`/api/studio/drafts?path=${CASE}`)).json()) as unknown).toEqual({ draft: null, fileVersion: file.version });

    const saved = await put(client, { path: CASE, baseVersion: file.version, model: file.model });
    expect(saved.status).toBe(200);
    expect(((await (await client.get(`/api/studio/drafts?path=${CASE}`)).json()) as { draft: unknown }).draft).toBeNull();
  });

  it('hands back a revision with its form model, for 恢复此版本', async () => {
    const client = as(lead);
    const { revisions } = (await (await client.get(`/api/studio/history?path=${CASE}`)).json()) as { revisions: { id: string }[] };
    const oldest = revisions.at(-1)!;
    const revision = (await (await client.get(`/api/studio/history?path=${CASE}&revision=${oldest.id}`)).json()) as { text: string; model: { kind: string } };
    expect(revision.model.kind).toBe('case');
    expect(revision.text).toContain('title:');
  });
});
