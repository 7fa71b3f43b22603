import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Browser, describeViolations, launchBrowser, scriptsBesidesAccountNav, type Site, startSite } from './harness.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('home page', () => {
  it('loads in Chinese with no client script and no accessibility violations in light or dark mode', async () => {
    const { page } = browser;
    const response = await page.goto(`${site.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('售后规则学堂');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').innerText()).toBe('售后规则学堂');
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
    // The exam is live: its card leads to the trainee's own exams, and nothing on the page is "coming soon".
    expect(await page.locator('main').innerText()).not.toContain('即将推出');
    expect(await page.getByRole('link', { name: '认证考试' }).getAttribute('href')).toBe('/me');

    await page.screenshot({ path: `${SCREENSHOTS}home.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.screenshot({ path: `${SCREENSHOTS}home-dark.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.screenshot({ path: `${SCREENSHOTS}home-375.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('rule handbook', () => {
  it('lists rules with their sources, links to each rule with its quoted articles, and has no accessibility violations', async () => {
    const { page } = browser;
    const response = await page.goto(`${site.url}/rules`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('规则手册');
    expect(await page.locator('.rule').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}rules.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    await page.locator('.rule h3 a').first().click();
    await page.waitForURL(/\/rules\/[^/]+\/?$/);
    expect(await page.locator('blockquote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}rule.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });
});
