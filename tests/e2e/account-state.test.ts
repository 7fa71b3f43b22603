import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupLinkFrom, type TestServer } from '../server/built-server.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, scriptsBesidesAccountNav, violationsInBothSchemes } from './harness.ts';

// The account in the header on every page (prerendered ones included) and every account form with JavaScript off.
const LEAD = { name: '郑组长', employeeId: 'LEAD-NOJS1', password: '没有脚本也能用的组长口令' };
const TRAINEE = { name: '钱学员', employeeId: 'TRAINEE-NOJS1', cohort: '售后三组' };
const TRAINEE_PASSWORD = '没有脚本的学员口令2025';

// Six axe runs and full-page screenshots in one test: over 120 s at load ~25 on the shared 2-core machine.
vi.setConfig({ testTimeout: 240_000 });

let academy: Academy;
let server: TestServer;
let noScript: Browser;
let scripted: Browser;
let activationLink = '';

beforeAll(async () => {
  academy = await startAcademy();
  server = academy.server;
  noScript = await launchBrowser({ javaScriptEnabled: false });
  scripted = await launchBrowser();
});

afterAll(async () => {
  await noScript?.close();
  await scripted?.close();
  await academy?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await violationsInBothSchemes(page, `${SCREENSHOTS}${name}`)).toEqual({ light: [], dark: [] });
}

/** The header's account area as text, links separated by |. */
async function headerAccount(page: Page): Promise<string> {
  return (await page.locator('#account-nav > *').allInnerTexts()).join('|');
}

