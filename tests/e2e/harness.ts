import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ACCOUNT_NAV_SCRIPT } from '../../src/components/account-nav-script.ts';
import { ENTRY, startServer, tempDataDir } from '../server/built-server.ts';

export interface Site {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Starts the built standalone server (it does not build) on a data folder of its own, deleted on stop, and resolves
 * once it answers. Throws if dist/ has no server entry or the server exits or stays silent for 30 s.
 * A folder per file: the default ./data would be shared by every file that starts a site (and with a developer's own).
 */
export async function startSite(): Promise<Site> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` before \`npm run test:e2e\`.`);
  const dataDir = await tempDataDir();
  const server = await startServer({ dataDir }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Debian's Chromium headless in a fresh profile that is deleted on close.
 * `enforceCsp: false` (the default) lets tests inject axe-core as an inline script, which the site's
 * Content-Security-Policy refuses; tests/e2e/security-headers.test.ts enforces the policy and checks every page type.
 */
export async function launchBrowser(
  options: { readonly enforceCsp?: boolean; readonly javaScriptEnabled?: boolean } = {},
): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'asa-e2e-'));
  // playwright-core rejects --user-data-dir in launch(); a persistent context takes the dir instead.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    bypassCSP: !(options.enforceCsp ?? false),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the current page and returns its violations (empty when the page passes). */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations;
}

/**
 * The scripts a prerendered page carries, other than the header's account script (src/components/account-nav-script.ts),
 * which every prerendered page has: a page that "ships no JavaScript" returns [].
 */
export async function scriptsBesidesAccountNav(page: Page): Promise<string[]> {
  const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((node) => ({ src: node.getAttribute('src'), text: node.textContent ?? '' })));
  return scripts.filter((script) => script.src !== null || script.text !== ACCOUNT_NAV_SCRIPT).map((script) => script.src ?? script.text.slice(0, 80));
}

/** One line per violation and node, readable in a failed assertion. */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`));
}

/**
 * A full-page screenshot of a long page (/rules/path, /lead/items) passed Playwright's 30 s default at load ~25 on the
 * shared 2-core machine: the capture is slow work, not a hang.
 */
export const SCREENSHOT_TIMEOUT_MS = 120_000;

/**
 * Screenshots the page as `<screenshotPath>.png` and `<screenshotPath>-dark.png` and returns the axe violations in
 * light and in dark mode; the page is left in light mode.
 */
export async function violationsInBothSchemes(page: Page, screenshotPath: string): Promise<{ light: string[]; dark: string[] }> {
  await page.screenshot({ path: `${screenshotPath}.png`, fullPage: true, timeout: SCREENSHOT_TIMEOUT_MS });
  const light = describeViolations(await axeViolations(page));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${screenshotPath}-dark.png`, fullPage: true, timeout: SCREENSHOT_TIMEOUT_MS });
  const dark = describeViolations(await axeViolations(page));
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}
