import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result } from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'dist/server/entry.mjs');

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the built standalone server (it does not build) and resolves once it answers.
 * Throws if dist/ has no server entry or the server exits or stays silent for 30 s.
 */
export async function startSite(): Promise<Site> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` before \`npm run test:e2e\`.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // process.execPath is the pinned Node 24 when this runs under `npm run`.
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'src/server/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`server did not answer on ${url} within 30 s:\n${output}`);
}

/**
 * Launches Debian's Chromium headless in a fresh profile that is deleted on close.
 * `enforceCsp: false` (the default) lets tests inject axe-core as an inline script, which the site's
 * Content-Security-Policy refuses; tests/e2e/security-headers.test.ts enforces the policy and checks every page type.
 */
export async function launchBrowser(options: { readonly enforceCsp?: boolean } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'asa-e2e-'));
  // playwright-core rejects --user-data-dir in launch(); a persistent context takes the dir instead.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    bypassCSP: !(options.enforceCsp ?? false),
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

/** One line per violation and node, readable in a failed assertion. */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`));
}

/**
 * Screenshots the page as `<screenshotPath>.png` and `<screenshotPath>-dark.png` and returns the axe violations in
 * light and in dark mode; the page is left in light mode.
 */
export async function violationsInBothSchemes(page: Page, screenshotPath: string): Promise<{ light: string[]; dark: string[] }> {
  await page.screenshot({ path: `${screenshotPath}.png`, fullPage: true });
  const light = describeViolations(await axeViolations(page));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${screenshotPath}-dark.png`, fullPage: true });
  const dark = describeViolations(await axeViolations(page));
  await page.emulateMedia({ colorScheme: 'light' });
  return { light, dark };
}
