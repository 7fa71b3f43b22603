import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayAnswer } from '../../src/quiz/index.ts';
import { loadExamContent } from '../../src/server/exams/index.ts';
import { openLowdbStore } from '../../src/server/store/index.ts';
import { ROOT, type TestServer } from '../server/built-server.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';
import { createFirstLead, importTrainees } from './people.ts';

const LEAD = { name: '王组长', employeeId: 'LEAD-00001', password: '售后规则学堂的组长口令' };
const TRAINEE = { name: '李四', employeeId: 'TRAINEE-0002', password: '李四的学习密码2025' };
const EXAM_ID = 'basic-certification';
const REASON = '考试期间查阅资料，成绩作废';

const content = loadExamContent(join(ROOT, 'content'));
let server: TestServer;
let dataDir: string;
let academy: Academy;
let leadBrowser: Browser;
let traineeBrowser: Browser;
let attemptId: string;
let certificateId: string;

beforeAll(async () => {
  academy = await startAcademy();
  ({ server, dataDir } = academy);
  leadBrowser = await launchBrowser();
  traineeBrowser = await launchBrowser();
  leadBrowser.page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await leadBrowser?.close();
  await traineeBrowser?.close();
  await academy?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await violationsInBothSchemes(page, `${SCREENSHOTS}lead-${name}`)).toEqual({ light: [], dark: [] });
}

