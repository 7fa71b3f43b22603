import { join } from 'node:path';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayAnswer, ruleAreaOf } from '../../src/quiz/index.ts';
import { ruleAreas } from '../../src/rules/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { type AttemptRecord, openLowdbStore } from '../../src/server/store/index.ts';
import { ROOT, type TestServer } from '../server/built-server.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';
import { createFirstLead, importTrainees } from './people.ts';

const LEAD = { name: '王组长', employeeId: 'LEAD-00001', password: '售后规则学堂的组长口令' };
const EXAM_ID = 'basic-certification';
const PASSWORD = '学员的学习密码2025';

/**
 * The cohort: `correct` is how many of the 20 questions the trainee answers right (the rest are left blank, which
 * grades as wrong); null starts the exam without submitting; undefined never activates. Pass mark 80 % = 16.
 */
const TRAINEES = [
  { name: '张一', employeeId: 'D-0001', cohort: '售后一组', correct: 20 },
  { name: '张二', employeeId: 'D-0002', cohort: '售后一组', correct: 17 },
  { name: '张三', employeeId: 'D-0003', cohort: '售后一组', correct: 10 },
  { name: '李一', employeeId: 'D-0004', cohort: '售后二组', correct: 16 },
  { name: '李二', employeeId: 'D-0005', cohort: '售后二组', correct: 6 },
  { name: '李三', employeeId: 'D-0006', cohort: '售后二组', correct: null },
  { name: '李四', employeeId: 'D-0007', cohort: '售后二组', correct: undefined },
] as const;
type Trainee = (typeof TRAINEES)[number];

const content = loadExamContent(join(ROOT, 'content'));
let server: TestServer;
let dataDir: string;
let academy: Academy;
let leadBrowser: Browser;
const activationLinks = new Map<string, string>();
const attempts = new Map<string, AttemptRecord>();
const traineeApis: APIRequestContext[] = [];

beforeAll(async () => {
  academy = await startAcademy();
  ({ server, dataDir } = academy);
  leadBrowser = await launchBrowser();
});

afterAll(async () => {
  for (const api of traineeApis) await api.dispose();
  await leadBrowser?.close();
  await academy?.stop();
});

/** Opens every <details> (the chart tables), so that axe checks them too, then checks light and dark. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  expect(await violationsInBothSchemes(page, `${SCREENSHOTS}dashboard-${name}`)).toEqual({ light: [], dark: [] });
}

const statText = (page: Page, stat: string) => page.locator(`[data-stat="${stat}"]`).innerText();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

async function openDashboard(page: Page, query = ''): Promise<void> {
  await page.goto(`${server.url}/lead/dashboard${query}`);
}

/** Opens each chart's data table the way a reader does, by its summary. */
async function openChartTables(page: Page): Promise<void> {
  for (const summary of await page.locator('details.chart-table > summary').all()) await summary.click();
}

/** Activates the trainee through its one-time link and returns a signed-in API client (its own cookie jar). */
async function signedInTrainee(trainee: Trainee): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  traineeApis.push(api);
  const token = new URL(activationLinks.get(trainee.employeeId)!).searchParams.get('token');
  const activated = await api.post('/api/auth/activate', { data: { token, password: PASSWORD } });
  expect(activated.status(), trainee.name).toBe(200);
  return api;
}

/** Per-area [correct, asked] of one attempt where the first `correct` questions were answered right. */
function expectedAreas(attempt: AttemptRecord, correct: number): Map<string, [number, number]> {
  const tallies = new Map<string, [number, number]>();
  attempt.items.forEach((entry, index) => {
    const area = ruleAreaOf(content.lookup(entry.itemId)!.key);
    const [right, asked] = tallies.get(area) ?? [0, 0];
    tallies.set(area, [right + (index < correct ? 1 : 0), asked + 1]);
  });
  return tallies;
}

