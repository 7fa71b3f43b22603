import { createHash, randomBytes } from 'node:crypto';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLowdbStore } from '../../src/server/store/index.ts';
import type { TestServer } from '../server/built-server.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// A session's absolute limit (12 h) falling in the middle of a timed exam: the attempt holds the session for itself
// (src/server/auth/sessions.ts, docs/exams.md "Sessions"), so the trainee keeps saving, submits and sees the result,
// while every other page already asks to sign in. The server has no clock to drive, so the session is seeded as one
// signed in 12 h minus LIMIT_MS ago: its absolute limit falls LIMIT_MS after seeding, a few questions into the attempt.
// Attempt requests are delayed as on a slow network.

vi.setConfig({ testTimeout: 240_000 });

const EXAM_PATH = '/exams/basic-certification';
const LIMIT_MS = 60_000;
const trainee = newUser({ name: '钱考生' });
const token = randomBytes(32).toString('base64url');
let expiresAt = 0;
let academy: Academy;
let server: TestServer;
let browser: Browser;
let attemptId = '';

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    const now = Date.now();
    expiresAt = now + LIMIT_MS;
    await store.createUser(trainee);
    await store.createSession({
      id: createHash('sha256').update(token).digest('hex'),
      userId: trainee.id,
      createdAt: expiresAt - 12 * 3_600_000,
      expiresAt,
      lastSeenAt: now,
      idleMs: 2 * 3_600_000,
    });
    await store.close();
  });
  server = academy.server;
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: token, url: server.url }]);
  browser.page.on('dialog', (dialog: Dialog) => void dialog.accept());
  // A slow network for the attempt API: every request waits 300–1,500 ms (a fixed sequence, so a run replays).
  let n = 0;
  await browser.context.route('**/api/attempts/**', async (route) => {
    n += 1;
    await new Promise((resolve) => setTimeout(resolve, 300 + ((n * 487) % 1_200)));
    await route.continue();
  });
});

afterAll(async () => {
  await browser?.close();
  await academy?.stop();
});

/** Answers the question at `position` when it has option cards, by checking its first option; false otherwise. */
async function answerAt(page: Page, position: number): Promise<boolean> {
  await page.getByRole('navigation', { name: '题目导航' }).getByRole('button').nth(position).click();
  const options = page.locator('.exam fieldset input[type="radio"]');
  if ((await options.count()) === 0) return false;
  await options.nth(0).check();
  return true;
}

const allSaved = (page: Page) => expect.poll(() => page.locator('.exam-bar').innerText(), { timeout: 30_000 }).toContain('答案已自动保存');

describe('the 12 h session limit in the middle of an exam', () => {
  it('the attempt starts and saves before the limit', async () => {
    const { page } = browser;
    await page.goto(`${server.url}${EXAM_PATH}`);
    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.waitForURL(/\?attempt=/);
    await page.locator('.exam fieldset').waitFor();
    attemptId = new URL(await page.evaluate(() => location.href)).searchParams.get('attempt')!;
    // If this fails the machine took longer than LIMIT_MS to start the server and the attempt: nothing was proven.
    expect(Date.now(), 'the attempt must start before the seeded limit').toBeLessThan(expiresAt - 5_000);
    expect(await answerAt(page, 0)).toBe(true);
    await allSaved(page);
  });

  it('past the limit the exam page keeps saving (saves in flight across it too), while other pages ask to sign in', async () => {
    const { page } = browser;
    // Answer a question so that its save is in flight (300–1,500 ms) as the limit passes.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now() - 400)));
    let answered = 0;
    let position = 1;
    for (; answered < 1; position += 1) if (await answerAt(page, position)) answered += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now() + 1_000)));
    for (; answered < 3; position += 1) if (await answerAt(page, position)) answered += 1;
    await allSaved(page);
    expect(await page.locator('#idle-warning').isHidden()).toBe(true);

    // Outside the exam the session has ended: /me asks to sign in, the attempt of nobody else is reachable.
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/me`);
    expect(new URL(other.url()).pathname).toBe('/login');
    const start = await other.request.post(`${server.url}/api/exams/basic-certification/start`, { headers: { origin: server.url }, data: {} });
    expect(start.status()).toBe(401);
    await other.close();
    // …and the cookie the exam needs is still there.
    expect((await browser.context.cookies(server.url)).some((cookie) => cookie.name === 'asa_session')).toBe(true);

    // A reload of the exam page is a request of the attempt: served, every answer still there.
    await page.reload();
    await page.locator('.exam fieldset').waitFor();
    const nav = page.getByRole('navigation', { name: '题目导航' }).getByRole('button');
    await expect.poll(async () => (await nav.evaluateAll((buttons) => buttons.filter((b) => b.classList.contains('answered')).length))).toBe(4);
  });

  it('submits past the limit and shows the result, saying that the session is kept only for this exam', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '交卷' }).click();
    await page.waitForSelector('.exam-result', { timeout: 30_000 });
    expect(await page.locator('.exam-result h2').first().innerText()).toBe('已交卷');
    expect(await page.getByRole('status').filter({ hasText: '你的登录已到期' }).count()).toBe(1);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}exam-session-held-result-375`)).toEqual({ light: [], dark: [] });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Leaving the exam is leaving the hold: 返回我的学习 asks to sign in.
    await page.getByRole('link', { name: '返回我的学习' }).click();
    await page.waitForURL(/\/login\?next=/);
    expect(attemptId).not.toBe('');
  });
});
