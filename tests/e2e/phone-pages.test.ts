import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { displayAnswer } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { type AttemptRecord, openLowdbStore } from '../../src/server/store/index.ts';
import { ROOT, type TestServer } from '../server/built-server.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { axeViolations, type Browser, describeViolations, launchBrowser, violationsInBothSchemes } from './harness.ts';

// The main trainee and lead pages on a 375 px phone, with data on them (graded attempts, an attempt in progress):
// nothing makes the page scroll sideways (wide tables and charts scroll inside their own region, or change layout),
// and axe finds nothing in light or dark. Screenshots of each page land in tests/e2e/screenshots/phone-*.png.

vi.setConfig({ testTimeout: 180_000 });

const EXAM_ID = 'basic-certification';
const PHONE = { width: 375, height: 812 };
const content = loadExamContent(join(ROOT, 'content'));
const lead = newUser({ role: 'lead', name: '赵组长', employeeId: 'LEAD-0001', cohort: null });
// Scores spread over the pass mark, in two cohorts, so the dashboard, the heatmaps and the item analysis have rows.
const takers = [
  { user: newUser({ name: '孙一', cohort: '售后一组' }), correct: 18 },
  { user: newUser({ name: '孙二', cohort: '售后一组' }), correct: 9 },
  { user: newUser({ name: '周三', cohort: '售后二组' }), correct: 15 },
  { user: newUser({ name: '周四', cohort: '售后二组' }), correct: 4 },
];
const trainee = newUser({ name: '吴学员', cohort: '售后二组' });
const tokens = new Map<string, string>();
let academy: Academy;
let server: TestServer;
let browser: Browser;
const apis: APIRequestContext[] = [];

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    const now = Date.now();
    for (const user of [lead, trainee, ...takers.map((t) => t.user)]) {
      await store.createUser(user);
      const token = randomBytes(32).toString('base64url');
      tokens.set(user.id, token);
      await store.createSession({ id: hash(token), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
    }
    await store.close();
  });
  server = academy.server;
  browser = await launchBrowser();
  browser.page.on('dialog', (dialog) => void dialog.accept());
  await browser.page.setViewportSize(PHONE);

  // The takers sit the exam through the API, answering the first `correct` questions right.
  for (const { user, correct } of takers) {
    const api = await request.newContext({
      baseURL: server.url,
      extraHTTPHeaders: { origin: server.url, cookie: `asa_session=${tokens.get(user.id)}` },
    });
    apis.push(api);
    const started = await api.post(`/api/exams/${EXAM_ID}/start`, { data: {} });
    expect(started.status()).toBe(201);
    const { attempt } = (await started.json()) as { attempt: { id: string } };
    const paper = (await paperOf(attempt.id))!;
    for (const entry of paper.items.slice(0, correct)) {
      const response = displayAnswer(entry, content.lookup(entry.itemId)!.key);
      expect((await api.put(`/api/attempts/${attempt.id}/answers`, { data: { itemId: entry.itemId, response, version: 1 } })).status()).toBe(200);
    }
    expect((await api.post(`/api/attempts/${attempt.id}/submit`, { data: {} })).status()).toBe(200);
  }
});

afterAll(async () => {
  for (const api of apis) await api.dispose();
  await browser?.close();
  await academy?.stop();
});

/** The attempt's paper (items with option orders) as the server wrote it (the test plays a taker who knows the keys). */
async function paperOf(attemptId: string): Promise<AttemptRecord | null> {
  const store = await openLowdbStore(academy.dataDir);
  try {
    return await store.getAttempt(attemptId);
  } finally {
    await store.close();
  }
}

async function signInAs(userId: string): Promise<void> {
  await browser.context.clearCookies();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens.get(userId)!, url: server.url }]);
}

/** Elements wider than the viewport that are not inside a region that scrolls on purpose. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      if (element.closest('.table-scroll, .chart-scroll, [data-scrolls], pre, .visually-hidden')) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
      out.push(`${name} (right edge ${Math.round(box.right)} px)`);
    }
    return out.slice(0, 10);
  }, PHONE.width);
}

/**
 * No sideways scrolling, nothing sticking out, axe clean in light and dark, and screenshots: the first screens one by
 * one (a whole long page scaled down is unreadable). `openDetails: false` for pages with many large <details> (item
 * analysis), whose full-page screenshot would take too long; their first <details> is opened.
 */
async function checkPage(page: Page, name: string, { openDetails = true } = {}): Promise<void> {
  await page.evaluate((all) => {
    const details = [...document.querySelectorAll('details')];
    for (const element of all ? details : details.slice(0, 1)) element.open = true;
  }, openDetails);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: the page scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
  expect(await overflowing(page), name).toEqual([]);
  if (openDetails) expect(await violationsInBothSchemes(page, `${SCREENSHOTS}phone-${name}`)).toEqual({ light: [], dark: [] });
  else {
    // Without the full-page screenshots violationsInBothSchemes takes first (too slow for a page this long).
    expect(describeViolations(await axeViolations(page)), `${name}, light`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(describeViolations(await axeViolations(page)), `${name}, dark`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let screen = 0; screen < 6 && screen * PHONE.height < height; screen += 1) {
    const clip = { x: 0, y: screen * PHONE.height, width: PHONE.width, height: Math.min(PHONE.height, height - screen * PHONE.height) };
    await page.screenshot({ path: `${SCREENSHOTS}phone-${name}-${screen + 1}.png`, clip, fullPage: true });
  }
}

describe('the main pages at 375 px', () => {
  it('trainee pages: home, a case, practice, the exam in progress, /me', async () => {
    const { page } = browser;
    await signInAs(trainee.id);
    await page.goto(`${server.url}/`);
    await checkPage(page, 'home');
    await page.goto(`${server.url}/cases/address-change-failed-friend-gift`);
    await page.getByText('查看裁决').first().click();
    await checkPage(page, 'case');
    await page.goto(`${server.url}/practice`);
    await checkPage(page, 'practice');

    await page.goto(`${server.url}/exams/${EXAM_ID}`);
    await checkPage(page, 'exam-start');
    await page.getByRole('button', { name: '开始考试' }).click();
    await page.getByRole('button', { name: '确认开始' }).click();
    await page.waitForURL(/\?attempt=/);
    await page.locator('.exam fieldset').waitFor();
    await page.locator('.exam fieldset input').first().check();
    await expect.poll(() => page.locator('.exam-bar').innerText()).toContain('答案已自动保存');
    await checkPage(page, 'exam');

    await page.goto(`${server.url}/me`);
    await checkPage(page, 'me');
  });

  // One test per page: item analysis alone is a long page (every item with its distractors) that takes a while to check.
  it.each([
    ['/lead', 'lead'],
    ['/lead/dashboard', 'dashboard'],
    ['/lead/items', 'items'],
    ['/lead/trainees', 'trainees'],
    ['trainee', 'trainee-detail'],
    ['/lead/studio', 'studio'],
  ] as const)('lead page %s', async (path, name) => {
    const { page } = browser;
    await signInAs(lead.id);
    await page.goto(`${server.url}${path === 'trainee' ? `/lead/trainees/${takers[1]!.user.id}` : path}`);
    await checkPage(page, name, { openDetails: name !== 'items' });
  });
});