describe('lead dashboard per cohort', () => {
  it('imports two cohorts and shows the empty states before anyone takes the exam', async () => {
    const { page } = leadBrowser;
    await createFirstLead(page, server, LEAD);

    await page.getByRole('link', { name: '班组看板' }).click();
    await page.waitForURL(`${server.url}/lead/dashboard`);
    expect(await page.locator('main').innerText()).toContain('还没有学员');

    for (const [employeeId, link] of await importTrainees(page, server, TRAINEES)) activationLinks.set(employeeId, link);

    await openDashboard(page);
    const main = await page.locator('main').innerText();
    expect(main).toContain('全部班组还没有人参加“售后规则基础认证”');
    expect(squash(await statText(page, 'trainees'))).toContain('7 人');
    expect(await page.locator('figure').count()).toBe(0);
    await expectAccessible(page, 'empty');
  });

  it('trainees take the exam through the API with different scores', async () => {
    const apis = new Map<string, APIRequestContext>();
    for (const trainee of TRAINEES) {
      if (trainee.correct === undefined) continue;
      const api = await signedInTrainee(trainee);
      apis.set(trainee.employeeId, api);
      const started = await api.post(`/api/exams/${EXAM_ID}/start`, { data: {} });
      expect(started.status(), trainee.name).toBe(201);
    }
    // The test plays trainees who know the keys: it reads the papers (with option orders) the server wrote.
    const store = await openLowdbStore(dataDir);
    const users = await store.listUsers({ role: 'trainee' });
    for (const attempt of await store.listAttempts({ examId: EXAM_ID })) {
      attempts.set(users.find((u) => u.id === attempt.userId)!.employeeId, attempt);
    }
    await store.close();

    for (const trainee of TRAINEES) {
      const api = apis.get(trainee.employeeId);
      if (!api || trainee.correct === null || trainee.correct === undefined) continue;
      const attempt = attempts.get(trainee.employeeId)!;
      for (const entry of attempt.items.slice(0, trainee.correct)) {
        const response = displayAnswer(entry, content.lookup(entry.itemId)!.key);
        const saved = await api.put(`/api/attempts/${attempt.id}/answers`, { data: { itemId: entry.itemId, response, version: 1 } });
        expect(saved.status()).toBe(200);
      }
      const submitted = await api.post(`/api/attempts/${attempt.id}/submit`, { data: {} });
      expect(submitted.status()).toBe(200);
      const { result } = (await submitted.json()).attempt;
      expect([result.score, result.passed]).toEqual([trainee.correct, trainee.correct >= 16]);
    }
  });

  it('shows counts, pass rates, the histogram and the heatmaps of all cohorts', async () => {
    const { page } = leadBrowser;
    await openDashboard(page);
    await openChartTables(page);
    // 7 imported, 李四 never activated; 李三 has the only open attempt.
    expect(squash(await statText(page, 'trainees'))).toContain('7 人 已激活 6（其中未参加考试 0），待激活 1（激活后才能考试）');
    expect(squash(await statText(page, 'attempts'))).toContain('6 次 已交卷 5，已超时 0，进行中 1');
    // First attempts closed: 张一 ✓, 张二 ✓, 张三 ✗, 李一 ✓, 李二 ✗ → 3 / 5.
    expect(squash(await statText(page, 'first-pass'))).toContain('60% 3 / 5 人');
    expect(squash(await statText(page, 'certified'))).toContain('43% 3 / 7 人');
    // Scores 100, 85, 50, 80, 30: mean 345 / 5 = 69, median 80.
    expect(squash(await statText(page, 'scores'))).toContain('69% 中位数 80%');

    const histogram = page.locator('figure', { has: page.locator('[data-chart-table="histogram"]') });
    expect(await histogram.locator('svg[role="img"] rect.chart-bar').count()).toBe(4);
    expect(await histogram.locator('svg').getAttribute('aria-labelledby')).toBeTruthy();
    // 30 → 30–40 %, 50 → 50–60 %, 80 and 85 → 80–90 %, 100 → 90–100 %.
    const binCounts = await histogram.locator('tr[data-bin] td:first-of-type').allInnerTexts();
    expect(binCounts.map(Number)).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 2, 1]);
    expect(await histogram.locator('.chart-pass-label').textContent()).toContain('及格线 80%');

    // Trainee heatmap: five trainees with scores, weakest (李二, 6 / 20) first, one row in the chart per trainee.
    const traineeFigure = page.locator('figure', { has: page.locator('[data-chart-table="trainee-heatmap"]') });
    const rows = traineeFigure.locator('tr[data-heat-row]');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().locator('th a').innerText()).toBe('李二');
    const li2 = TRAINEES[4];
    const areas = expectedAreas(attempts.get(li2.employeeId)!, li2.correct);
    const columns = await traineeFigure.locator('[data-chart-table] thead th').allInnerTexts();
    expect(columns.slice(0, 2)).toEqual(['学员', '全部领域']);
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe('6 / 20（30%）');
    for (const [areaId, [right, asked]] of areas) {
      const column = columns.indexOf(ruleAreas.find((area) => area.id === areaId)!.title);
      expect(column, areaId).toBeGreaterThan(1);
      expect(cells[column - 1]).toContain(`${right} / ${asked}`);
    }
    expect(await traineeFigure.locator('svg rect.heat-cell').count()).toBe(5 * (columns.length - 1));

    const cohortRows = page.locator('figure [data-chart-table="cohort-heatmap"] tr[data-heat-row]');
    expect(await cohortRows.locator('th a').allInnerTexts()).toEqual(['售后一组', '售后二组', '全部班组']);
    // Items right over items asked: 一组 20 + 17 + 10 = 47 of 60; 二组 16 + 6 = 22 of 40 (李三 has no result yet).
    expect(await cohortRows.nth(0).locator('td').first().innerText()).toBe('47 / 60（78%）');
    expect(await cohortRows.nth(1).locator('td').first().innerText()).toBe('22 / 40（55%）');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await histogram.locator('svg').screenshot({ path: `${SCREENSHOTS}dashboard-histogram-${scheme}.png` });
      await traineeFigure.locator('svg').screenshot({ path: `${SCREENSHOTS}dashboard-heatmap-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    const followUps = page.locator('tr[data-follow-up]');
    expect(await followUps.locator('td:first-child a').allInnerTexts()).toEqual(['张三', '李二']);
    expect(await followUps.first().innerText()).toContain('未通过，尚未补考（已考 1 / 3 次）');
    await expectAccessible(page, 'all');
  });

  it('switches to one cohort, which reflects a revoked certificate', async () => {
    const { page } = leadBrowser;
    const store = await openLowdbStore(dataDir);
    const [zhang2] = await store.listCertificates({ userId: attempts.get('D-0002')!.userId });
    await store.close();
    const revoked = await page.request.post(`${server.url}/api/lead/certificates/${zhang2!.id}/revoke`, {
      data: { reason: '考试期间查阅资料' },
      headers: { origin: server.url },
    });
    expect(revoked.status()).toBe(200);

    await openDashboard(page);
    await page.locator('select[name="cohort"]').selectOption({ label: '售后一组（3 人）' });
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/cohort=/);
    expect(await page.locator('[data-scope]').innerText()).toBe('售后一组');
    expect(squash(await statText(page, 'attempts'))).toContain('3 次');
    // 张一 ✓, 张二 ✓ (since revoked), 张三 ✗.
    expect(squash(await statText(page, 'first-pass'))).toContain('67% 2 / 3 人');
    expect(squash(await statText(page, 'certified'))).toContain('33% 1 / 3 人');
    // 100, 85, 50: mean 235 / 3 = 78.3, median 85.
    expect(squash(await statText(page, 'scores'))).toContain('78.3% 中位数 85%');
    const followUps = page.locator('tr[data-follow-up]');
    expect(await followUps.locator('td:first-child a').allInnerTexts()).toEqual(['张二', '张三']);
    expect(await followUps.first().innerText()).toContain('证书已撤销：考试期间查阅资料');
    expect(await page.locator('[data-chart-table="trainee-heatmap"] tr[data-heat-row]').count()).toBe(3);

    await page.locator('select[name="cohort"]').selectOption({ label: '售后二组（4 人）' });
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL((url) => url.searchParams.get('cohort') === '售后二组');
    expect(squash(await statText(page, 'trainees'))).toContain('4 人 已激活 3（其中未参加考试 0），待激活 1');
    // 李一 ✓, 李二 ✗; 李三 is still in the exam.
    expect(squash(await statText(page, 'first-pass'))).toContain('50% 1 / 2 人');
    expect(squash(await statText(page, 'scores'))).toContain('55% 中位数 55%');

    // Every trainee fits under the limit, so there is no link to show more; asking for all shows the same rows.
    expect(await page.locator('[data-heatmap-rows] a').count()).toBe(0);
    await openDashboard(page, `?cohort=${encodeURIComponent('售后二组')}&trainees=all`);
    expect(await page.locator('[data-chart-table="trainee-heatmap"] tr[data-heat-row]').count()).toBe(2);

    await page.setViewportSize({ width: 375, height: 800 });
    await openDashboard(page, `?cohort=${encodeURIComponent('售后一组')}`);
    await expectAccessible(page, 'cohort-375');
    // On a phone each heatmap is a table of cards instead of the chart: one card per row, a chip per area with its
    // title and percentage (售后一组: 张三 10 / 20 first), and the table's header row still names the columns.
    const cards = page.locator('[data-heat-cards="trainee-heatmap"]');
    expect(await page.locator('svg.heatmap-svg').first().isVisible()).toBe(false);
    expect(await cards.isVisible()).toBe(true);
    expect(await cards.locator('tbody tr').count()).toBe(3);
    expect(await cards.locator('tbody tr').first().locator('th').innerText()).toContain('张三');
    expect(squash(await cards.locator('tbody tr').first().locator('td').first().innerText())).toBe('全部领域 50%');
    expect(await cards.locator('thead th').first().textContent()).toBe('学员');
    const cardsBox = (await cards.boundingBox())!;
    expect(cardsBox.x + cardsBox.width).toBeLessThanOrEqual(375);
    await cards.screenshot({ path: `${SCREENSHOTS}dashboard-375-heatmap-cards.png` });
    await page.locator('.stat-cards').screenshot({ path: `${SCREENSHOTS}dashboard-375-cards.png` });
    await page.locator('figure').first().screenshot({ path: `${SCREENSHOTS}dashboard-375-histogram.png` });
    await page.locator('figure').last().screenshot({ path: `${SCREENSHOTS}dashboard-375-heatmap.png` });
    // The whole page on a phone: nothing may stick out sideways except inside a table's own scroller.
    await page.screenshot({ path: `${SCREENSHOTS}dashboard-375-full.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('drills down into one trainee and on to an attempt', async () => {
    const { page } = leadBrowser;
    await openDashboard(page);
    await page.locator('tr[data-follow-up]').getByRole('link', { name: '张三' }).click();
    const zhang3 = attempts.get('D-0003')!;
    await page.waitForURL(`${server.url}/lead/trainees/${zhang3.userId}`);
    expect(await page.locator('h1').innerText()).toBe('学员：张三');
    expect(await page.locator('[data-reason="failed"]').innerText()).toContain('未通过，尚未补考');
    const row = page.locator(`tr[data-attempt-row="${zhang3.id}"]`);
    expect(squash(await row.innerText())).toContain('已交卷 10 / 20 未通过');
    await openChartTables(page);
    const areas = page.locator('[data-chart-table="trainee-areas"] tr[data-heat-row]');
    expect(await areas.locator('td').first().innerText()).toBe('10 / 20（50%）');
    expect(await page.locator('main').innerText()).toContain('还没有证书');
    await expectAccessible(page, 'trainee');

    await row.getByRole('link', { name: /作答详情/ }).click();
    await page.waitForURL(`${server.url}/lead/attempts/${zhang3.id}`);
    expect(await page.locator('td.correct').count()).toBe(10);

    await page.goto(`${server.url}/lead/trainees`);
    await page.getByRole('link', { name: '张二' }).click();
    await page.waitForURL(/\/lead\/trainees\/.+/);
    expect(await page.locator('[data-certificate-row] [data-status]').innerText()).toContain('已撤销');
    expect((await page.goto(`${server.url}/lead/trainees/no-such-trainee`))?.status()).toBe(404);
  });

  it('keeps the dashboard from trainees', async () => {
    const api = traineeApis[0]!;
    for (const path of ['/lead/dashboard', `/lead/trainees/${attempts.get('D-0001')!.userId}`]) {
      const response = await api.get(path, { maxRedirects: 0 });
      expect(response.status(), path).not.toBe(200);
    }
  });
});
