import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PracticeItem } from '../../src/quiz/index.ts';
import { openLowdbStore } from '../../src/server/store/index.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { axeViolations, type Browser, describeViolations, launchBrowser, violationsInBothSchemes } from './harness.ts';

vi.setConfig({ testTimeout: 180_000 });

/** Two devices of one trainee (two browser profiles), and a lead. */
const trainee = newUser({ name: '练习同步学员', employeeId: 'SYNC-01', cohort: '售后一组' });
const lead = newUser({ role: 'lead', name: '同步组长', employeeId: 'SYNC-LEAD', cohort: null });
const tokens = new Map<string, string>();
let academy: Academy;
let phone: Browser;
let desktop: Browser;
let leadBrowser: Browser;
let bank: PracticeItem[];

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    const now = Date.now();
    for (const user of [trainee, lead]) {
      await store.createUser({ ...user, createdAt: now });
      const token = randomBytes(32).toString('base64url');
      await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
      tokens.set(user.id, token);
    }
    await store.close();
  });
  [phone, desktop, leadBrowser] = await Promise.all([launchBrowser(), launchBrowser(), launchBrowser()]);
  const url = academy.server.url;
  await phone.context.addCookies([{ name: 'asa_session', value: tokens.get(trainee.id)!, url }]);
  await desktop.context.addCookies([{ name: 'asa_session', value: tokens.get(trainee.id)!, url }]);
  await leadBrowser.context.addCookies([{ name: 'asa_session', value: tokens.get(lead.id)!, url }]);
  bank = ((await (await fetch(`${url}/practice/items.json`)).json()) as { items: PracticeItem[] }).items;
}, 300_000);

afterAll(async () => {
  await Promise.all([phone?.close(), desktop?.close(), leadBrowser?.close()]);
  await academy?.stop();
});

/** The item on screen, from the practice JSON. */
async function currentItem(page: Page): Promise<PracticeItem> {
  const form = page.locator('form.practice-question');
  await form.waitFor({ timeout: 15_000 });
  const id = await form.getAttribute('data-item-id');
  return bank.find((item) => item.id === id)!;
}

/** Answers the question on screen right or wrong by mouse (orderings: submitted as shown, wrong unless lucky). */
async function answer(page: Page, isRight: boolean): Promise<PracticeItem> {
  const item = await currentItem(page);
  if (item.type !== 'ordering') {
    const key = typeof item.key === 'boolean' ? [item.key ? 0 : 1] : typeof item.key === 'number' ? [item.key] : (item.key as number[]);
    const wanted = isRight ? key : item.type === 'multiple' ? (key.includes(0) ? key.filter((index) => index !== 0) : [0, ...key]) : [(key[0]! + 1) % item.choices.length];
    for (const index of wanted) await page.locator(`label[for="choice-${item.id}-${index}"]`).click();
  }
  await page.getByRole('button', { name: '提交答案' }).click();
  await page.locator('.practice-feedback').waitFor();
  return item;
}

/** The account's progress as the server holds it, read with the page's own session. */
async function serverItems(page: Page): Promise<Record<string, { attempts: { isCorrect: boolean }[] }>> {
  return page.evaluate(async () => ((await (await fetch('/api/practice/progress')).json()) as { items: Record<string, { attempts: { isCorrect: boolean }[] }> }).items);
}

async function waitForServer(page: Page, itemId: string, answers: number): Promise<void> {
  await expect.poll(async () => (await serverItems(page))[itemId]?.attempts.length ?? 0, { timeout: 20_000, interval: 250 }).toBe(answers);
}

const topicLine = (page: Page, topic: string) => page.locator(`[data-topic-progress="${topic}"]`);
/** expect.poll with room for a busy machine: one innerText can take longer than poll's default second. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

describe('practice that follows the trainee', () => {
  let missed: PracticeItem;

  it('syncs an answer given on one device, so the other shows it on /practice after a reload', async () => {
    const url = academy.server.url;
    await desktop.page.goto(`${url}/practice`);
    await poll(() => topicLine(desktop.page, 'seven-day').innerText()).toBe('还没有练过');
    expect(await desktop.page.locator('[data-review-due]').innerText()).toBe('现在没有到期的题。');

    await phone.page.goto(`${url}/practice/seven-day`);
    missed = await answer(phone.page, false);
    await waitForServer(phone.page, missed.id, 1);

    await desktop.page.reload();
    await poll(() => topicLine(desktop.page, 'seven-day').innerText()).toMatch(/^已练 1 \/ \d+ 题 · 正确率 0% · 待复习 1 题$/);
    expect(await desktop.page.locator('[data-review-due]').innerText()).toBe('现在有 1 道题到期，等你复习。');
    expect(await desktop.page.locator('[data-sync-status]').innerText()).toContain('已与你的账号同步');
    // The missed item is in this device's review queue too.
    await desktop.page.goto(`${url}/practice/review`);
    expect((await currentItem(desktop.page)).id).toBe(missed.id);
  });

  it('keeps answering offline and merges on reconnect, losing neither device’s answers', async () => {
    const url = academy.server.url;
    // The desktop's worker has the practice pages: answer the review item offline.
    await desktop.page.goto(`${url}/practice/review`);
    await desktop.page.evaluate(() => navigator.serviceWorker.ready);
    await desktop.context.setOffline(true);
    try {
      await desktop.page.reload();
      expect((await currentItem(desktop.page)).id).toBe(missed.id);
      await answer(desktop.page, true);
      // Meanwhile the phone answers another question online.
      await phone.page.getByRole('button', { name: /下一题|查看本轮结果/ }).click();
      const other = await answer(phone.page, true);
      await waitForServer(phone.page, other.id, 1);
      expect((await serverItems(phone.page))[missed.id]!.attempts).toHaveLength(1);
    } finally {
      await desktop.context.setOffline(false);
    }
    // Back online: the desktop sends its offline answer by itself.
    await waitForServer(phone.page, missed.id, 2);
    expect((await serverItems(phone.page))[missed.id]!.attempts.map((attempt) => attempt.isCorrect)).toEqual([false, true]);
    await phone.page.goto(`${url}/practice`);
    await poll(() => topicLine(phone.page, 'seven-day').innerText()).toMatch(/^已练 [12] \/ \d+ 题 · 正确率 \d+%/);
  });

  it('shows per-topic progress without accessibility violations (light, dark, 375 px)', async () => {
    const page = phone.page;
    await page.goto(`${academy.server.url}/practice`);
    await poll(() => topicLine(page, 'seven-day').innerText()).toMatch(/^已练/);
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}practice-progress`)).toEqual({ light: [], dark: [] });
    await page.setViewportSize({ width: 375, height: 812 });
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}practice-progress-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the lead the trainee’s practice by rule area on the dashboard', async () => {
    const page = leadBrowser.page;
    await page.goto(`${academy.server.url}/lead/dashboard`);
    const row = page.locator(`[data-practice-trainee="${trainee.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(trainee.name);
    expect(await row.innerText()).toMatch(/\d+ 题 · \d+%（\d+ 次作答）/);
    expect(await page.locator('.practice-table thead').innerText()).toContain('合计');
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}dashboard-practice`)).toEqual({ light: [], dark: [] });
  });
});
