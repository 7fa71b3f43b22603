import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions, signedInClient } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { SCREENSHOTS } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// Saves run the content gate over the whole library: seconds on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-E2E-DRAFTS', cohort: null });
const otherLead = newUser({ role: 'lead', name: '李组长', employeeId: 'L-E2E-DRAFTS-2', cohort: null });
const CASE = 'cases/seven-day-last-minute.mdx';
const EXAM = 'exams/basic-certification.yaml';

let server: TestServer;
let browser: Browser;
let dataDir: string;
let contentDir: string;
let tokens: Record<string, string>;

beforeAll(async () => {
  dataDir = await tempDataDir();
  // The editors write content files: a copy of content/ (no git: the history is the revisions folder).
  contentDir = await mkdtemp(join(tmpdir(), 'studiojobs-drafts-content-'));
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  tokens = await seedUsersWithSessions(dataDir, [lead, otherLead]);
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens[lead.id]!, domain: new URL(server.url).hostname, path: '/' }]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

const caseUrl = () => `${server.url}/lead/studio/case?path=${encodeURIComponent(CASE)}`;

describe('studio drafts', () => {
  it('autosaves an edit, offers it after a reload, restores it and saves it as an ordinary save', async () => {
    const { page } = browser;
    await page.goto(caseUrl());
    const title = page.locator('#meta-title-input');
    await title.waitFor();
    const original = await title.inputValue();
    await title.fill(`${original}（草稿）`);
    const status = page.locator('[data-draft-status]');
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/^已自动保存草稿 \d\d:\d\d/);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    // Nothing reached the content file.
    expect(await readFile(join(contentDir, CASE), 'utf8')).toContain(`title: ${original}\n`);

    await page.reload();
    const offer = page.locator('.draft-offer');
    await offer.waitFor();
    expect(await offer.innerText()).toMatch(/自动保存的草稿/);
    expect(await offer.locator('.draft-warning').count()).toBe(0);
    expect(await title.inputValue()).toBe(original);
    await offer.screenshot({ path: `${SCREENSHOTS}studio-draft-offer-panel.png` });
    const { light, dark } = await violationsInBothSchemes(page, `${SCREENSHOTS}studio-draft-offer`);
    expect(light).toEqual([]);
    expect(dark).toEqual([]);
    await page.getByRole('button', { name: '恢复草稿' }).click();
    await expect.poll(() => title.inputValue()).toBe(`${original}（草稿）`);
    expect(await offer.count()).toBe(0);

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存（.*），内容检查通过/).waitFor({ timeout: 120_000 });
    expect(await readFile(join(contentDir, CASE), 'utf8')).toContain(`title: ${original}（草稿）\n`);
    // The save dropped the draft: a reload offers nothing.
    await page.reload();
    await title.waitFor();
    await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe(`${original}（草稿）`);
    // Once the editor has its answer about drafts (no longer `loading`), an offer would already be on the page.
    await page.locator('[data-draft-status="clean"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await page.locator('.draft-offer').count()).toBe(0);
  });

  it('compares a revision with the current file, with +/− marks, and loads it with 恢复此版本', async () => {
    const { page } = browser;
    await page.goto(caseUrl());
    const title = page.locator('#meta-title-input');
    await title.waitFor();
    const current = await title.inputValue();
    const original = current.replace(/（草稿）$/, '');
    await page.locator('.history-panel summary').click();
    // The revision before the first studio save (revision 0) is the oldest.
    const compare = page.getByRole('button', { name: /与当前文件比较/ });
    await expect.poll(() => compare.count(), { timeout: 30_000 }).toBe(2);
    await compare.last().click();
    const diff = page.locator('.history-diff');
    await diff.waitFor();
    expect(await diff.innerText()).toMatch(/新增 1 行，删除 1 行，共 1 处修改。/);
    expect(await diff.locator('.diff-removed .diff-text').innerText()).toBe(`title: ${original}`);
    expect(await diff.locator('.diff-added .diff-text').innerText()).toBe(`title: ${current}`);
    // Not colour alone: each changed line carries its mark and a spoken label.
    expect(await diff.locator('.diff-removed .diff-mark').innerText()).toContain('−');
    expect(await diff.locator('.diff-added .diff-mark').innerText()).toContain('+');
    expect(await diff.locator('h4').first().innerText()).toMatch(/^旧版第 \d+–\d+ 行 → 新版第 \d+–\d+ 行$/);
    await page.locator('.history-panel').screenshot({ path: `${SCREENSHOTS}studio-revision-diff-panel.png` });
    const { light, dark } = await violationsInBothSchemes(page, `${SCREENSHOTS}studio-revision-diff`);
    expect(light).toEqual([]);
    expect(dark).toEqual([]);

    await page.getByRole('button', { name: /恢复此版本/ }).click();
    await expect.poll(() => title.inputValue()).toBe(original);
    await page.getByText(/已把.*载入编辑器，还没有保存/).waitFor();
    expect(await readFile(join(contentDir, CASE), 'utf8')).toContain(`title: ${current}\n`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存（.*），内容检查通过/).waitFor({ timeout: 120_000 });
    expect(await readFile(join(contentDir, CASE), 'utf8')).toContain(`title: ${original}\n`);

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('warns that the file changed since the draft, and 丢弃草稿 deletes it', async () => {
    const { page } = browser;
    await page.goto(caseUrl());
    const summary = page.locator('#meta-summary');
    await summary.waitFor();
    await summary.fill('草稿里的摘要。');
    await expect.poll(() => page.locator('[data-draft-status]').innerText(), { timeout: 30_000 }).toMatch(/^已自动保存草稿/);

    // Someone else saves the file meanwhile.
    const other = signedInClient(server.url, tokens[otherLead.id]!);
    const { file } = (await (await other.get(`/api/studio/file?path=${CASE}`)).json()) as { file: { version: string; text: string } };
    const saved = await other.send('PUT', '/api/studio/file', { json: { path: CASE, baseVersion: file.version, text: file.text.replace(/^difficulty: \d/m, 'difficulty: 1') } });
    expect(saved.status).toBe(200);

    await page.reload();
    const offer = page.locator('.draft-offer');
    await offer.waitFor();
    expect(await offer.locator('.draft-warning').innerText()).toMatch(/已被保存过.*冲突/);
    await page.getByRole('button', { name: '丢弃草稿' }).click();
    await offer.waitFor({ state: 'detached' });
    const mine = signedInClient(server.url, tokens[lead.id]!);
    await expect.poll(async () => ((await (await mine.get(`/api/studio/drafts?path=${CASE}`)).json()) as { draft: unknown }).draft).toBeNull();
  });

  it('keeps an exam editor edit when the page is left at once, and restores it', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/studio/exams?path=${encodeURIComponent(EXAM)}`);
    const title = page.getByLabel('考试名称');
    await title.waitFor();
    await page.locator('[data-fill-text]').first().waitFor();
    // The editor has asked whether the file has a draft (until then nothing is kept, so no draft is overwritten).
    await page.locator('[data-draft-status="clean"]').waitFor({ state: 'attached' });
    const original = await title.inputValue();
    await title.fill(`${original}（改）`);
    // Reloaded before the autosave's quiet time: the page-hide save keeps it.
    await page.reload();
    await page.locator('.draft-offer').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '恢复草稿' }).click();
    await expect.poll(() => title.inputValue()).toBe(`${original}（改）`);
    expect(await readFile(join(contentDir, EXAM), 'utf8')).not.toContain('（改）');
  });
});
