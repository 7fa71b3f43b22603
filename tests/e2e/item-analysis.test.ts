import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SingleChoiceItem } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { ROOT, type TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions, signedInClient, takeExam, type TakenAttempt } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

const EXAM_ID = 'basic-certification';
const content = loadExamContent(join(ROOT, 'content'));
const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-ITEMS-1' });
const trainees = [0, 1, 2, 3].map((index) => newUser({ name: `学员${index + 1}`, employeeId: `E-ITEMS-${index + 1}`, cohort: index < 2 ? '售后一组' : '售后二组' }));
// Four answer patterns: all right, all wrong, every other question right, the first ten right and the rest blank.
const PLANS: ((index: number) => boolean | null)[] = [() => true, () => false, (i) => i % 2 === 0, (i) => (i < 10 ? true : null)];

let server: TestServer;
let academy: Academy;
let browser: Browser;
let taken: TakenAttempt[];

beforeAll(async () => {
  let tokens: Record<string, string> = {};
  academy = await startAcademy(async (dataDir) => {
    tokens = await seedUsersWithSessions(dataDir, [lead, ...trainees]);
  });
  ({ server } = academy);
  taken = [];
  for (const [index, trainee] of trainees.entries()) {
    taken.push(await takeExam(signedInClient(server.url, tokens[trainee.id]!), EXAM_ID, content, PLANS[index]!));
  }
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens[lead.id]!, url: server.url }]);
});

afterAll(async () => {
  await browser?.close();
  await academy?.stop();
});

/** n and correct count per analysis row (item id, template id and variant id), counted from the attempts taken. */
function expectedRows(): Map<string, { n: number; correct: number }> {
  const rows = new Map<string, { n: number; correct: number }>();
  const add = (id: string, right: boolean) => {
    const row = rows.get(id) ?? { n: 0, correct: 0 };
    rows.set(id, { n: row.n + 1, correct: row.correct + (right ? 1 : 0) });
  };
  for (const attempt of taken) {
    for (const itemId of attempt.itemIds) {
      const right = attempt.rightIds.has(itemId);
      add(itemId, right);
      if (itemId.includes('~')) add(itemId.slice(0, itemId.indexOf('~')), right);
    }
  }
  return rows;
}

describe('item analysis page', () => {
  it('the four attempts were graded as planned', () => {
    // 20 questions each: 20 right; 0 right; indices 0, 2, …, 18 = 10 right; indices 0–9 = 10 right.
    expect(taken.map((attempt) => attempt.result.score)).toEqual([20, 0, 10, 10]);
  });

  it('is linked from the lead home and shows every question the attempts drew, with n and facility', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead`);
    await page.getByRole('link', { name: '题目分析' }).click();
    await page.waitForURL(`${server.url}/lead/items`);
    expect(await page.locator('[data-analysis-summary]').innerText()).toContain('共分析 4 次已结束的作答');
    const expected = expectedRows();
    const shown = new Map<string, { n: string; facility: string; discrimination: string }>();
    for (const row of await page.locator('tr[data-item-row]').all()) {
      const cells = await row.locator('td').allInnerTexts();
      shown.set((await row.getAttribute('data-item-row'))!, { n: cells[1]!, facility: cells[2]!, discrimination: cells[3]! });
    }
    expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, { n, correct }] of expected) {
      // Facility = correct / n with two decimals; at most 4 responses is below the 10 needed for D.
      expect(shown.get(id), id).toEqual({ n: String(n), facility: (correct / n).toFixed(2), discrimination: '数据不足' });
    }
    // Rows are named by their stems, in Chinese; no author-form values such as `buyer（买家承担）`.
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/(?<![A-Z])[a-z][A-Za-z.]*（/);
    expect(await page.locator('tr[data-item-row]:not(.variant-row) th').first().innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: `${SCREENSHOTS}lead-items-top.png` });
    await page.locator('.table-scroll').first().screenshot({ path: `${SCREENSHOTS}lead-items-table.png` });
  });

  it('draws each option distribution as an SVG with a text alternative and a data table', async () => {
    const { page } = browser;
    const itemId = taken[1]!.itemIds.find((id) => !id.includes('~') && content.lookup(id)!.key.type === 'single')!;
    // All four attempts drew the paper independently, so count how many saw this item and how many chose its key.
    const seen = taken.filter((attempt) => attempt.itemIds.includes(itemId));
    const keyed = seen.filter((attempt) => attempt.rightIds.has(itemId)).length;
    const section = page.locator(`section#item-${itemId}`);
    const label = await section.locator('svg[role="img"]').getAttribute('aria-label');
    expect(label).toMatch(/（正确） \d+ 人次/);
    const correctCount = Number(label!.match(/（正确） (\d+) 人次/)![1]);
    expect(correctCount).toBe(keyed);
    expect(await section.locator('figcaption').innerText()).toContain(`共 ${seen.length} 人次`);
    await section.locator('summary').first().click();
    await section.screenshot({ path: `${SCREENSHOTS}lead-items-chart.png` });
    // One row per option plus one for blank answers.
    const { item } = content.lookup(itemId)!;
    expect(await section.locator('table tbody tr').count()).toBe((item as SingleChoiceItem).options.length + 1);
  });

  it('has no axe violations in light or dark mode', async () => {
    expect(await violationsInBothSchemes(browser.page, `${SCREENSHOTS}lead-items`)).toEqual({ light: [], dark: [] });
  });

  it('opens the per-exam view from /lead/exams, sorts by facility and offers the exports to the lead', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/exams`);
    await page.getByRole('link', { name: '查看这场考试的题目分析' }).click();
    await page.waitForURL(`${server.url}/lead/items?exam=${EXAM_ID}`);
    expect(await page.locator('h2#analysis-title').innerText()).toBe('售后规则基础认证');
    await page.getByRole('link', { name: '通过率从低到高' }).click();
    await page.waitForURL(/sort=facility/);
    const facilities = (await page.locator('tr[data-item-row]:not(.variant-row) td[data-facility]').allInnerTexts()).map(Number);
    expect(facilities).toEqual([...facilities].sort((a, b) => a - b));
    for (const link of await page.locator('.exports a').all()) {
      const response = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    }
  });
});