describe('lead exam, attempt and certificate pages', () => {
  it('a trainee imported by the lead passes the certification exam', async () => {
    const lead = leadBrowser.page;
    await createFirstLead(lead, server, LEAD);
    const activationLink = (await importTrainees(lead, server, [{ ...TRAINEE, cohort: '售后二组' }])).get(TRAINEE.employeeId)!;

    const trainee = traineeBrowser.page;
    await trainee.goto(activationLink);
    await trainee.getByLabel('新密码', { exact: true }).fill(TRAINEE.password);
    await trainee.getByLabel('再次输入新密码').fill(TRAINEE.password);
    await trainee.getByRole('button', { name: '设置密码并登录' }).click();
    await trainee.waitForURL(`${server.url}/me`);
    // The exam UI itself is covered by exam.test.ts; here the trainee answers through the API the island uses.
    const headers = { origin: server.url };
    const started = await trainee.request.post(`${server.url}/api/exams/${EXAM_ID}/start`, { data: {}, headers });
    expect(started.status()).toBe(201);
    const store = await openLowdbStore(dataDir);
    const [attempt] = await store.listAttempts({ examId: EXAM_ID });
    await store.close();
    attemptId = attempt!.id;
    for (const entry of attempt!.items) {
      const response = await trainee.request.put(`${server.url}/api/attempts/${attemptId}/answers`, {
        data: { itemId: entry.itemId, response: displayAnswer(entry, content.lookup(entry.itemId)!.key), version: 1 },
        headers,
      });
      expect(response.status()).toBe(200);
    }
    const submitted = await trainee.request.post(`${server.url}/api/attempts/${attemptId}/submit`, { data: {}, headers });
    expect(submitted.status()).toBe(200);
    const result = (await submitted.json()).attempt.result;
    expect(result.passed).toBe(true);
    certificateId = result.certificateId;
    expect(certificateId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('shows each exam with its settings and counts on /lead/exams', async () => {
    const { page } = leadBrowser;
    await page.goto(`${server.url}/lead`);
    await page.getByRole('link', { name: '考试设置与统计' }).click();
    await page.waitForURL(`${server.url}/lead/exams`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('售后规则基础认证');
    expect(text).toContain('30 分钟');
    expect(text).toContain('答对 80%');
    expect(text).toContain('每人最多 3 次');
    expect(text).toContain('365 天');
    expect(await page.locator(`tr[data-exam-stats="${EXAM_ID}"]`).innerText()).toMatch(/1\s+1\s+1\s+100%/);
    await expectAccessible(page, 'exams');
  });

  // Two axe runs and a phone screenshot of a long page: more than the default minute on a loaded machine.
  it('lists the attempt on /lead/attempts, filters by cohort and opens its per-item results', { timeout: 180_000 }, async () => {
    const { page } = leadBrowser;
    await page.goto(`${server.url}/lead/attempts`);
    const row = page.locator(`tr[data-attempt-row="${attemptId}"]`);
    const text = await row.innerText();
    for (const expected of [TRAINEE.name, TRAINEE.employeeId, '售后二组', '售后规则基础认证', '已交卷', '20 / 20', '通过']) {
      expect(text).toContain(expected);
    }
    await expectAccessible(page, 'attempts');

    await page.getByLabel('班组').selectOption('售后二组');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/cohort=/);
    expect(await row.count()).toBe(1);
    await page.goto(`${server.url}/lead/attempts?cohort=${encodeURIComponent('没有这个班组')}`);
    expect(await page.locator('main').innerText()).toContain('没有符合条件的作答记录');

    await page.goto(`${server.url}/lead/attempts?exam=${EXAM_ID}`);
    await row.getByRole('link', { name: TRAINEE.name }).click();
    await page.waitForURL(`${server.url}/lead/attempts/${attemptId}`);
    expect(await page.locator('main dl').innerText()).toContain('20 / 20');
    expect(await page.locator('tr[data-item-row]').count()).toBe(20);
    expect(await page.locator('td.correct').count()).toBe(20);
    // Each question with its stem, the trainee's answer, the key and the rules behind the key.
    const store = await openLowdbStore(dataDir);
    const stored = (await store.getAttempt(attemptId))!;
    await store.close();
    for (const entry of stored.items.slice(0, 5)) {
      const row = page.locator(`tr[data-item-row="${entry.itemId}"]`);
      const { item } = content.lookup(entry.itemId)!;
      expect(await row.locator('td.stem').innerText()).toContain(item.stem.trim().slice(0, 20));
      const [response, key] = [await row.locator('td[data-response]').innerText(), await row.locator('td[data-key]').innerText()];
      expect(response).not.toBe('未作答');
      expect(response).toBe(key);
      expect(await row.locator('a[href^="/rules/"]').count()).toBeGreaterThan(0);
    }
    await expectAccessible(page, 'attempt');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}lead-attempt-375.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // On a phone each question is a block under its number: nothing to scroll sideways.
    const table = page.locator('.table-scroll').filter({ has: page.locator('.attempt-items') });
    expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'attempt-375');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await page.goto(`${server.url}/lead/attempts/AAAAAAAAAAAAAAAA`))?.status()).toBe(404);
  });

  it('revokes the certificate on /lead/certificates, and /verify then says 已撤销', async () => {
    const { page } = leadBrowser;
    await page.goto(`${server.url}/lead/certificates`);
    const row = page.locator(`tr[data-certificate-row="${certificateId}"]`);
    expect(await row.innerText()).toContain('有效');
    expect(await row.getByRole('link', { name: /^核验页/ }).getAttribute('href')).toBe(`/verify/${certificateId}`);
    expect(await row.getByRole('link', { name: /^打印/ }).getAttribute('href')).toBe(`/me/certificates/${certificateId}`);
    await expectAccessible(page, 'certificates');

    await row.getByLabel('撤销原因').fill(REASON);
    await row.getByRole('button', { name: `撤销 ${TRAINEE.name}（${TRAINEE.employeeId}）的证书` }).click();
    await expect.poll(() => row.locator('[data-status]').innerText()).toBe(`已撤销：${REASON}`);
    expect(await row.locator('form').count()).toBe(0);
    await page.reload();
    expect(await row.locator('[data-status]').innerText()).toContain('已撤销');

    await page.goto(`${server.url}/verify/${certificateId}`);
    const verify = await page.locator('main').innerText();
    expect(verify).toContain('已撤销');
    expect(verify).toContain(REASON);
  });

  it('shows the trainee their own progress on /me as an SVG chart with a data table', async () => {
    const page = traineeBrowser.page;
    await page.goto(`${server.url}/me`);
    expect(await page.locator('[data-progress-summary]').innerText()).toContain('共 1 次已评分的考试，1 次通过，取得 1 张证书；最近一次得分 100%');
    expect(await page.locator('.my-progress svg[role="img"]').count()).toBe(2);
    const table = page.locator('table[data-progress-table]');
    expect(await table.locator('tbody tr').first().textContent()).toContain('20 / 20（100%）');
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}me-progress`)).toEqual({ light: [], dark: [] });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}me-progress-375.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('keeps the lead pages from trainees', async () => {
    for (const path of ['/lead/exams', '/lead/attempts', `/lead/attempts/${attemptId}`, '/lead/certificates']) {
      const response = await traineeBrowser.page.request.get(`${server.url}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).not.toBe(200);
    }
  });
});
