import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOUBLED_PUNCTUATION } from '../../src/present/index.ts';
import { assembleAttempt, attemptDuration, displayAnswer } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { openLowdbStore, type AttemptRecord } from '../../src/server/store/index.ts';
import { ROOT, type TestServer } from '../server/built-server.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// The trainee's exam journey as a good LMS runs it: the rules and a confirmation before 开始考试, 继续考试 from the
// exam page and /me, focus mode (no site navigation, leaving asks), practice's shortcuts and option cards, a timer
// that stays on screen on a phone, and a result page with attempts left, the cooldown and 再考一次, reviewing every
// question with the rule behind each choice.

const EXAM_ID = 'basic-certification';
const EXAM_PATH = `/exams/${EXAM_ID}`;
const LEAVE = '考试仍在计时';
const content = loadExamContent(join(ROOT, 'content'));
const exam = content.exams.get(EXAM_ID)!;
const trainee = newUser({ name: '赵六' });
const retaker = newUser({ name: '钱七' });
const tokens = new Map<string, string>();
let academy: Academy;
let server: TestServer;
let browser: Browser;
let attemptId: string;
let items: AttemptRecord['items'];
const dialogs: { type: string; message: string }[] = [];
let dismissLeave = false;

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    const now = Date.now();
    for (const user of [trainee, retaker]) {
      await store.createUser(user);
      const token = randomBytes(32).toString('base64url');
      await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
      tokens.set(user.id, token);
    }
    // The retaker failed once, 26 hours ago: one of three attempts used, the 24-hour cooldown over.
    const startedAt = now - 26 * 3_600_000;
    const paper = assembleAttempt(exam, content.bank, 7);
    const created = await store.createAttempt({
      id: 'past-attempt-0001',
      examId: EXAM_ID,
      userId: retaker.id,
      seed: 7,
      edition: content.edition,
      contentVersion: content.contentVersion,
      items: paper,
      startedAt,
      deadlineAt: startedAt + attemptDuration(exam),
    });
    if (!created.ok) throw new Error(created.code);
    const perItem = paper.map((entry) => ({ itemId: entry.itemId, correct: false, ruleArea: 'general' }));
    await store.submitAttempt('past-attempt-0001', { score: 0, maxScore: paper.length, passed: false, perItem, certificateId: null }, startedAt + 600_000);
    await store.close();
  });
  server = academy.server;
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens.get(trainee.id)!, url: server.url }]);
  browser.page.on('dialog', (dialog: Dialog) => {
    dialogs.push({ type: dialog.type(), message: dialog.message() });
    void (dismissLeave && dialog.message().includes(LEAVE) ? dialog.dismiss() : dialog.accept());
  });
});

afterAll(async () => {
  await browser?.close();
  await academy?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await violationsInBothSchemes(page, `${SCREENSHOTS}exam-journey-${name}`)).toEqual({ light: [], dark: [] });
}

const nav = (page: Page) => page.getByRole('navigation', { name: '题目导航' }).getByRole('button');
const typeOf = (entry: AttemptRecord['items'][number]) => content.lookup(entry.itemId)!.item.type;

