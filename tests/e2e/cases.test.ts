import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAV_SCRIPT } from '../../src/components/account-nav-script.ts';
import { decisionTables } from '../../src/rules/index.ts';
import { axeViolations, type Browser, describeViolations, launchBrowser, SCREENSHOT_TIMEOUT_MS, scriptsBesidesAccountNav, type Site, startSite } from './harness.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CASE_TITLE = '签收第 7 天 23:59 申请七天无理由退货';

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

/** Screenshots the page at desktop and 375 px, light and dark, checking axe in every mode and that nothing overflows sideways. */
async function inEveryMode(page: Page, name: string, prepare: () => Promise<void> = async () => {}): Promise<void> {
  const modes = [
    { suffix: '', width: 1280, scheme: 'light' },
    { suffix: '-dark', width: 1280, scheme: 'dark' },
    { suffix: '-375', width: 375, scheme: 'light' },
    { suffix: '-375-dark', width: 375, scheme: 'dark' },
  ] as const;
  for (const mode of modes) {
    await page.setViewportSize({ width: mode.width, height: 800 });
    await page.emulateMedia({ colorScheme: mode.scheme });
    await page.reload();
    await prepare();
    await page.screenshot({ path: `${SCREENSHOTS}${name}${mode.suffix}.png`, fullPage: true, timeout: SCREENSHOT_TIMEOUT_MS });
    expect(describeViolations(await axeViolations(page)), `${name}${mode.suffix}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}${mode.suffix} overflows`).toBeLessThanOrEqual(mode.width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('case study path', () => {
  it('goes from the case index to a case, reveals the ruling, follows the trace to a rule, and back to the case', async () => {
    const { page } = browser;
    const index = await page.goto(`${site.url}/cases`);
    expect(index?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('案例学习');
    expect(await page.locator('.case-card').count()).toBeGreaterThan(0);
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
    await inEveryMode(page, 'cases-index');

    await page.getByRole('link', { name: CASE_TITLE }).click();
    await page.waitForURL(/\/cases\/seven-day-last-minute\/?$/);
    expect(await page.locator('h1').innerText()).toBe(CASE_TITLE);
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
    expect(await page.locator('.facts').innerText()).toContain('2025-09-03 20:15');
    expect(await page.getByRole('heading', { name: '情景' }).isVisible()).toBe(true);

    // The ruling is on the page but closed until the learner asks for it.
    const verdict = page.getByRole('heading', { name: '判定结果' });
    const reasons = page.getByRole('heading', { name: '裁决与理由' });
    expect(await verdict.isVisible()).toBe(false);
    expect(await reasons.isVisible()).toBe(false);
    await page.locator('details.reveal > summary').click();
    expect(await verdict.isVisible()).toBe(true);
    expect(await reasons.isVisible()).toBe(true);
    expect(await page.locator('.ruling-grid').innerText()).toContain('退货退款');
    expect(await page.locator('.ruling-grid').innerText()).toContain('2025-09-11 00:00');
    expect(await page.locator('.sop-override').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: '在沙盒中打开' }).getAttribute('href')).toBe('/sandbox?case=seven-day-last-minute');

    const ruleLink = page.locator('.trace-applied .trace-head a', { hasText: 'R-7DAY-WINDOW' });
    await ruleLink.click();
    await page.waitForURL(/\/rules\/R-7DAY-WINDOW\/?$/);
    expect(await page.locator('h1').innerText()).toBe('七天无理由退货期限');
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
    const decided = page.locator('#rule-cases + p + ul');
    expect(await decided.getByRole('link', { name: CASE_TITLE }).count()).toBe(1);
  });

  it('renders every case page and rule page without a script', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/cases`);
    const caseHrefs = await page.locator('.case-card-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    await page.goto(`${site.url}/rules`);
    const ruleHrefs = await page.locator('.rule h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    for (const href of [...caseHrefs, ...ruleHrefs, '/rules/path']) {
      const response = await fetch(`${site.url}${href}`);
      expect(response.status, href).toBe(200);
      // The header's account script (tests/e2e/account-state.test.ts) is the one script a prerendered page has.
      expect((await response.text()).replace(`<script>${ACCOUNT_NAV_SCRIPT}</script>`, ''), href).not.toMatch(/<script\b/i);
    }
  });

  it('filters the index with prerendered links and marks the current filter', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/cases/topic/seven-day`);
    const current = page.locator('.filter-bar a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toContain('七天无理由');
    const cards = page.locator('.case-card');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) expect(await card.innerText()).toContain('七天无理由');
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
  });
});

describe('accessibility and screenshots of the study pages', () => {
  // One test per page: each is four reloads, full-page screenshots and axe runs, together over 180 s at load ~20.
  it('home passes axe in every mode', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/`);
    await inEveryMode(page, 'home-study');
  });

  it('a revealed case page passes axe in every mode', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/cases/seven-day-last-minute`);
    await inEveryMode(page, 'case', () => page.locator('details.reveal > summary').click());
  });

  it('a rule page with its cases passes axe in every mode', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/rules/R-FREIGHT-7DAY-RETURN`);
    await inEveryMode(page, 'rule-with-cases');
  });

  it('the flow diagrams have a title and description each and pass axe in every mode', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/flows`);
    // The four flow charts, then one chain per stage's decision table.
    expect(await page.locator('svg[role="img"]').count()).toBe(4 + decisionTables.length);
    for (const svg of await page.locator('svg[role="img"]').all()) {
      expect(await svg.locator('title').count()).toBe(1);
      expect(await svg.locator('desc').count()).toBe(1);
    }
    expect(await page.locator('ol.flow-text').count()).toBe(4);
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
    await inEveryMode(page, 'flows');
  });

  it('the decision paths page shows one table per stage, with rule links, and passes axe in every mode', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/rules/path`);
    expect(await page.locator('table.decision-table').count()).toBe(decisionTables.length);
    expect(await page.locator('table.decision-table a[href="/rules/R-7DAY-SCOPE"]').count()).toBeGreaterThan(0);
    expect(await scriptsBesidesAccountNav(page)).toEqual([]);
    await inEveryMode(page, 'decision-paths');
  });
});

describe('search', () => {
  for (const query of ['拒签', '赠品']) {
    it(`finds case studies for the two-character query ${query}`, async () => {
      const { page } = browser;
      // ?q= runs the search as soon as Pagefind's UI exists; typing could race the UI's own start-up on a busy machine.
      await page.goto(`${site.url}/search?q=${encodeURIComponent(query)}`);
      const results = page.locator('.pagefind-ui__result-link');
      await results.first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe(query);
      // Rules that carry the word in their title rank first; the 类型 filter narrows the results to case studies.
      await page.getByRole('checkbox', { name: /案例/ }).check();
      await page.waitForFunction(() => {
        const links = [...document.querySelectorAll('.pagefind-ui__result-link')];
        return links.length > 0 && links.every((a) => a.getAttribute('href')?.startsWith('/cases/'));
      });
      const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.every((href) => /^\/cases\/[^/]+\/(#.*)?$/.test(href))).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}search-${query}.png`, fullPage: true });
    });
  }
});
