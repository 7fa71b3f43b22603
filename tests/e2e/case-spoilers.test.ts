import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolutionLabels, ruleById } from '../../src/rules/index.ts';
import { ROOT } from '../server/built-server.ts';
import { type Browser, launchBrowser, type Site, startSite } from './harness.ts';

// A case page must let the learner think before 查看裁决: nothing outside the <details> states the outcome.
const CASE = 'seven-day-last-minute';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

describe('case pages before 查看裁决', () => {
  it('case cards do not name the deciding rule', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/cases`);
    expect(await page.locator('.case-card').count()).toBeGreaterThan(100);
    // (Filtering the library by rule stays possible: that is the learner's choice, behind its own <details>.)
    const cards = await page.locator('.case-card').allInnerTexts();
    expect(cards.filter((text) => text.includes('决定规则') || /R-[A-Z0-9-]+/.test(text))).toEqual([]);
  });

  it('shows no outcome, no deciding rule and no reply script before the reveal; all of them after it', async () => {
    const { page } = browser;
    await page.goto(`${site.url}/cases/${CASE}`);
    const decidingRule = await page.locator('.trace-step.deciding .trace-head a').first().getAttribute('href').catch(() => null);
    const before = await page.locator('main').innerText();
    expect(before).not.toContain('回复话术');
    expect(before).not.toContain('裁决与理由');
    expect(before).not.toContain('判定结果');
    // The ruling's resolution and deciding rule appear in the page only inside the closed <details>.
    const outside = await page.evaluate(() => {
      const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      main.querySelector('details.reveal')?.remove();
      return main.textContent ?? '';
    });
    const revealed = (await page.locator('details.reveal .ruling-grid').textContent()) ?? '';
    const resolution = Object.values(resolutionLabels).find((label) => revealed.includes(label))!;
    expect(resolution).toBeTruthy();
    expect(outside).not.toContain(`处理结果${resolution}`);
    const ruleId = decidingRule?.split('/').pop();
    if (ruleId) expect(outside).not.toContain(ruleById(ruleId)!.title);

    await page.locator('details.reveal > summary').click();
    expect(await page.getByRole('heading', { name: '回复话术' }).isVisible()).toBe(true);
    const headings = await page.locator('details.reveal h2').allInnerTexts();
    expect(headings.indexOf('回复话术')).toBe(headings.indexOf('裁决与理由') + 1);
  });

  it('keeps the revealed part out of the search index, so an excerpt cannot show the ruling', () => {
    const html = readFileSync(join(ROOT, 'dist/client/cases', CASE, 'index.html'), 'utf8');
    expect(html).toMatch(/<div class="reveal-body"[^>]*data-pagefind-ignore/);
  });

  it('lists each rule once in the trace', async () => {
    const { page } = browser;
    for (const slug of [CASE, 'partial-refusal-loses-free-shipping']) {
      await page.goto(`${site.url}/cases/${slug}`);
      const ids = await page.locator('details.reveal .trace-head a[href^="/rules/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(ids.length, slug).toBeGreaterThan(0);
      expect(new Set(ids).size, slug).toBe(ids.length);
    }
  });
});
