import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { SCREENSHOTS } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// A save runs the content gate over the whole library: seconds on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-E2E-AUTHOR', cohort: null });
const AUTHOR = { name: '赵出题', employeeId: 'W-E2E-0001', password: '出题人的工作室口令2026' };
const CASE = 'cases/seven-day-last-minute.mdx';

let server: TestServer;
let leadBrowser: Browser;
let authorBrowser: Browser;
let dataDir: string;
let contentDir: string;
let link: string;
let leadToken: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  contentDir = await mkdtemp(join(tmpdir(), 'author-e2e-content-'));
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  const tokens = await seedUsersWithSessions(dataDir, [lead]);
  leadToken = tokens[lead.id]!;
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
  leadBrowser = await launchBrowser();
  authorBrowser = await launchBrowser();
  await leadBrowser.context.addCookies([{ name: 'asa_session', value: tokens[lead.id]!, domain: new URL(server.url).hostname, path: '/' }]);
}, 120_000);

afterAll(async () => {
  await leadBrowser?.close();
  await authorBrowser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

describe('the 出题人 (author) role', () => {
  it('a lead adds an author on /lead/staff and gets a one-time activation link', async () => {
    const { page } = leadBrowser;
    await page.goto(`${server.url}/lead`);
    await page.getByRole('link', { name: '工作人员' }).click();
    await page.waitForURL(`${server.url}/lead/staff`);
    await page.getByLabel('姓名').fill(AUTHOR.name);
    await page.getByLabel('工号').fill(AUTHOR.employeeId);
    await page.getByLabel('角色').selectOption('author');
    await page.getByRole('button', { name: '添加并生成激活链接' }).click();
    await page.locator('#staff-link').waitFor({ state: 'visible' });
    link = await page.getByLabel('新同事的激活链接').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/activate\\?token=[A-Za-z0-9_-]{43}$`));
    expect(await page.locator('#staff-link-who').innerText()).toBe(`${AUTHOR.name}（出题人 · 工号 ${AUTHOR.employeeId}）`);
    await page.reload();
    expect(await page.locator(`[data-staff-row="${AUTHOR.employeeId}"]`).innerText()).toMatch(/出题人\s+待激活/);
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}lead-staff`)).toEqual({ light: [], dark: [] });
  });

  it('the author activates through the link and lands in the studio, with 出题工作室 in the header', async () => {
    const { page } = authorBrowser;
    await page.goto(link);
    await page.getByLabel('新密码', { exact: true }).fill(AUTHOR.password);
    await page.getByLabel('再次输入新密码').fill(AUTHOR.password);
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await page.waitForURL(`${server.url}/lead/studio`);
    expect(await page.getByRole('link', { name: '出题工作室' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('（出题人 · 工号').count()).toBe(1);
    expect(await page.getByRole('link', { name: '← 组长工作台' }).count()).toBe(0);
    // The static pages' header (the display cookie's script) offers the studio, not 管理.
    await page.goto(`${server.url}/rules`);
    await page.locator('#account-nav a[href="/lead/studio"]').waitFor();
    expect(await page.locator('#account-nav a[href="/lead"]').count()).toBe(0);
  });

  it('the author edits and saves a case in the studio; the exam editor does not point at assignments', async () => {
    const { page } = authorBrowser;
    await page.goto(`${server.url}/lead/studio/case?path=${encodeURIComponent(CASE)}`);
    const title = page.locator('#meta-title-input');
    await title.waitFor();
    const original = await title.inputValue();
    await title.fill(`${original}（出题人修订）`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存（.*），内容检查通过/).waitFor({ timeout: 120_000 });
    expect(await readFile(join(contentDir, CASE), 'utf8')).toContain(`title: ${original}（出题人修订）\n`);
    // The revision (DATA_DIR/studio/revisions, content/ is no git work tree here) names the author who saved it.
    const dir = join(dataDir, 'studio', 'revisions', CASE);
    const saved = await Promise.all((await readdir(dir)).map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as { author: string }));
    expect(saved.map((revision) => revision.author)).toContain(AUTHOR.name);
    await page.goto(`${server.url}/lead/studio/exams`);
    expect(await page.locator('h1').innerText()).toBe('考试编辑');
    expect(await page.locator('a[href="/lead/assignments"]').count()).toBe(0);
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}author-studio-exams`)).toEqual({ light: [], dark: [] });
    // No studio page links an author to a lead-only page.
    for (const path of ['/lead/studio', '/lead/studio/questions', '/lead/studio/policy', '/lead/studio/exams', `/lead/studio/case?path=${encodeURIComponent(CASE)}`]) {
      await page.goto(`${server.url}${path}`);
      const leadOnly = await page.locator('a[href^="/lead"]').evaluateAll((links) =>
        links.map((link) => link.getAttribute('href')!).filter((href) => !/^\/lead\/studio(?:[/?]|$)/.test(href)),
      );
      expect(leadOnly, path).toEqual([]);
    }
  });

  it('the author gets 403 on the lead pages: home, trainees, staff, assignments, dashboard, results', async () => {
    const { page } = authorBrowser;
    for (const path of ['/lead', '/lead/trainees', '/lead/staff', '/lead/assignments', '/lead/dashboard', '/lead/attempts', '/lead/certificates']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(403);
      expect(await page.locator('body').innerText(), path).toContain('没有权限');
    }
    const api = await page.request.get(`${server.url}/api/lead/trainees`);
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('a lead disables the author (after confirming), which signs the author out at once; re-enabling works without JavaScript', async () => {
    const { page } = leadBrowser;
    await page.goto(`${server.url}/lead/staff`);
    const row = page.locator(`[data-staff-row="${AUTHOR.employeeId}"]`);
    expect(await row.innerText()).toMatch(/出题人\s+已激活/);
    // A lead has no 停用 for their own account.
    expect(await page.locator(`[data-staff-row="${lead.employeeId}"] [data-row-action="disable"]`).count()).toBe(0);
    const questions: string[] = [];
    let accept = false;
    const onDialog = (dialog: { message(): string; accept(): Promise<void>; dismiss(): Promise<void> }) => {
      questions.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    };
    page.on('dialog', onDialog);
    await row.getByRole('button', { name: `停用 ${AUTHOR.name}（${AUTHOR.employeeId}）` }).click();
    expect(questions).toEqual([`确定停用出题人 ${AUTHOR.name}（${AUTHOR.employeeId}）的账号吗？停用后立即退出登录，且不能再登录，直到重新启用。`]);
    expect(await row.innerText()).toMatch(/已激活/);
    accept = true;
    await row.getByRole('button', { name: `停用 ${AUTHOR.name}（${AUTHOR.employeeId}）` }).click();
    // The list is replaced by the server's fresh render: the row now offers 重新启用.
    await page.getByRole('button', { name: `重新启用 ${AUTHOR.name}（${AUTHOR.employeeId}）` }).waitFor();
    page.off('dialog', onDialog);
    expect(await page.locator(`[data-staff-row="${AUTHOR.employeeId}"]`).innerText()).toMatch(/出题人\s+已停用/);

    const author = authorBrowser.page;
    await author.goto(`${server.url}/lead/studio`);
    expect(new URL(author.url()).pathname).toBe('/login');

    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      await noScript.context.addCookies([{ name: 'asa_session', value: leadToken, domain: new URL(server.url).hostname, path: '/' }]);
      await noScript.page.goto(`${server.url}/lead/staff`);
      await noScript.page.getByRole('button', { name: `重新启用 ${AUTHOR.name}（${AUTHOR.employeeId}）` }).click();
      await noScript.page.waitForLoadState();
      expect(await noScript.page.locator(`[data-staff-row="${AUTHOR.employeeId}"]`).innerText()).toMatch(/出题人\s+已激活/);
    } finally {
      await noScript.close();
    }
  });

  it('/lead/staff on a 375 px phone: each person a card, nothing scrolls sideways', async () => {
    const { page } = leadBrowser;
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      await page.goto(`${server.url}/lead/staff`);
      const overflow = await page.evaluate(() => {
        const table = document.querySelector<HTMLElement>('#staff-list .table-scroll')!;
        return { table: table.scrollWidth - table.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
      });
      expect(overflow).toEqual({ table: 0, page: 0 });
      const button = await page.getByRole('button', { name: `停用 ${AUTHOR.name}（${AUTHOR.employeeId}）` }).boundingBox();
      expect(button!.x + button!.width).toBeLessThanOrEqual(375);
      expect(await violationsInBothSchemes(page, `${SCREENSHOTS}lead-staff-375`)).toEqual({ light: [], dark: [] });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
