import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBeijingTime } from '../../src/rules/index.ts';
import type { TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

const H = 3_600_000;
const D = 24 * H;
/** A datetime-local value in Beijing time. */
const local = (at: number) => formatBeijingTime(at).slice(0, 16).replace(' ', 'T');

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-E2E-ASSIGN', cohort: null });
const zhang = newUser({ name: '张三', employeeId: 'E-ASG-1', cohort: '售后一组' });
const li = newUser({ name: '李四', employeeId: 'E-ASG-2', cohort: '售后一组' });
const wang = newUser({ name: '王五', employeeId: 'E-ASG-3', cohort: '售后二组' });

let academy: Academy;
let server: TestServer;
let browser: Browser;
let tokens: Record<string, string>;

async function signInAs(user: { id: string }): Promise<void> {
  await browser.context.clearCookies();
  const { hostname } = new URL(server.url);
  await browser.context.addCookies([{ name: 'asa_session', value: tokens[user.id]!, domain: hostname, path: '/' }]);
}

async function expectAccessible(name: string): Promise<void> {
  const { light, dark } = await violationsInBothSchemes(browser.page, `${SCREENSHOTS}${name}`);
  expect(light, 'light').toEqual([]);
  expect(dark, 'dark').toEqual([]);
}

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    tokens = await seedUsersWithSessions(dataDir, [lead, zhang, li, wang]);
  });
  ({ server } = academy);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await academy?.stop();
});

describe('exam assignments', () => {
  it('lets a lead assign the exam to a cohort with a due date, with the keyboard', async () => {
    const { page } = browser;
    await signInAs(lead);
    await page.goto(`${server.url}/lead`);
    await page.getByRole('link', { name: '考试布置' }).click();
    await page.waitForURL(`${server.url}/lead/assignments`);
    expect(await page.locator('h1').innerText()).toBe('考试布置');

    const form = page.getByRole('form', { name: '布置考试' });
    await form.getByLabel('考试').selectOption({ label: '售后规则基础认证' });
    // The cohort picker is checkboxes: reach one with Tab and tick it with Space.
    await form.getByLabel('售后一组').focus();
    await page.keyboard.press('Space');
    expect(await form.getByLabel('售后一组').isChecked()).toBe(true);
    expect(await form.getByLabel('售后二组').isChecked()).toBe(false);
    const now = Date.now();
    await form.getByLabel('开放时间').fill(local(now - H));
    await form.getByLabel('截止时间').fill(local(now + 7 * D));
    await form.getByLabel('给学员的说明（可不填）').fill('本月内完成');
    await form.getByLabel('给学员的说明（可不填）').press('Enter');
    await page.waitForSelector('[data-assignment-card]');

    const row = page.locator('table[data-assignment-progress] tr[data-assignment]');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').innerText()).toBe('售后规则基础认证');
    expect(await row.locator('[data-count="passed"]').innerText()).toBe('0 / 2（0%）');
    expect(await row.locator('[data-count="not-started"]').innerText()).toBe('2');
    expect(await page.locator('[data-overdue-empty]').innerText()).toBe('目前没有逾期的学员。');
    await expectAccessible('assignments-lead');
  });

  it('refuses a due date before the opening, at the field', async () => {
    const { page } = browser;
    const form = page.getByRole('form', { name: '布置考试' });
    await form.getByLabel('售后二组').check();
    await form.getByLabel('开放时间').fill('2026-12-31T09:00');
    await form.getByLabel('截止时间').fill('2026-12-30T18:00');
    await form.getByRole('button', { name: '布置考试' }).click();
    await expect.poll(() => form.getByLabel('截止时间').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-dueAt-error').innerText()).toBe('截止时间不能早于开放时间');
    expect(await page.locator('[data-assignment-card]').count()).toBe(1);
  });

  it('shows the trainee of that cohort the exam on /me with its due date, and not the other cohort', async () => {
    const { page } = browser;
    await signInAs(zhang);
    await page.goto(`${server.url}/me`);
    const item = page.locator('[data-my-assignment]');
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-status')).toBe('not-started');
    const text = await item.innerText();
    expect(text).toContain('售后规则基础认证');
    expect(text).toContain('未开始');
    expect(text).toMatch(/截止 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain('本月内完成');
    expect(await item.getByRole('link', { name: '开始考试' }).getAttribute('href')).toBe('/exams/basic-certification');
    await expectAccessible('assignments-me');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });

    await signInAs(wang);
    await page.goto(`${server.url}/me`);
    expect(await page.locator('[data-my-assignment]').count()).toBe(0);
    expect(await page.locator('#assigned + p').innerText()).toContain('还没有给你的班组布置考试');
  });

  it('shows the lead who is overdue once the due date has passed, on the page and on the dashboard', async () => {
    const { page } = browser;
    await signInAs(lead);
    await page.goto(`${server.url}/lead/assignments`);
    const card = page.locator('[data-assignment-card]');
    await card.locator('summary').click();
    const edit = card.getByRole('form', { name: '修改考试布置' });
    const now = Date.now();
    await edit.getByLabel('开放时间').fill(local(now - 10 * D));
    await edit.getByLabel('截止时间').fill(local(now - 3 * D - 2 * H));
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.waitForSelector('table[data-overdue-list]');

    const rows = page.locator('table[data-overdue-list] tbody tr');
    expect(await rows.count()).toBe(2);
    const names = await rows.locator('td:first-child').allInnerTexts();
    expect(names.sort()).toEqual(['张三', '李四']);
    for (const late of await rows.locator('[data-late]').allInnerTexts()) expect(late).toBe('3 天 2 小时');
    expect(await rows.first().locator('[data-status]').innerText()).toBe('已逾期');
    expect(await page.locator('[data-count="overdue"]').first().innerText()).toBe('2');
    await expectAccessible('assignments-overdue');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible('assignments-overdue-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto(`${server.url}/lead/dashboard`);
    const section = page.locator('[data-dashboard-assignments]');
    expect(await section.locator('table[data-overdue-list] tbody tr').count()).toBe(2);
    await page.goto(`${server.url}/lead/dashboard?cohort=${encodeURIComponent('售后二组')}`);
    expect(await page.locator('[data-dashboard-assignments] [data-overdue-empty]').count()).toBe(1);

    await signInAs(li);
    await page.goto(`${server.url}/me`);
    const item = page.locator('[data-my-assignment]');
    expect(await item.getAttribute('data-status')).toBe('overdue');
    expect(await item.innerText()).toContain('已逾期 3 天 2 小时');
  });

  it('lets the lead delete the assignment after confirming', async () => {
    const { page } = browser;
    await signInAs(lead);
    await page.goto(`${server.url}/lead/assignments`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: /^删除布置：售后规则基础认证/ }).click();
    await page.waitForSelector('text=还没有布置。');
    expect(await page.locator('[data-assignment-card]').count()).toBe(0);
  });
});
