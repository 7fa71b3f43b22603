import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import { freePort } from '../tests/server/built-server.ts';
import { benchArgs, progress } from './lib/bench-args.ts';
import { writeResult, type Measurement, type Target } from './lib/results.ts';
import { BENCH_EXAM, setupLinkIn, signInLeadAndTrainee } from './lib/signed-in.ts';
import { removeTemp } from './lib/temp-project.ts';
import { spawnServer, waitUntilServing } from './scale/server-process.ts';

// Lighthouse performance and accessibility scores (issue 17: ≥ 98 each) for home, a case page, a practice round and
// the exam page with an attempt in progress, on the built server of this checkout (built first when stale).
// Lighthouse drives the same Chromium that playwright-core launched (over its remote debugging port), so the exam page
// is loaded with the signed-in trainee's session cookie; Lighthouse's storage reset leaves cookies alone.
// Settings are Lighthouse's defaults: a mobile device with simulated throttling (slow 4G, 4× CPU slowdown), one run
// per page. Simulated throttling scales what it observed on this machine, so a loaded machine lowers the performance
// score (Lighthouse names the host's benchmark index in each note); accessibility does not depend on the load.

const NAME = 'lighthouse';
/** When set, each page's full Lighthouse report (JSON, open it in the Lighthouse viewer) is written into this folder. */
const REPORTS = process.env.BENCH_LIGHTHOUSE_REPORTS;
const { quick } = benchArgs();
const startedAt = new Date();
const atLeast98: Target = { op: '>=', value: 98, of: 'value' };

const pages: readonly { id: string; label: string; path: string }[] = [
  { id: 'home', label: 'home', path: '/' },
  { id: 'case', label: 'case page', path: '/cases/seven-day-last-minute' },
  { id: 'practice', label: 'practice (topic round)', path: '/practice/seven-day' },
  { id: 'exam', label: 'exam (attempt in progress)', path: `/exams/${BENCH_EXAM}` },
];

const temps: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  temps.push(dir);
  return dir;
};

/** Titles of the audits that lost points in a category, weakest first, for the note beside the score. */
function shortfalls(lhr: { categories: Record<string, { auditRefs: { id: string; weight: number }[] }>; audits: Record<string, { score: number | null; title: string; displayValue?: string }> }, category: string): string {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const missing = refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .sort((a, b) => a.audit!.score! - b.audit!.score!)
    .map(({ ref, audit }) => `${ref.id}${audit!.displayValue ? ` (${audit!.displayValue})` : ''} ${Math.round(audit!.score! * 100)}`);
  return missing.length === 0 ? 'every weighted audit passed' : `below full marks: ${missing.join(', ')}`;
}

const server = await spawnServer(tempDir('lighthouse-data'));
let context: BrowserContext | undefined;
try {
  await waitUntilServing(server, null);
  const debuggingPort = await freePort();
  context = await chromium.launchPersistentContext(tempDir('lighthouse-chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${debuggingPort}`],
  });
  // One browser, one cookie jar: the lead signs in first to add the trainee, whose sign-in then replaces the lead's
  // session cookie. Lighthouse opens its own tab in this browser, with that cookie.
  const page = context.pages()[0] ?? (await context.newPage());
  const attemptId = await signInLeadAndTrainee(server.origin, setupLinkIn(server.output()), page, page);
  await page.goto('about:blank');

  const measurements: Measurement[] = [];
  for (const page of quick ? pages.slice(0, 2) : pages) {
    const path = page.id === 'exam' ? `${page.path}?attempt=${encodeURIComponent(attemptId)}` : page.path;
    const result = await lighthouse(`${server.origin}${path}`, { port: debuggingPort, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    if (REPORTS) {
      mkdirSync(REPORTS, { recursive: true });
      writeFileSync(join(REPORTS, `${page.id}.json`), JSON.stringify(lhr));
    }
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const landed = new URL(lhr.finalDisplayedUrl).pathname;
    if (landed !== new URL(path, server.origin).pathname) throw new Error(`${path} ended at ${lhr.finalDisplayedUrl} (signed out?)`);
    const context = `mobile, simulated throttling, benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`;
    for (const category of ['performance', 'accessibility'] as const) {
      const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
      progress(NAME, `${page.label.padEnd(28)} ${category.padEnd(14)} ${score}`);
      const metrics =
        category === 'performance'
          ? ` FCP ${lhr.audits['first-contentful-paint']?.displayValue}, LCP ${lhr.audits['largest-contentful-paint']?.displayValue}, TBT ${lhr.audits['total-blocking-time']?.displayValue}, CLS ${lhr.audits['cumulative-layout-shift']?.displayValue};`
          : '';
      measurements.push({
        id: `lighthouse.${page.id}.${category}`,
        label: `Lighthouse ${category}, ${page.label}`,
        value: score,
        unit: 'score',
        target: atLeast98,
        note: `${page.path}: ${context};${metrics} ${shortfalls(lhr as never, category)}`,
      });
    }
  }
  const written = writeResult(NAME, startedAt, measurements);
  progress(NAME, `wrote ${written}`);
} finally {
  await context?.close().catch(() => undefined);
  await server.stop();
  for (const dir of temps) removeTemp(dir);
}
