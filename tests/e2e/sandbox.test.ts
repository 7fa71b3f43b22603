import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Browser, describeViolations, launchBrowser, type Site, startSite } from './harness.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CASE = 'seven-day-last-minute';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

const summary = (page: Page) => page.locator('.ruling-summary');

/** Waits until the element with `id` has keyboard focus. */
async function focusIsOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { timeout: 2_000 });
}

/** Waits until the polite summary (the aria-live region) says `text`. */
async function summarySays(page: Page, text: string): Promise<void> {
  await summary(page).filter({ hasText: text }).waitFor({ timeout: 5_000 });
}

async function openCase(page: Page): Promise<void> {
  const response = await page.goto(`${site.url}/sandbox?case=${CASE}`);
  expect(response?.status()).toBe(200);
  await summarySays(page, '退货退款');
}

describe('/sandbox without JavaScript', () => {
  it('says the sandbox needs JavaScript, links every case, and keeps expected rulings out of the page', async () => {
    const html = await (await fetch(`${site.url}/sandbox`)).text();
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
    expect(noscript).toContain('需要启用 JavaScript');
    expect(noscript).toContain(`href="/cases/${CASE}"`);
    // Props carry facts only: the case's answer (expected, decidingRule) must not be readable in page source.
    expect(html).not.toMatch(/expected|decidingRule|overriddenSop/);
  });

  it('shows the notice and the case links, not a loading note that never ends', async () => {
    const noJs = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await (await noJs.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
      await page.goto(`${site.url}/sandbox?case=${CASE}`);
      expect(await page.locator('.sandbox-noscript').isVisible()).toBe(true);
      expect(await page.locator('.sandbox-loading').isVisible()).toBe(false);
      expect(await page.locator(`.sandbox-noscript a[href="/cases/${CASE}"]`).count()).toBe(1);
      await page.screenshot({ path: `${SCREENSHOTS}sandbox-nojs.png` });
    } finally {
      await noJs.close();
    }
  });
});

