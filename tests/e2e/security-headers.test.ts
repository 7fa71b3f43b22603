import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/built-server.ts';
import { type Academy, startAcademy } from './academy.ts';
import { type Browser, launchBrowser } from './harness.ts';
import { createFirstLead, importTrainees } from './people.ts';

const LEAD = { name: '安组长', employeeId: 'LEAD-CSP01', password: '内容安全策略测试的组长口令' };
const TRAINEE = { name: '严学员', employeeId: 'TRAINEE-CSP1', password: '内容安全策略测试的学员口令' };

let academy: Academy;
let server: TestServer;
let leadBrowser: Browser;
let traineeBrowser: Browser;

/** What the browser refused under the policy: `securitypolicyviolation` events and CSP console errors, per page. */
const refused: string[] = [];

async function watch(browser: Browser): Promise<void> {
  await browser.context.exposeFunction('reportCspViolation', (text: string) => refused.push(text));
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  browser.context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(`${message.page()?.url()}: ${message.text()}`);
  });
}

beforeAll(async () => {
  academy = await startAcademy();
  server = academy.server;
  leadBrowser = await launchBrowser({ enforceCsp: true });
  traineeBrowser = await launchBrowser({ enforceCsp: true });
  await watch(leadBrowser);
  await watch(traineeBrowser);
});

beforeEach(() => {
  refused.length = 0;
});

afterAll(async () => {
  await leadBrowser?.close();
  await traineeBrowser?.close();
  await academy?.stop();
});

/** Opens `path`, checks the page's headers, and returns the page once `ready` says its scripts have run. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  const headers = await response!.allHeaders();
  expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy'], path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  expect(headers['x-content-type-options'], path).toBe('nosniff');
  expect(headers['referrer-policy'], path).toBe('same-origin');
  expect(headers['x-frame-options'], path).toBe('DENY');
  await ready(page);
  // Violations are reported asynchronously; give them a moment to arrive before judging the page.
  await page.waitForTimeout(300);
  expect(refused, path).toEqual([]);
}

describe('security headers and the Content-Security-Policy, page type by page type', () => {
  it('serves prerendered pages with the headers, and their islands, the practice worker and Pagefind run under the policy', async () => {
    const page = traineeBrowser.page;
    await visit(page, '/', (p) => p.locator('main').waitFor());
    const caseHref = await page.goto(`${server.url}/cases`).then(() => page.locator('main a[href^="/cases/"]').last().getAttribute('href'));
    await visit(page, caseHref!, (p) => p.locator('main details').first().waitFor());
    const ruleHref = await page.goto(`${server.url}/rules`).then(() => page.locator('main a[href^="/rules/"]').last().getAttribute('href'));
    await visit(page, ruleHref!, (p) => p.locator('main h1').waitFor());
    // Islands: the sandbox rules on the case's facts, practice shows a question and its worker installs.
    await visit(page, '/sandbox?case=seven-day-last-minute', (p) => p.locator('.ruling-summary').waitFor({ timeout: 15_000 }));
    await visit(page, '/practice/seven-day', async (p) => {
      await p.locator('form.practice-question').waitFor({ timeout: 15_000 });
      await p.evaluate(() => navigator.serviceWorker.ready);
    });
    // Pagefind: its UI script, the module that starts it, and its WebAssembly search.
    await visit(page, `/search?q=${encodeURIComponent('七天无理由')}`, (p) => p.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 }));
  });

  it('serves pages rendered per request with the headers, and their forms and the exam island work under the policy', async () => {
    const lead = leadBrowser.page;
    await createFirstLead(lead, server, LEAD);
    await visit(lead, '/lead', (p) => p.locator('main h1').waitFor());
    const links = await importTrainees(lead, server, [{ ...TRAINEE, cohort: '安全一组' }]);
    expect(refused).toEqual([]);

    const trainee = traineeBrowser.page;
    await visit(trainee, '/login', (p) => p.getByRole('button', { name: '登录' }).waitFor());
    await trainee.goto(links.get(TRAINEE.employeeId)!);
    await trainee.getByLabel('新密码', { exact: true }).fill(TRAINEE.password);
    await trainee.getByLabel('再次输入新密码').fill(TRAINEE.password);
    await trainee.getByRole('button', { name: '设置密码并登录' }).click();
    await trainee.waitForURL(`${server.url}/me`);
    await visit(trainee, '/exams/basic-certification', (p) => p.getByRole('button', { name: '开始考试' }).waitFor());
    // 开始考试 opens the confirmation dialog (its fallback script runs under the policy too); 确认开始 posts the form.
    await trainee.getByRole('button', { name: '开始考试' }).click();
    await trainee.getByRole('button', { name: '确认开始' }).click();
    await trainee.locator('.exam fieldset input').first().waitFor();
    await trainee.locator('.exam fieldset input').first().check();
    await trainee.waitForTimeout(500);
    expect(refused).toEqual([]);
  });
});
