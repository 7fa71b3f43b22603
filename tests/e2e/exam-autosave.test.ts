import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayAnswer } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { openLowdbStore, type AttemptRecord } from '../../src/server/store/index.ts';
import { ROOT, type TestServer } from '../server/built-server.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// The exam page's autosave under a bad network: every save delayed 0–600 ms at random, the network cut and restored,
// saves refused, a reload with unsaved answers, and 交卷 while saves are in flight. What the page shows as chosen must
// be what the server holds, and the score must be the score of exactly those answers, computed here from the keys.

const EXAM_PATH = '/exams/basic-certification';
const SEED = Number(process.env['AUTOSAVE_SEED'] ?? Date.now() % 2 ** 31);
const content = loadExamContent(join(ROOT, 'content'));
const delayed = newUser({ name: '李四' });
const offline = newUser({ name: '王五' });
const tokens = new Map<string, string>();
let academy: Academy;
let server: TestServer;

/** mulberry32: a seeded random source, so a failing run can be replayed with AUTOSAVE_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  console.log(`exam autosave e2e: seed ${SEED} (replay with AUTOSAVE_SEED=${SEED})`);
  // Trainees with live sessions, seeded through the store: sign-in is tested elsewhere.
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    const now = Date.now();
    for (const user of [delayed, offline]) {
      await store.createUser(user);
      const token = randomBytes(32).toString('base64url');
      await store.createSession({ id: createHash('sha256').update(token).digest('hex'), userId: user.id, createdAt: now, expiresAt: now + 3_600_000, lastSeenAt: now, idleMs: 7_200_000 });
      tokens.set(user.id, token);
    }
    await store.close();
  });
  server = academy.server;
});

afterAll(async () => {
  await academy?.stop();
});

type Entry = AttemptRecord['items'][number];
type Shown = { response: unknown; flagged: boolean };

const typeOf = (entry: Entry) => content.lookup(entry.itemId)!.item.type;
/** The correct answer in display order, from the key. */
const correctOf = (entry: Entry) => displayAnswer(entry, content.lookup(entry.itemId)!.key) as unknown;

/** A wrong answer of the right shape. */
function wrongOf(entry: Entry, choices: readonly string[]): unknown {
  const right = correctOf(entry);
  switch (typeOf(entry)) {
    case 'single':
      return ((right as number) + 1) % choices.length;
    case 'truefalse':
      return !right;
    case 'multiple': {
      const set = new Set(right as number[]);
      return choices.map((_, index) => index).filter((index) => !set.has(index)).slice(0, 1);
    }
    case 'ordering':
      return [...(right as string[])].reverse();
  }
}

/** Whether a stored response is right, judged here from the key: sets for multiple choice, exact otherwise. */
function isRight(entry: Entry, response: unknown): boolean {
  const right = correctOf(entry);
  if (response === null || response === undefined) return false;
  if (typeOf(entry) === 'multiple') return JSON.stringify([...(response as number[])].sort()) === JSON.stringify([...(right as number[])].sort());
  return JSON.stringify(response) === JSON.stringify(right);
}

interface OpenExam {
  readonly browser: Browser;
  readonly attemptId: string;
  readonly items: readonly Entry[];
  /** Every dialog message the page showed, in order. */
  readonly dialogs: string[];
  /** Dialogs whose message matches `rule` are cancelled from now on; the rest are accepted. */
  dismissWhen(rule: (message: string) => boolean): void;
}

/** Opens the exam page signed in as `user`, starts the attempt and reads its paper. */
async function openExam(user: typeof delayed): Promise<OpenExam> {
  const browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens.get(user.id)!, url: server.url }]);
  const dialogs: string[] = [];
  const policy = { dismiss: (_message: string) => false };
  browser.page.on('dialog', (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void (policy.dismiss(dialog.message()) ? dialog.dismiss() : dialog.accept());
  });
  await browser.page.goto(`${server.url}${EXAM_PATH}`);
  await browser.page.getByRole('button', { name: '开始考试' }).click();
  await browser.page.getByRole('button', { name: '确认开始' }).click();
  await browser.page.locator('.exam fieldset').waitFor();
  await browser.page.waitForURL(/\?attempt=/);
  const attemptId = new URL(browser.page.url()).searchParams.get('attempt')!;
  // The test plays a trainee who knows the keys: it reads the paper (with option orders) the server wrote.
  const store = await openLowdbStore(academy.dataDir);
  const items = [...(await store.getAttempt(attemptId))!.items];
  await store.close();
  return { browser, attemptId, items, dialogs, dismissWhen: (rule) => (policy.dismiss = rule) };
}

const nav = (page: Page) => page.getByRole('navigation', { name: '题目导航' }).getByRole('button');