describe('/sandbox', () => {
  it('opens the case from ?case=, shows the ruling, its trace and SOP, with no accessibility violations', async () => {
    const { page } = browser;
    await openCase(page);
    expect(await page.locator('#sandbox-case').inputValue()).toBe(CASE);
    expect(await page.locator('#fact-claim-at').inputValue()).toBe('2025-09-10 23:59');
    expect(await summary(page).innerText()).toContain('R-7DAY-SCOPE');
    expect(await page.locator('.ruling-details').innerText()).toContain('2025-09-11 00:00（北京时间）');
    expect(await page.locator('.trace > li').count()).toBeGreaterThan(3);
    expect(await page.locator('.trace a[href="/rules/R-7DAY-WINDOW"]').count()).toBe(1);
    expect(await page.locator('.sop-guidance').innerText()).toContain('SOP-RETURN-WINDOWS');

    await page.screenshot({ path: `${SCREENSHOTS}sandbox.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('flips to 驳回 when the claim moves to 2025-09-11 00:00 and says what changed', async () => {
    const { page } = browser;
    await openCase(page);
    await page.locator('#fact-claim-at').fill('2025-09-11 00:00');
    await summarySays(page, '驳回');
    const text = await summary(page).innerText();
    expect(text).toContain('结果由 退货退款 变为 驳回买家诉求');
    expect(text).toContain('R-7DAY-WINDOW');
    const deciding = page.locator('.trace > li.deciding');
    expect(await deciding.innerText()).toContain('R-7DAY-WINDOW');
    expect(await page.locator('.ruling-rows .is-changed').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}sandbox-changed.png`, fullPage: true });

    await page.getByRole('button', { name: '重置为案例原始事实' }).click();
    await summarySays(page, '退货退款');
    expect(await page.locator('#fact-claim-at').inputValue()).toBe('2025-09-10 23:59');
  });

  it('shows the engine’s missing-fact message when a needed fact is cleared, and leads to the field', async () => {
    const { page } = browser;
    await openCase(page);
    await page.locator('#fact-delivery-signedAt').fill('');
    await summarySays(page, '缺少事实“物流显示的签收时间”');
    const problem = page.locator('.outcome-problem');
    expect(await problem.innerText()).toContain('规则 R-7DAY-WINDOW「七天无理由退货期限」需要知道“物流显示的签收时间”');
    expect(await page.locator('#fact-delivery-signedAt').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}sandbox-missing.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    await page.locator('#section-claim h3').scrollIntoViewIfNeeded();
    await problem.getByRole('button', { name: /转到/ }).click();
    await focusIsOn(page, 'fact-delivery-signedAt');
  });

  it('reports unreadable text next to the field instead of deciding', async () => {
    const { page } = browser;
    await openCase(page);
    await page.locator('#fact-claim-at').fill('9月11日');
    await summarySays(page, '填写无法识别');
    expect(await page.locator('#fact-claim-at-error').innerText()).toContain('不是有效的北京时间');
  });

  it('adds and removes an optional section from the keyboard, moving focus sensibly', async () => {
    const { page } = browser;
    await openCase(page);
    await page.getByRole('button', { name: '添加「赠品」' }).focus();
    await page.keyboard.press('Enter');
    await focusIsOn(page, 'fact-gift-name');
    await summarySays(page, '无法裁决');
    expect(await page.locator('.outcome-problem').innerText()).toContain('赠品名称');

    await page.getByRole('button', { name: '移除「赠品」' }).focus();
    await page.keyboard.press('Enter');
    await focusIsOn(page, 'section-gift-add');
    await summarySays(page, '退货退款');
  });

  it('switches edition and case, and copies the facts as frontmatter YAML', async () => {
    const { page } = browser;
    await openCase(page);
    await page.getByRole('radio', { name: /旧版/ }).check();
    await summary(page).filter({ hasText: /这次修改|变为/ }).waitFor({ timeout: 5_000 });

    await page.locator('#fact-claim-at').fill('2025-09-11 00:00');
    await summarySays(page, '驳回');
    await page.getByRole('button', { name: '复制事实 YAML' }).click();
    await page.locator('.copy-status').filter({ hasText: /复制/ }).waitFor();
    const copied = (await page.locator('.copy-manual').count())
      ? await page.locator('.copy-manual').inputValue()
      : await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('facts:\n  channel: taobao\n');
    expect(copied).toContain('claim: { at: "2025-09-11 00:00", type: return-and-refund, reason: no-reason }');

    const options = await page.locator('#sandbox-case option').evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    const other = options.find((value) => value && value !== CASE);
    if (other) {
      await page.locator('#sandbox-case').selectOption(other);
      await summarySays(page, '已载入案例');
      // page.url() follows the browser process, which learns of a replaceState a moment after the page: poll the page.
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('case'))).toBe(other);
    }
  });

  it('says so when ?case= names no case', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/sandbox?case=no-such-case`);
    await summarySays(page, '没有找到案例“no-such-case”');
  });

  it('has no accessibility violations in dark mode and fits a 375 px screen', async () => {
    const { page } = browser;
    await page.emulateMedia({ colorScheme: 'dark' });
    await openCase(page);
    await page.locator('#fact-claim-at').fill('2025-09-11 00:00');
    await summarySays(page, '驳回');
    await page.screenshot({ path: `${SCREENSHOTS}sandbox-dark.png`, fullPage: true });
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 375, height: 800 });
    await openCase(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SCREENSHOTS}sandbox-375.png`, fullPage: true });
    await page.locator('#fact-claim-at').scrollIntoViewIfNeeded();
    await page.locator('#fact-claim-at').fill('2025-09-11 00:00');
    await summarySays(page, '驳回');
    await page.screenshot({ path: `${SCREENSHOTS}sandbox-375-editing.png` });
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('/sandbox JavaScript budget', () => {
  it('ships at most 24 KB of gzipped JavaScript until the first interaction, and shows the ruling', async () => {
    const page = await browser.context.newPage();
    const scripts: Promise<number>[] = [];
    const countScript = (response: Response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    };
    page.on('response', countScript);
    await page.goto(`${site.url}/sandbox?case=${CASE}`);
    await summarySays(page, '退货退款');
    page.off('response', countScript);
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '').join('\n'));
    const javascriptBytes = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, gzipSync(inline).length);
    console.log(`sandbox page JS: ${javascriptBytes} bytes gz`);
    // Issue 17 asked for 40 KB; it was 101 KB, then ~83 KB. The page now shows the build's ruling of the case
    // (/sandbox/outcomes/<slug>.json) and loads the rule engine, the fact model and zod (~60 KB) on the first
    // interaction, so the first load is the form and the panel (~21.6 KB, Preact included; see docs/performance.md).
    // This budget stops anything heavy from coming back into the first load.
    expect(javascriptBytes).toBeLessThanOrEqual(24 * 1024);
    await page.close();
  });

  it('fetches the engine on the first interaction, decides the edit with it, and opens a shared link at once', async () => {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const outcomes: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/sandbox/outcomes/')) outcomes.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await page.goto(`${site.url}/sandbox?case=${CASE}`);
    await summarySays(page, '退货退款');
    // The first ruling is the build's, with its trace and SOP list, before any engine code.
    expect(outcomes).toEqual([`200 /sandbox/outcomes/${CASE}.json`]);
    await page.locator('.trace-chain').waitFor();
    await page.locator('.sop-guidance').waitFor();
    expect(scripts.filter((path) => /\/engine\./.test(path))).toEqual([]);

    await page.locator('#fact-claim-at').fill('2025-09-11 00:00');
    await summarySays(page, '驳回');
    expect(scripts.filter((path) => /\/engine\./.test(path))).toHaveLength(1);
    // The address bar now carries the edited facts: a scenario the build never evaluated.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('facts'));
    const shared = await page.evaluate(() => location.href);
    await page.close();

    const other = await browser.context.newPage();
    await other.goto(shared);
    await summarySays(other, '驳回');
    await summarySays(other, '已载入分享的情景');
    await other.close();
  });
});