describe('the exam journey in the browser', () => {
  it('states the rules and asks before 开始考试; 取消 starts nothing', async () => {
    const { page } = browser;
    await page.goto(`${server.url}${EXAM_PATH}`);
    const brief = await page.locator('.exam-brief').innerText();
    expect(brief).toContain('限时 30 分钟');
    expect(brief).toContain('答对 80% 及以上通过');
    expect(brief).toContain('剩余 3 次');
    expect(brief).toContain('自动交卷');
    await page.getByRole('button', { name: '开始考试' }).click();
    const dialog = page.getByRole('dialog', { name: '确认开始考试？' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('剩余考试次数：3 / 3');
    expect(text).toContain('限时 30 分钟');
    expect(text).toContain('时间到时，系统按已保存的答案自动交卷');
    await expectAccessible(page, 'confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).not.toContain('attempt=');
    expect(await page.locator('.exam').count()).toBe(0);

    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.locator('.exam fieldset').waitFor();
    await page.waitForURL(/\?attempt=/);
    attemptId = new URL(page.url()).searchParams.get('attempt')!;
    const store = await openLowdbStore(academy.dataDir);
    items = (await store.getAttempt(attemptId))!.items;
    await store.close();
  }, 120_000);

  it('focus mode: the site navigation is hidden, and leaving by a link or a reload asks first', async () => {
    const { page } = browser;
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.account-bar').isVisible()).toBe(false);
    dismissLeave = true;
    await page.locator('.brand').click();
    await expect.poll(() => dialogs.some((dialog) => dialog.message.includes(LEAVE))).toBe(true);
    expect(new URL(page.url()).pathname).toBe(EXAM_PATH);
    dismissLeave = false;
    await page.reload();
    await page.locator('.exam fieldset').waitFor();
    expect(dialogs.some((dialog) => dialog.type === 'beforeunload')).toBe(true);
  });

  it('shortcuts as in practice: a number picks a choice, F flags, ←/→ move; the help line says so', async () => {
    const { page } = browser;
    expect(await page.locator('.exam-keys').innerText()).toContain('数字 1–9');
    const position = items.findIndex((entry) => typeOf(entry) === 'single' || typeOf(entry) === 'truefalse');
    await nav(page).nth(position).click();
    await page.keyboard.press('2');
    expect(await page.locator('.exam fieldset input').nth(1).isChecked()).toBe(true);
    expect(await page.locator('.practice-choice.is-checked').count()).toBe(1);
    await page.keyboard.press('f');
    expect(await page.getByLabel('标记此题，稍后再看').isChecked()).toBe(true);
    // On a focused radio the browser's arrow keys change the choice; from elsewhere they change the question.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    expect(await nav(page).nth(position + 1).getAttribute('aria-current')).toBe('step');
    await page.keyboard.press('ArrowLeft');
    expect(await nav(page).nth(position).getAttribute('aria-current')).toBe('step');
    await expect.poll(() => page.locator('.exam-bar').innerText()).toContain('已自动保存');
    await expect.poll(() => page.locator('.exam-nav button.flagged').count()).toBe(1);
  });

  it('on a 375 px phone the timer stays on screen while the question scrolls', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 700 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await page.locator('.exam-bar').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(5);
    expect(await page.locator('.exam-bar').innerText()).toMatch(/剩余时间 \d\d:\d\d/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it('继续考试 from /me and from the exam page comes back to the open attempt', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/me`);
    await page.locator('[data-continue-exam]').click();
    await page.waitForURL(new RegExp(`attempt=${attemptId}`));
    await page.locator('.exam fieldset').waitFor();
    await page.goto(`${server.url}${EXAM_PATH}`);
    expect(await page.getByRole('button', { name: '开始考试' }).count()).toBe(0);
    await page.getByRole('link', { name: '继续考试' }).click();
    await page.waitForURL(new RegExp(`attempt=${attemptId}`));
    await page.locator('.exam fieldset').waitFor();
  });

  it('the result: attempts left, the cooldown, and every question reviewed with each choice’s rule', async () => {
    const { page } = browser;
    // All but the last three right, through the API the island uses; the page then submits.
    for (const entry of items.slice(0, -3)) {
      const response = await page.request.put(`${server.url}/api/attempts/${attemptId}/answers`, {
        data: { itemId: entry.itemId, response: displayAnswer(entry, content.lookup(entry.itemId)!.key), version: 10 },
        headers: { origin: server.url },
      });
      expect(response.status()).toBe(200);
    }
    await page.reload();
    await page.locator('.exam fieldset').waitFor();
    await page.getByRole('button', { name: '交卷' }).click();
    await page.locator('.exam-result').waitFor();
    const next = await page.locator('[data-exam-next]').innerText();
    expect(next).toContain('剩余考试次数：2 / 3');
    expect(next).toMatch(/两次考试之间至少间隔 24 小时，\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?（北京时间）后可以再考/);
    expect(await page.getByRole('link', { name: '再考一次' }).count()).toBe(0);
    // A start during the cooldown (a stale page's 确认开始) comes back to the exam page, worded.
    const refused = await page.request.post(`${server.url}/api/exams/${EXAM_ID}/start`, { form: { go: '1' }, headers: { origin: server.url }, maxRedirects: 0 });
    expect(refused.status()).toBe(303);
    expect(refused.headers()['location']).toBe(`${EXAM_PATH}?refused=EXAM_COOLDOWN`);
    expect(await page.locator('.exam-review-item').count()).toBe(items.length);
    const explained = page.locator('.exam-review-item:not(.correct)');
    expect(await explained.count()).toBe(3);
    for (const item of await explained.all()) {
      if ((await item.locator('.exam-review-option').count()) === 0) continue;
      for (const option of await item.locator('.exam-review-reason').all()) expect(await option.innerText()).toMatch(/依据「.+」（(R|SOP)-[A-Z0-9-]+）/);
    }
    expect(await page.locator('.exam-review-item.blank').first().innerText()).toContain('你的答案：未作答');
    const review = await page.locator('.exam-result').innerText();
    expect(review.match(DOUBLED_PUNCTUATION)).toBeNull();
    // The result page needs no script of its own: only the account bar's.
    expect(await page.locator('astro-island').count()).toBe(0);
    await expectAccessible(page, 'result');
    await page.setViewportSize({ width: 375, height: 700 });
    await expectAccessible(page, 'result-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 180_000);

  it('the exam page words a refused start and offers no 开始考试 during the cooldown', async () => {
    const { page } = browser;
    await page.goto(`${server.url}${EXAM_PATH}?refused=EXAM_COOLDOWN`);
    expect(await page.getByRole('alert').innerText()).toContain('距离上次考试的间隔还不够');
    expect(await page.locator('.exam-brief').innerText()).toMatch(/（北京时间）后可以再考/);
    expect(await page.getByRole('button', { name: '开始考试' }).count()).toBe(0);
  });

  it('after the cooldown, the result page offers 再考一次, which asks first and starts a new attempt', async () => {
    const { page } = browser;
    await browser.context.clearCookies();
    await browser.context.addCookies([{ name: 'asa_session', value: tokens.get(retaker.id)!, url: server.url }]);
    await page.goto(`${server.url}/me`);
    await page.getByRole('link', { name: '查看结果' }).click();
    await page.locator('.exam-result').waitFor();
    expect(await page.locator('[data-exam-next]').innerText()).toContain('剩余考试次数：2 / 3');
    await page.getByRole('link', { name: '再考一次' }).click();
    const dialog = page.getByRole('dialog', { name: '确认开始考试？' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('剩余考试次数：2 / 3');
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.locator('.exam fieldset').waitFor();
    await page.waitForURL(/\?attempt=/);
    expect(page.url()).not.toContain('retake');
    expect(new URL(page.url()).searchParams.get('attempt')).not.toBe('past-attempt-0001');
  });
});