/** Goes to question `position` and makes the page show `response` by clicking as a trainee would. */
async function answerInPage(page: Page, position: number, type: string, response: unknown): Promise<void> {
  await nav(page).nth(position).click();
  const inputs = page.locator('.exam fieldset input');
  if (type === 'single') await inputs.nth(response as number).check();
  else if (type === 'truefalse') await inputs.nth(response ? 0 : 1).check();
  else if (type === 'multiple') {
    const wanted = new Set(response as number[]);
    const count = await inputs.count();
    for (let index = 0; index < count; index += 1) await inputs.nth(index).setChecked(wanted.has(index));
  } else {
    const target = response as string[];
    for (let place = 0; place < target.length; place += 1) {
      for (;;) {
        const order = await shownOrder(page);
        const at = order.indexOf(target[place]!);
        if (at <= place) break;
        await page.getByRole('button', { name: `上移“${target[place]}”` }).click();
      }
    }
  }
}

const shownOrder = (page: Page) =>
  page.locator('.exam-order li').evaluateAll((items) => items.map((item) => (item.firstChild?.textContent ?? '').trim()));

/** What the page shows for question `position`: read from the checked inputs or the list order, not from state. */
async function shownInPage(page: Page, position: number, type: string): Promise<Shown> {
  await nav(page).nth(position).click();
  const flagged = await page.getByLabel('标记此题，稍后再看').isChecked();
  if (type === 'ordering') return { response: await shownOrder(page), flagged };
  const checked = await page.locator('.exam fieldset input').evaluateAll((inputs) => inputs.flatMap((input, index) => ((input as HTMLInputElement).checked ? [index] : [])));
  if (type === 'multiple') return { response: checked.length ? checked : null, flagged };
  if (checked.length === 0) return { response: null, flagged };
  return { response: type === 'truefalse' ? checked[0] === 0 : checked[0], flagged };
}

async function serverAnswers(page: Page, attemptId: string): Promise<Record<string, Shown & { version: number }>> {
  const response = await page.request.get(`${server.url}/api/attempts/${attemptId}`);
  expect(response.status()).toBe(200);
  return (await response.json()).attempt.answers;
}

/** Every question the page shows as answered (or flagged) is on the server with exactly that answer. */
async function expectPageMatchesServer(page: Page, attemptId: string, items: readonly Entry[]): Promise<number> {
  const stored = await serverAnswers(page, attemptId);
  let answered = 0;
  for (const [position, entry] of items.entries()) {
    const shown = await shownInPage(page, position, typeOf(entry));
    // An ordering question shows its steps even unanswered; only a stored answer makes it answered.
    if (typeOf(entry) === 'ordering' && !stored[entry.itemId]) continue;
    if (shown.response === null && !shown.flagged) {
      expect(stored[entry.itemId]?.response ?? null, `question ${position + 1}`).toBeNull();
      continue;
    }
    expect({ response: stored[entry.itemId]?.response ?? null, flagged: stored[entry.itemId]?.flagged ?? false }, `question ${position + 1}`).toEqual(shown);
    if (shown.response !== null) answered += 1;
  }
  return answered;
}

const savedCount = (page: Page) => page.locator('.exam-nav button[data-save="saved"]').count();

/** Submits and returns the score the page shows. */
async function scoreShown(page: Page): Promise<number> {
  await page.locator('.exam-result').waitFor({ timeout: 30_000 });
  const [, score] = (await page.locator('.exam-result').innerText()).match(/得分 (\d+) \/ 20/)!;
  return Number(score);
}

async function expectedScore(page: Page, attemptId: string, items: readonly Entry[]): Promise<number> {
  const stored = await serverAnswers(page, attemptId);
  return items.filter((entry) => isRight(entry, stored[entry.itemId]?.response)).length;
}

