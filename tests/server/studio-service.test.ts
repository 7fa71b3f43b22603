import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readContentModel, type ContentModel } from '../../src/authoring/index.ts';
import { SaveBodySchema, StudioContent, StudioDrafts, versionOf } from '../../src/server/studio/index.ts';
import { ROOT } from './built-server.ts';

vi.setConfig({ testTimeout: 60_000 });

const CASE = 'cases/seven-day-last-minute.mdx';
const lead = { name: '王组长', employeeId: 'L-001' };
const other = { name: '李组长', employeeId: 'L-002' };
const scratch: string[] = [];

/** A copy of the project's content/ (optionally a fresh git repository with one commit) and an empty data folder. */
function tempStudio(withGit: boolean): { studio: StudioContent; content: string; data: string } {
  const base = mkdtempSync(join(tmpdir(), 'studio-test-'));
  scratch.push(base);
  const content = join(base, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  if (withGit) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('-c', 'user.name=Setup', '-c', 'user.email=setup@academy.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'Initial content');
  }
  return { studio: new StudioContent({ contentDir: content, dataDir: join(base, 'data') }), content, data: join(base, 'data') };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('studio content service', () => {
  it('saves a model edit as the minimal change, committed by the lead', async () => {
    const { studio, content } = tempStudio(true);
    const file = studio.read(CASE)!;
    const model = file.model as Extract<ContentModel, { kind: 'case' }>;
    const data = model.data as { summary: string };
    const saved = await studio.save(CASE, file.version, { model: { ...model, data: { ...data, summary: `${data.summary}（已修订）` } } }, lead);
    expect(saved).toMatchObject({ ok: true, changed: true });
    const diff = git(content, 'show', '--format=%an <%ae>|%cn <%ce>|%s', '--unified=0', 'HEAD');
    const [header] = diff.split('\n');
    expect(header).toBe('王组长 <L-001@academy.invalid>|王组长 <L-001@academy.invalid>|Studio: update content/cases/seven-day-last-minute.mdx');
    expect(diff.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toHaveLength(2);
    expect(git(content, 'status', '--porcelain')).toBe('');
    const history = await studio.revisions(CASE);
    expect(history?.kind).toBe('git');
    expect(history?.revisions.map((revision) => revision.author)).toEqual(['王组长', 'Setup']);
    // Each revision's text is there to compare or revert to.
    const [latest, initial] = history!.revisions;
    expect(await studio.revisionText(CASE, initial!.id)).toBe(file.text);
    expect(await studio.revisionText(CASE, latest!.id)).toBe(readFileSync(join(content, CASE), 'utf8'));
    expect(await studio.revisionText(CASE, 'HEAD;rm -rf /')).toBeUndefined();
    expect(await studio.revisionText('../package.json', latest!.id)).toBeUndefined();
  });

  it('saving an unchanged file changes nothing and makes no commit', async () => {
    const { studio, content } = tempStudio(true);
    const file = studio.read(CASE)!;
    const saved = await studio.save(CASE, file.version, { model: file.model! }, lead);
    expect(saved).toEqual({ ok: true, path: CASE, version: file.version, changed: false, revision: null });
    expect(git(content, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('gives the second of two leads editing one file a conflict, and overwrites nothing', async () => {
    const { studio, content } = tempStudio(true);
    const start = studio.read(CASE)!;
    const first = await studio.save(CASE, start.version, { text: start.text.replace('difficulty: 2', 'difficulty: 3') }, lead);
    expect(first.ok).toBe(true);
    const second = await studio.save(CASE, start.version, { text: start.text.replace('title: 签收', 'title: 买家签收') }, other);
    expect(second).toEqual({ ok: false, code: 'STUDIO_CONFLICT', currentVersion: first.ok ? first.version : '' });
    const now = readFileSync(join(content, CASE), 'utf8');
    expect(now).toContain('difficulty: 3');
    expect(now).not.toContain('买家签收');
  });

  it('serialises simultaneous saves from one version: exactly one wins', async () => {
    const { studio } = tempStudio(false);
    const start = studio.read(CASE)!;
    const results = await Promise.all(
      ['2025-09-10 23:58', '2025-09-10 23:57'].map((at, index) => studio.save(CASE, start.version, { text: start.text.replace('2025-09-10 23:59', at) }, index ? other : lead)),
    );
    expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['STUDIO_CONFLICT', 'ok']);
  });

  it('waits while another server process holds the content lock, and takes over a stale one', async () => {
    const { studio, content } = tempStudio(false);
    const lock = join(content, '.studio-lock');
    // Another process (WORKERS > 1) is saving: its lock folder exists.
    mkdirSync(lock);
    const start = studio.read(CASE)!;
    let settled = false;
    const saving = studio.save(CASE, start.version, { text: start.text.replace('difficulty: 2', 'difficulty: 3') }, lead).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(settled).toBe(false);
    expect(studio.read(CASE)!.text).toBe(start.text);
    rmSync(lock, { recursive: true });
    expect((await saving).ok).toBe(true);
    expect(existsSync(lock)).toBe(false);

    // A lock left by a process that died long ago does not block saves for ever.
    mkdirSync(lock);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, old, old);
    const next = studio.read(CASE)!;
    expect((await studio.save(CASE, next.version, { text: next.text.replace('difficulty: 3', 'difficulty: 1') }, lead)).ok).toBe(true);
  });

  it("refuses a case whose expected freight disagrees with the engine, with the gate's author-grade message", async () => {
    const { studio, content } = tempStudio(true);
    const start = studio.read(CASE)!;
    const wrong = start.text.replace('freight: { outbound: seller, return: buyer }', 'freight: { outbound: buyer, return: buyer }');
    const refused = await studio.save(CASE, start.version, { text: wrong }, lead);
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.code !== 'STUDIO_CONTENT_REFUSED') throw new Error(`not refused: ${JSON.stringify(refused)}`);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatchObject({
      code: 'EXPECTED_MISMATCH',
      path: CASE,
      field: 'expected.freight.outbound',
      wrote: 'buyer（买家）',
      decided: 'seller（卖家）',
    });
    expect(refused.errors[0]!.file).toBe('content/cases/seven-day-last-minute.mdx');
    expect(refused.errors[0]!.fix).toContain('把 expected.freight.outbound 改为 seller');
    expect(readFileSync(join(content, CASE), 'utf8')).toBe(start.text);
    expect(git(content, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('refuses a shop policy change that would make a question key wrong elsewhere, naming that file', async () => {
    const { studio } = tempStudio(false);
    const policy = studio.read('policy/shop.json')!;
    const model = policy.model!;
    const data = model.data as { flow: string[] };
    const swapped = [data.flow[1]!, data.flow[0]!, ...data.flow.slice(2)];
    const refused = await studio.save('policy/shop.json', policy.version, { model: { ...model, data: { ...data, flow: swapped } } }, lead);
    if (refused.ok || refused.code !== 'STUDIO_CONTENT_REFUSED') throw new Error(`not refused: ${JSON.stringify(refused)}`);
    expect(refused.errors.some((error) => error.path.startsWith('questions/') && error.code === 'EXPECTED_MISMATCH')).toBe(true);
  });

  it('creates a new file only from a null base version, and keeps revisions in DATA_DIR without git', async () => {
    const { studio, data } = tempStudio(false);
    const source = studio.read(CASE)!;
    const path = 'cases/seven-day-last-minute-copy.mdx';
    const model = readContentModel('case', source.text);
    expect(await studio.save(path, 'not-a-version', { model }, lead)).toMatchObject({ ok: false, code: 'STUDIO_CONFLICT', currentVersion: null });
    const created = await studio.save(path, null, { model }, lead);
    expect(created).toMatchObject({ ok: true, changed: true, version: versionOf(source.text) });
    expect(studio.read(path)!.text).toBe(source.text);
    const updated = await studio.save(path, versionOf(source.text), { text: source.text.replace('difficulty: 2', 'difficulty: 1') }, other);
    expect(updated.ok).toBe(true);
    const history = await studio.revisions(path);
    expect(history?.kind).toBe('revisions');
    expect(history?.revisions.map((revision) => [revision.author, revision.email])).toEqual([
      ['李组长', 'L-002@academy.invalid'],
      ['王组长', 'L-001@academy.invalid'],
    ]);
    expect(readdirSync(join(data, 'studio/revisions/cases/seven-day-last-minute-copy.mdx'))).toHaveLength(2);
    expect(await studio.revisionText(path, history!.revisions[1]!.id)).toBe(source.text);
  });

  it('saves the file and says so when its git commit fails, so the editor still learns the new version', async () => {
    const { studio, content } = tempStudio(true);
    // Another git process holding the index (a stale index.lock) makes `git add` and `git commit` fail.
    writeFileSync(join(content, '.git/index.lock'), '');
    const start = studio.read(CASE)!;
    const saved = await studio.save(CASE, start.version, { text: start.text.replace('difficulty: 2', 'difficulty: 3') }, lead);
    expect(saved).toMatchObject({ ok: true, changed: true, revision: null });
    expect(saved.ok && saved.historyError).toContain('git');
    expect(studio.read(CASE)!.version).toBe(saved.ok ? saved.version : '');
    expect(git(content, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('refuses paths outside the four kinds of content file', async () => {
    const { studio } = tempStudio(false);
    for (const path of ['../package.json', 'cases/../../x.mdx', 'README.md', 'policy/README.md', '/etc/passwd']) {
      expect(studio.read(path)).toBeUndefined();
      expect(await studio.save(path, null, { text: 'x' }, lead)).toEqual({ ok: false, code: 'STUDIO_BAD_PATH' });
    }
  });

  it('lists files by kind with their versions and titles', () => {
    const { studio } = tempStudio(false);
    const cases = studio.list('case');
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.find((entry) => entry.path === CASE)).toMatchObject({ kind: 'case', title: '签收第 7 天 23:59 申请七天无理由退货' });
    expect(studio.list('policy').map((entry) => entry.path)).toEqual(['policy/shop.json']);
    expect(studio.list('exam').map((entry) => entry.title)).toEqual(['售后规则基础认证']);
  });

  it('keeps drafts per lead in DATA_DIR, out of the content folder', () => {
    const { content, data } = tempStudio(false);
    const drafts = new StudioDrafts(join(data, 'studio/drafts'));
    expect(drafts.put(lead.employeeId, { path: 'cases/new-draft.mdx', baseVersion: null, text: '---\ntitle: x\n---\n' })).toBe(true);
    expect(drafts.put(lead.employeeId, { path: '../escape.mdx', baseVersion: null, text: 'x' })).toBe(false);
    expect(drafts.get(lead.employeeId, 'cases/new-draft.mdx')?.text).toBe('---\ntitle: x\n---\n');
    expect(drafts.get(other.employeeId, 'cases/new-draft.mdx')).toBeUndefined();
    expect(drafts.list(lead.employeeId).map((draft) => draft.path)).toEqual(['cases/new-draft.mdx']);
    expect(existsSync(join(content, 'cases/new-draft.mdx'))).toBe(false);
    drafts.remove(lead.employeeId, 'cases/new-draft.mdx');
    expect(drafts.list(lead.employeeId)).toEqual([]);
  });

  it("drops the saving lead's draft of the file on a successful save, and keeps it when the save is refused", async () => {
    const { studio } = tempStudio(false);
    const start = studio.read(CASE)!;
    const edited = start.text.replace('difficulty: 2', 'difficulty: 3');
    for (const who of [lead, other]) studio.drafts.put(who.employeeId, { path: CASE, baseVersion: start.version, text: edited });
    expect(await studio.save(CASE, 'stale-version', { text: edited }, lead)).toMatchObject({ ok: false, code: 'STUDIO_CONFLICT' });
    expect(studio.drafts.get(lead.employeeId, CASE)?.text).toBe(edited);
    expect(await studio.save(CASE, start.version, { text: edited }, lead)).toMatchObject({ ok: true, changed: true });
    expect(studio.drafts.get(lead.employeeId, CASE)).toBeUndefined();
    expect(studio.drafts.get(other.employeeId, CASE)?.text).toBe(edited);
  });
});

describe('studio save body', () => {
  const body = (data: unknown) => ({ path: 'questions/x.yaml', baseVersion: null, model: { kind: 'question', data } });

  it('refuses model data nested 100,000 deep with a field issue instead of overflowing the stack', () => {
    let data: unknown = 1;
    for (let index = 0; index < 100_000; index += 1) data = [data];
    const parsed = SaveBodySchema.safeParse(body(data));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['model', 'data']);
  });

  it('accepts data as deep as a question file nests', () => {
    expect(SaveBodySchema.safeParse(body({ items: [{ id: 'q', scenario: { facts: { shipment: { shipped: true } } } }] })).success).toBe(true);
  });
});
