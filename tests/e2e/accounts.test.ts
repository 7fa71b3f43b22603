import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupLinkFrom, type TestServer } from '../server/built-server.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

const LEAD = { name: '王组长', employeeId: 'LEAD-00001', password: '售后规则学堂的组长口令' };
const TRAINEE_PASSWORD = '张三的学习密码2025';

let server: TestServer;
let academy: Academy;
let leadBrowser: Browser;
let traineeBrowser: Browser;
let activationLink: string;

beforeAll(async () => {
  // A fresh data folder, so the server starts in first-run mode and prints its setup link.
  academy = await startAcademy();
  ({ server } = academy);
  leadBrowser = await launchBrowser();
  traineeBrowser = await launchBrowser();
  // Links are shown once, so the page asks before unloading; the test means to leave.
  leadBrowser.page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await leadBrowser?.close();
  await traineeBrowser?.close();
  await academy?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await violationsInBothSchemes(page, `${SCREENSHOTS}${name}`)).toEqual({ light: [], dark: [] });
}

describe('accounts in the browser', () => {
  it('the lead opens the printed setup link and creates the first lead account', async () => {
    const { page } = leadBrowser;
    const link = await setupLinkFrom(server);
    await page.goto(link.href);
    expect(await page.locator('h1').innerText()).toBe('初始设置');
    await page.getByLabel('姓名').fill(LEAD.name);
    await page.getByLabel('工号').fill(LEAD.employeeId);
    await page.getByLabel('密码', { exact: true }).fill(LEAD.password);
    await page.getByLabel('再次输入密码').fill(`${LEAD.password}!`);
    await page.getByRole('button', { name: '创建组长账号' }).click();
    await expect.poll(() => page.locator('#password-confirm-error').innerText()).toBe('两次输入的密码不一致');
    expect(await page.getAttribute('#password-confirm', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'setup');
    await page.getByLabel('再次输入密码').fill(LEAD.password);
    await page.getByRole('button', { name: '创建组长账号' }).click();
    await page.waitForURL(`${server.url}/lead`);
    expect(await page.locator('h1').innerText()).toBe('组长工作台');
    await expectAccessible(page, 'lead-home');
  });

  it('the lead imports trainees from a CSV file and sees each link once, with row errors by line', async () => {
    const { page, context } = leadBrowser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.getByRole('link', { name: '学员管理' }).first().click();
    await page.waitForURL(`${server.url}/lead/trainees`);
    await expectAccessible(page, 'trainees-empty');

    // Saved by Excel on Chinese Windows: GBK bytes, written from the code table (姓名 D0D5 C3FB, 工号 B9A4 BAC5,
    // 班组 B0E0 D7E9, 张三 D5C5 C8FD, 李四 C0EE CBC4, 王五 CDF5 CEE5, 售后一组 CADB BAF3 D2BB D7E9, 售后二组 … B6FE D7E9).
    const hex = (text: string) => Buffer.from(text, 'hex');
    const ascii = (text: string) => Buffer.from(text, 'latin1');
    const [group1, group2, eol] = [hex('cadbbaf3d2bbd7e9'), hex('cadbbaf3b6fed7e9'), ascii('\r\n')];
    const gbk = Buffer.concat([
      hex('d0d5c3fb2cb9a4bac52cb0e0d7e9'), eol,
      hex('d5c5c8fd'), ascii(',TRAINEE-0001,'), group1, eol,
      hex('c0eecbc4'), ascii(',TRAINEE-0002,'), group1, eol,
      ascii(',TRAINEE-0003,'), group2, eol,
      hex('cdf5cee5'), ascii(',TRAINEE-0004,'), group2, eol,
    ]);
    await page.getByLabel('选择 CSV 文件').setInputFiles({ name: '学员名单.csv', mimeType: 'text/csv', buffer: gbk });
    await page.getByRole('button', { name: '导入并生成激活链接' }).click();
    await page.locator('#links-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#links-panel tbody tr').count()).toBe(3);
    expect(await page.locator('#import-summary').innerText()).toBe('已导入 3 名学员；1 行未导入，原因如下。');
    expect(await page.locator('#import-encoding').innerText()).toBe('读取编码：GB18030');
    expect(await page.locator('#import-errors li').allInnerTexts()).toEqual([
      '第 4 行（工号 TRAINEE-0003）：请填写姓名',
    ]);
    // The heading takes focus so a screen reader announces the new links.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('links-title');

    activationLink = await page.getByLabel('张三 的链接').inputValue();
    expect(activationLink).toMatch(new RegExp(`^${server.url}/activate\\?token=[A-Za-z0-9_-]{43}$`));
    await page.getByRole('button', { name: '复制 张三（TRAINEE-0001）的链接' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(activationLink);
    expect(await page.locator('#copy-status').innerText()).toBe('已复制 张三 的链接。');
    await expectAccessible(page, 'trainees-imported');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(page, 'trainees-imported-375');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the lead adds one trainee, and the list shows everyone by cohort after a refresh; disabling asks first', async () => {
    const { page } = leadBrowser;
    await page.locator('#add-name').fill('赵六');
    await page.locator('#add-employee-id').fill('TRAINEE-0005');
    await page.locator('#add-cohort').fill('售后二组');
    await page.getByRole('button', { name: '添加并生成激活链接' }).click();
    await expect.poll(() => page.locator('#links-panel tbody tr').count()).toBe(4);
    expect(await page.locator('#add-form [data-form-status]').innerText()).toBe('已添加，激活链接显示在本页上方。');

    await page.goto(`${server.url}/lead/trainees`);
    expect(await page.locator('section[aria-labelledby="list-title"] h3').allInnerTexts()).toEqual([
      '售后一组（2 人）',
      '售后二组（2 人）',
    ]);
    const row = page.locator('tr', { hasText: 'TRAINEE-0004' });
    await row.getByRole('button', { name: '停用 王五（TRAINEE-0004）' }).click();
    await expect.poll(() => row.locator('[data-status]').innerText()).toBe('已停用');
    expect(await row.getByRole('button', { name: '启用 王五（TRAINEE-0004）' }).isVisible()).toBe(true);
    await expectAccessible(page, 'trainees-list');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.screenshot({ path: `${SCREENSHOTS}trainees-375.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the trainee opens the activation link, sets a password and lands on /me', async () => {
    const { page } = traineeBrowser;
    await page.goto(activationLink);
    expect(await page.locator('.lead').innerText()).toContain('张三（工号 TRAINEE-0001）');
    await page.getByLabel('新密码', { exact: true }).fill('TRAINEE-0001');
    await page.getByLabel('再次输入新密码').fill('TRAINEE-0001');
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await expect.poll(() => page.locator('#password-error').innerText()).toBe('不能用工号作为密码，请换一个。');
    await expectAccessible(page, 'activate');
    await page.getByLabel('新密码', { exact: true }).fill(TRAINEE_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(TRAINEE_PASSWORD);
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await page.waitForURL(`${server.url}/me`);
    expect(await page.locator('.profile').innerText()).toMatch(/张三[\s\S]*TRAINEE-0001[\s\S]*售后一组/);
    expect(await page.locator('h2').allInnerTexts()).toEqual(['布置给我的考试', '可参加的考试', '我的考试记录', '我的进步', '我的证书']);
    await expectAccessible(page, 'me');
  });

  it('the trainee logs out, is refused a wrong password with a message, logs back in, and cannot open /lead', async () => {
    const { page } = traineeBrowser;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByLabel('工号').fill('trainee-0001');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('[data-form-status]').innerText()).toContain('工号或密码不正确');
    await expectAccessible(page, 'login');
    await page.getByLabel('密码').fill(TRAINEE_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/me`);
    const forbidden = await page.goto(`${server.url}/lead/trainees`);
    expect(forbidden?.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('没有权限');
  });

  it('an anonymous visitor to a lead page is sent to /login and returned there after signing in', async () => {
    const { page } = leadBrowser;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.goto(`${server.url}/lead/trainees`);
    await page.waitForURL(`${server.url}/login?next=%2Flead%2Ftrainees`);
    await page.getByLabel('工号').fill(LEAD.employeeId);
    await page.getByLabel('密码').fill(LEAD.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/lead/trainees`);
  });
});