describe('exam autosave in the browser', () => {
  it('every autosave delayed 0–600 ms at random: all 20 answers reach the server, changed answers included, and survive a reload', async () => {
    const exam = await openExam(delayed);
    const { page, context } = exam.browser;
    const next = random(SEED);
    // While held, a save waits at the proxy (after its random delay) until released. Two checks need saves still in
    // flight: after the quick clicks, and at 交卷 right after three corrections. With the random delays alone they
    // depended on a delay outlasting the clicks that followed (a short one, under load, made the run fail).
    let held: { readonly until: Promise<void>; readonly release: () => void } | null = null;
    const hold = () => {
      let release = () => {};
      const until = new Promise<void>((resolve) => (release = resolve));
      held = { until, release };
    };
    const release = () => {
      held?.release();
      held = null;
    };
    await context.route('**/api/attempts/*/answers', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, next() * 600));
      await held?.until;
      await route.continue();
    });
    const choicesOf = async (position: number) => {
      await nav(page).nth(position).click();
      return page.locator('.exam fieldset input').count().then((count) => Array.from({ length: count }, String));
    };
    // Quick clicks, no waiting for saves: half the questions answered wrong first and corrected, four left wrong.
    for (const [position, entry] of exam.items.entries()) {
      // The last four answers (left wrong) stay in flight until checked below.
      if (position === 16) hold();
      const type = typeOf(entry);
      const wrong = wrongOf(entry, await choicesOf(position));
      if (position % 2 === 0 || position >= 16) await answerInPage(page, position, type, wrong);
      if (position < 16) await answerInPage(page, position, type, correctOf(entry));
      if (position % 7 === 3) await page.getByLabel('标记此题，稍后再看').check();
    }
    expect(await page.locator('.exam-nav button[data-save="saving"], .exam-nav button[data-save="unsaved"]').count()).toBeGreaterThan(0);
    release();
    await expect.poll(() => savedCount(page), { timeout: 30_000 }).toBe(20);
    expect(await page.locator('[data-save-summary]').innerText()).toBe('答案已自动保存');
    await page.screenshot({ path: `${SCREENSHOTS}exam-autosave-delayed.png`, fullPage: true });
    expect(await expectPageMatchesServer(page, exam.attemptId, exam.items)).toBe(20);

    await page.reload();
    await page.locator('.exam fieldset').waitFor();
    await expect.poll(() => savedCount(page)).toBe(20);
    expect(await expectPageMatchesServer(page, exam.attemptId, exam.items)).toBe(20);

    // 交卷 right after three corrections, while their saves are still held: the page waits for them first.
    hold();
    for (const position of [16, 17, 18]) await answerInPage(page, position, typeOf(exam.items[position]!), correctOf(exam.items[position]!));
    const before = await serverAnswers(page, exam.attemptId);
    expect(exam.items.slice(16, 19).every((entry) => !isRight(entry, before[entry.itemId]?.response))).toBe(true);
    // The click returns once the page has confirmed and started waiting for its saves (flush); then they go through.
    await page.getByRole('button', { name: '交卷' }).click();
    release();
    const score = await scoreShown(page);
    expect(exam.dialogs.some((message) => message.includes('还没有保存到服务器'))).toBe(false);
    // The score is what the keys say about the answers the server acknowledged: 19 right (question 20 stayed wrong).
    expect(score).toBe(await expectedScore(page, exam.attemptId, exam.items));
    expect(score).toBe(19);
    await exam.browser.close();
  }, 180_000);

  it('network cut and restored, saves refused, a reload with unsaved answers, and 交卷 refused while answers are unsaved', async () => {
    const exam = await openExam(offline);
    const { page, context } = exam.browser;
    const answer = (position: number) => answerInPage(page, position, typeOf(exam.items[position]!), correctOf(exam.items[position]!));
    for (const position of [0, 1, 2, 3]) await answer(position);
    await expect.poll(() => savedCount(page)).toBe(4);

    // Offline: the answers stay on the page, marked 未保存, and a notice says so.
    await context.setOffline(true);
    for (const position of [4, 5, 6]) await answer(position);
    await expect.poll(() => page.locator('.exam-nav button[data-save="unsaved"]').count()).toBe(3);
    expect(await page.locator('[data-save-summary]').innerText()).toBe('3 题未保存');
    expect(await page.locator('.exam-warning').innerText()).toContain('第 5、6、7 题还没有保存到服务器（网络中断）');
    // The visible countdown is in no live region; the status region carries only the save warning.
    expect(await page.locator('[aria-live], [role="status"], [role="alert"]').filter({ hasText: '剩余时间' }).count()).toBe(0);
    await expect.poll(() => page.locator('[role="status"]').innerText()).toBe('有答案未保存，恢复后自动重试。');
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}exam-autosave-offline`)).toEqual({ light: [], dark: [] });

    await context.setOffline(false);
    await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(7);
    await expect.poll(() => page.locator('[role="status"]').innerText()).toBe('所有答案已保存。');
    expect(await expectPageMatchesServer(page, exam.attemptId, exam.items)).toBe(7);

    // Saves refused by a broken proxy, then a reload: the unsaved answers come back from sessionStorage and are sent.
    await page.route('**/api/attempts/*/answers', (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }));
    for (const position of [7, 8, 9]) await answer(position);
    await expect.poll(() => page.locator('.exam-nav button[data-save="unsaved"]').count()).toBe(3);
    await page.unroute('**/api/attempts/*/answers');
    await page.reload();
    await page.locator('.exam fieldset').waitFor();
    await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(10);
    expect(await expectPageMatchesServer(page, exam.attemptId, exam.items)).toBe(10);

    // Offline again, one more answer, then 交卷: the page tries to save for a while, then warns; cancelling keeps the exam.
    await context.setOffline(true);
    await answer(10);
    exam.dismissWhen((message) => message.includes('还没有保存到服务器'));
    await page.getByRole('button', { name: '交卷' }).click();
    await expect.poll(() => exam.dialogs.some((message) => message.includes('还没有保存到服务器')), { timeout: 20_000 }).toBe(true);
    expect(exam.dialogs.at(-1)).toContain('第 11 题还没有保存到服务器');
    await page.getByRole('button', { name: '交卷' }).waitFor();
    expect(await page.locator('.exam-result').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}exam-autosave-submit-blocked.png`, fullPage: true });

    await context.setOffline(false);
    await expect.poll(() => savedCount(page), { timeout: 20_000 }).toBe(11);
    await page.getByRole('button', { name: '交卷' }).click();
    const score = await scoreShown(page);
    expect(score).toBe(await expectedScore(page, exam.attemptId, exam.items));
    expect(score).toBe(11);
    await exam.browser.close();
  }, 180_000);
});