describe('forms with JavaScript disabled', () => {
  it('first-run setup: a mismatched confirmation re-renders the form with the error and the typed name; then it signs in', async () => {
    const { page } = noScript;
    await page.goto((await setupLinkFrom(server)).href);
    await page.getByLabel('姓名').fill(LEAD.name);
    await page.getByLabel('工号').fill(LEAD.employeeId);
    await page.getByLabel('密码', { exact: true }).fill(LEAD.password);
    await page.getByLabel('再次输入密码').fill(`${LEAD.password}!`);
    const [refused] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '创建组长账号' }).click()]);
    expect(refused?.status()).toBe(400);
    expect(await page.locator('#password-confirm-error').innerText()).toBe('两次输入的密码不一致');
    expect(await page.getAttribute('#password-confirm', 'aria-invalid')).toBe('true');
    expect(await page.getByLabel('姓名').inputValue()).toBe(LEAD.name);
    expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe('');
    expect(await page.locator('[data-form-status]').innerText()).not.toBe('');

    await page.getByLabel('密码', { exact: true }).fill(LEAD.password);
    await page.getByLabel('再次输入密码').fill(LEAD.password);
    await page.getByRole('button', { name: '创建组长账号' }).click();
    await page.waitForURL(`${server.url}/lead`);
    expect(await page.locator('h1').innerText()).toBe('组长工作台');
    expect(await headerAccount(page)).toBe(`${LEAD.name}|我的学习|管理`);
  });

  it('adding a trainee shows the one-time link and the new row, with no stale empty-list text', async () => {
    const { page } = noScript;
    await page.goto(`${server.url}/lead/trainees`);
    expect(await page.locator('main').innerText()).toContain('还没有学员');
    await page.getByLabel('姓名').fill(TRAINEE.name);
    await page.getByLabel('工号').fill(TRAINEE.employeeId);
    await page.getByLabel('班组').fill(TRAINEE.cohort);
    const [added] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '添加并生成激活链接' }).click()]);
    expect(added?.status()).toBe(200);
    expect(await page.locator('#links-panel').isVisible()).toBe(true);
    activationLink = await page.getByLabel(`${TRAINEE.name} 的链接`).inputValue();
    expect(activationLink).toMatch(/\/activate\?token=/);
    expect(await page.locator('main').innerText()).not.toContain('还没有学员');
    expect(await page.locator(`tr[data-trainee-row][data-employee-id="${TRAINEE.employeeId}"]`).count()).toBe(1);
    expect(await page.getByLabel('姓名').inputValue()).toBe('');

    // The same employee id again: the API's 409 and its field message, under the field.
    await page.getByLabel('姓名').fill('重复');
    await page.getByLabel('工号').fill(TRAINEE.employeeId);
    await page.getByLabel('班组').fill(TRAINEE.cohort);
    const [duplicate] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '添加并生成激活链接' }).click()]);
    expect(duplicate?.status()).toBe(409);
    expect(await page.locator('#add-employee-id-error').innerText()).not.toBe('');
    expect(await page.getByLabel('姓名').inputValue()).toBe('重复');
    await page.screenshot({ path: `${SCREENSHOTS}trainees-no-js.png`, fullPage: true });
  });

  it('assigns an exam to two cohorts ticked in a group of checkboxes (repeated fields arrive as a list)', async () => {
    const { page } = noScript;
    await page.goto(`${server.url}/lead/trainees`);
    await page.getByLabel('姓名').fill('孙学员');
    await page.getByLabel('工号').fill('TRAINEE-NOJS2');
    await page.getByLabel('班组').fill('售后四组');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '添加并生成激活链接' }).click()]);

    await page.goto(`${server.url}/lead/assignments`);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: '布置考试' }) });
    await form.getByLabel(TRAINEE.cohort).check();
    await form.getByLabel('售后四组').check();
    const [saved] = await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: '布置考试' }).click()]);
    expect(saved?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/lead/assignments');
    expect(await page.locator('main').innerText()).toContain(`${TRAINEE.cohort}、售后四组`);
    await page.screenshot({ path: `${SCREENSHOTS}assignments-no-js.png`, fullPage: true });
  });

  it('logout is a plain form post; a wrong password answers 401 in the page; activation and login work', async () => {
    const { page } = noScript;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);
    expect(await headerAccount(page)).toBe('登录');

    await page.goto(activationLink);
    await page.getByLabel('新密码', { exact: true }).fill(TRAINEE_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(TRAINEE_PASSWORD);
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await page.waitForURL(`${server.url}/me`);
    expect(await headerAccount(page)).toBe(`${TRAINEE.name}|我的学习`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);

    await page.getByLabel('工号').fill(TRAINEE.employeeId);
    await page.getByLabel('密码').fill('不是这个密码');
    const [failed] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '登录' }).click()]);
    expect(failed?.status()).toBe(401);
    expect(await page.locator('[data-form-status]').innerText()).toContain('工号或密码不正确');
    expect(await page.getByLabel('工号').inputValue()).toBe(TRAINEE.employeeId);
    await page.getByLabel('密码').fill(TRAINEE_PASSWORD);
    // 记住我: both cookies outlive the browser, as long as the server keeps the session (30 days).
    await page.getByLabel('记住我（30 天）').check();
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/me`);
    const cookies = await noScript.context.cookies();
    for (const name of ['asa_session', 'asa_who']) {
      const expires = cookies.find((cookie) => cookie.name === name)?.expires ?? -1;
      expect(expires * 1000 - Date.now(), name).toBeGreaterThan(29 * 24 * 3_600_000);
    }
    await page.goto(`${server.url}/login?next=/me`);
    await page.waitForURL(`${server.url}/me`);
  });
});

describe('the account in the header', () => {
  it('a prerendered page shows 登录 signed out, and the signed-in name with 我的学习 and 管理 for a lead', async () => {
    const { page } = scripted;
    await page.goto(`${server.url}/cases`);
    expect(await headerAccount(page)).toBe('登录');
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);

    await page.goto(`${server.url}/login`);
    await expectAccessible(page, 'login');
    await page.getByLabel('工号').fill(LEAD.employeeId);
    await page.getByLabel('密码').fill(LEAD.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/lead`);
    const hint = (await scripted.context.cookies()).find((cookie) => cookie.name === 'asa_who');
    expect(hint?.httpOnly).toBe(false);
    const session = (await scripted.context.cookies()).find((cookie) => cookie.name === 'asa_session');
    expect(session?.httpOnly).toBe(true);
    // Without 记住我 both are browser-session cookies: closing the browser signs out.
    expect(session?.expires).toBe(-1);
    expect(hint?.expires).toBe(-1);

    for (const path of ['/', '/cases', '/practice']) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
      expect(await headerAccount(page), path).toBe(`${LEAD.name}|我的学习|管理`);
      expect(await page.getByRole('link', { name: '管理' }).getAttribute('href')).toBe('/lead');
    }
    await page.goto(`${server.url}/cases`);
    await expectAccessible(page, 'header-signed-in');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}header-signed-in-375.png` });
    await expectAccessible(page, 'header-signed-in-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('warns before the idle timeout on an account page, and 保持登录 keeps the session', async () => {
    const { page } = scripted;
    await page.clock.install();
    await page.goto(`${server.url}/me`);
    const banner = page.locator('#idle-warning');
    expect(await banner.isHidden()).toBe(true);
    await page.clock.fastForward('01:56:00');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.innerText()).toContain('5 分钟后将自动退出登录');
    await page.getByRole('button', { name: '保持登录' }).click();
    await banner.waitFor({ state: 'hidden' });
    await page.clock.fastForward('02:01:00');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.innerText()).toContain('你已经退出登录');
    expect(await page.getByRole('link', { name: '重新登录' }).getAttribute('href')).toBe('/login?next=%2Fme');
  });

  it('a name is shown as text, and logging out brings 登录 back on the static page', async () => {
    const { page } = scripted;
    await page.goto(`${server.url}/lead`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/login`);
    expect((await scripted.context.cookies()).some((cookie) => cookie.name === 'asa_who')).toBe(false);
    await page.goto(`${server.url}/cases`);
    expect(await headerAccount(page)).toBe('登录');

    // A forged display cookie only changes what the header says: it holds text, never markup, and grants nothing.
    await scripted.context.addCookies([
      { name: 'asa_who', value: encodeURIComponent(JSON.stringify({ n: '<img src=x onerror=alert(1)>', r: 'lead' })), url: server.url },
    ]);
    await page.goto(`${server.url}/cases`);
    expect(await page.locator('#account-nav .account-name').innerText()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('#account-nav img').count()).toBe(0);
    const lead = await page.goto(`${server.url}/lead`);
    expect(page.url()).toContain('/login');
    expect(lead?.status()).toBe(200);
    expect((await scripted.context.cookies()).some((cookie) => cookie.name === 'asa_who')).toBe(false);
  });
});
