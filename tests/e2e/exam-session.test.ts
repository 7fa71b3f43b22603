import { createHash, randomBytes } from 'node:crypto';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLowdbStore } from '../../src/server/store/index.ts';
import type { TestServer } from '../server/built-server.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// The session during an exam: focus mode leaves no link out of the attempt in the header; the idle warning is on the
// exam page, the island's autosaves count as activity, 保持登录 extends the session; and an answer given after the
// session ended is kept on the page and saved once the trainee is signed in again.

vi.setConfig({ testTimeout: 180_000 });

const EXAM_PATH = '/exams/basic-certification';
const MINUTE = 60_000;
const trainee = newUser({ name: '周考生' });
// The first session idles out after 10 minutes (its own limit, as a session stores it), so the warning shows at 5
// without pushing the page's clock past the exam's 30 minutes. The second plays signing in again.
const firstToken = randomBytes(32).toString('base64url');
const secondToken = randomBytes(32).toString('base64url');
let academy: Academy;
let server: TestServer;
let browser: Browser;
let attemptId = '';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    const now = Date.now();
    await store.createUser(trainee);
    await store.createSession({ id: hash(firstToken), userId: trainee.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 10 * MINUTE });
    await store.createSession({ id: hash(secondToken), userId: trainee.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 120 * MINUTE });
    await store.close();
  });
  server = academy.server;
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: firstToken, url: server.url }]);
  browser.page.on('dialog', (dialog: Dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await academy?.stop();
});

const banner = (page: Page) => page.locator('#idle-warning');

/** Answers the next question that has option cards (after `from`), by clicking its first option; returns its position. */
async function answerOne(page: Page, from: number): Promise<number> {
  const nav = page.getByRole('navigation', { name: '题目导航' }).getByRole('button');
  for (let position = from; position < (await nav.count()); position += 1) {
    await nav.nth(position).click();
    const options = page.locator('.exam fieldset input[type="radio"]');
    if ((await options.count()) === 0) continue;
    await options.nth(0).check();
    return position;
  }
  throw new Error('no question with option cards');
}

async function savedAnswers(page: Page): Promise<number> {
  const response = await page.request.get(`${server.url}/api/attempts/${attemptId}`);
  const body = (await response.json()) as { attempt: { answers: Record<string, unknown> } };
  return Object.keys(body.attempt.answers).length;
}

describe('the session while an exam is open', () => {
  it('focus mode: the header keeps the name but offers no site or account link out of the attempt', async () => {
    const { page } = browser;
    await page.clock.install();
    await page.goto(`${server.url}${EXAM_PATH}`);
    // Before the attempt the page is an ordinary account page: links there.
    expect(await page.locator('#account-nav a').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.waitForURL(/\?attempt=/);
    await page.locator('.exam fieldset').waitFor();
    attemptId = new URL(page.url()).searchParams.get('attempt')!;

    expect(await page.locator('#account-nav .account-name').innerText()).toBe(trainee.name);
    expect(await page.locator('#account-nav a').count()).toBe(0);
    expect(await page.locator('.site-nav').count()).toBe(0);
    expect(await page.locator('.account-bar').count()).toBe(0);
    expect(await page.locator('header a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/']);
    expect(await banner(page).isHidden()).toBe(true);
  });

  it('warns before the idle limit; an autosave counts as activity and starts the count again; 保持登录 extends it', async () => {
    const { page } = browser;
    // The island's own request at load counted as activity, less the minute by which the server may record it late:
    // the warning is due 4 minutes after load (10 − 5 − 1).
    await page.clock.fastForward('03:30');
    expect(await banner(page).isHidden()).toBe(true);
    await answerOne(page, 0);
    await expect.poll(() => page.locator('.exam-bar').innerText()).toContain('答案已自动保存');
    // 7 minutes after the load, 3:30 after the save: without the save the warning would have shown at 4:00.
    await page.clock.fastForward('03:30');
    expect(await banner(page).isHidden()).toBe(true);
    await page.clock.fastForward('01:00');
    await banner(page).waitFor({ state: 'visible' });
    expect(await banner(page).innerText()).toContain('5 分钟后将自动退出登录');
    expect(await page.getByRole('link', { name: '重新登录' }).isVisible()).toBe(false);
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}exam-idle-warning`)).toEqual({ light: [], dark: [] });
    await page.getByRole('button', { name: '保持登录' }).click();
    await banner(page).waitFor({ state: 'hidden' });
    expect(await savedAnswers(page)).toBe(1);
  });

  it('an answer given after the session ended stays on the page and is saved once signed in again', async () => {
    const { page } = browser;
    const logout = await page.request.post(`${server.url}/api/auth/logout`, { headers: { origin: server.url }, data: {} });
    expect(logout.status()).toBe(200);
    const position = await answerOne(page, 1);
    await banner(page).waitFor({ state: 'visible' });
    const text = await banner(page).innerText();
    expect(text).toContain('登录已失效');
    expect(text).toContain('重新登录回到本页后会自动保存');
    expect(await page.getByRole('button', { name: '保持登录' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '重新登录' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`${EXAM_PATH}?attempt=${attemptId}`)}`,
    );
    await expect.poll(() => page.locator('.exam-bar').innerText()).toContain('1 题未保存');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}exam-session-ended-375`)).toEqual({ light: [], dark: [] });
    await page.setViewportSize({ width: 1280, height: 800 });

    await browser.context.addCookies([{ name: 'asa_session', value: secondToken, url: server.url }]);
    await page.reload();
    await page.locator('.exam fieldset').waitFor();
    await expect.poll(() => page.locator('.exam-bar').innerText()).toContain('答案已自动保存');
    expect(await savedAnswers(page)).toBe(2);
    const nav = page.getByRole('navigation', { name: '题目导航' }).getByRole('button');
    expect(await nav.nth(position).getAttribute('class')).toContain('answered');
  });
});
