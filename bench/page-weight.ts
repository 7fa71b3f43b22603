import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { benchArgs, progress } from './lib/bench-args.ts';
import { BENCH_EXAM, setupLinkIn, signInLeadAndTrainee } from './lib/signed-in.ts';
import { weighPage, type PageWeight } from './lib/page-load.ts';
import { measureProcess } from './lib/process-tree.ts';
import { writeResult, type Measurement, type Target } from './lib/results.ts';
import { astroArgs, childEnv, copyProject, isolateAstroCache, NODE, PROJECT_ROOT, removeTemp } from './lib/temp-project.ts';

// HTML and JS (gz) that each page template makes Chromium load, from a private build of the real site.
// Targets (issue 7): 0 KB JS on case and rule pages, ≤ 27 KB on a practice page (25 KB until the resumed round, the account sync and the header's account script; see tests/e2e/practice.test.ts), ≤ 15 KB on the exam page (15.5 KB for a while after the autosave queue; see tests/e2e/exam.test.ts); issue 17: ≤ 40 KB on the sandbox, held at 24 KB since it loads its engine on first use (see tests/e2e/sandbox.test.ts).
// Baseline for JS: what the page's scripts include of the framework floor any Preact island pays (Preact, hooks, JSX
// runtime, Astro's renderer and island loader), measured in the same load; pages without islands have none. HTML has no
// baseline that would mean anything: it stands on its own.

const NAME = 'page-weight';
benchArgs();
const startedAt = new Date();
const EXAM = BENCH_EXAM;

/**
 * Static pages ship no island. Their one script is the header's account line (src/components/account-nav-script.ts,
 * ~0.4 KB inline, allowed by hash): issue 16 asks static pages to show who is signed in, which a prerendered page can
 * only learn in the browser. The target allows that script and nothing more.
 */
const headerScriptOnly: Target = { op: '<=', value: 0.5, of: 'value' };
/** Page templates in the order of docs/architecture.md's page table; `who` says which session loads it. */
const templates: readonly { id: string; label: string; path: string; who: 'anonymous' | 'lead' | 'trainee'; js?: Target }[] = [
  { id: 'home', label: 'home', path: '/', who: 'anonymous' },
  { id: 'case', label: 'case page', path: '/cases/seven-day-last-minute', who: 'anonymous', js: headerScriptOnly },
  { id: 'case-index', label: 'case index', path: '/cases', who: 'anonymous' },
  { id: 'rule', label: 'rule page', path: '/rules/R-7DAY-WINDOW', who: 'anonymous', js: headerScriptOnly },
  { id: 'rules-index', label: 'rules index', path: '/rules', who: 'anonymous' },
  { id: 'flows', label: 'flows', path: '/flows', who: 'anonymous' },
  { id: 'search', label: 'search (Pagefind UI, before a query)', path: '/search', who: 'anonymous' },
  { id: 'sandbox', label: 'sandbox (until the first interaction)', path: '/sandbox', who: 'anonymous', js: { op: '<=', value: 24, of: 'value' } },
  { id: 'practice', label: 'practice (topic round)', path: '/practice/seven-day', who: 'anonymous', js: { op: '<=', value: 27, of: 'value' } },
  { id: 'login', label: 'login', path: '/login', who: 'anonymous' },
  { id: 'verify', label: 'certificate check (/verify, unknown id)', path: '/verify/AAAAAAAAAAAAAAAAAAAAAA', who: 'anonymous' },
  { id: 'lead', label: 'lead home', path: '/lead', who: 'lead' },
  { id: 'exam', label: 'exam (attempt in progress)', path: `/exams/${EXAM}`, who: 'trainee', js: { op: '<=', value: 15, of: 'value' } },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const temps: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  temps.push(dir);
  return dir;
};

async function startServer(projectDir: string): Promise<{ origin: string; setupLink: () => string; child: ChildProcess }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = tempDir('page-weight-data');
  const child = spawn(NODE, ['--preserve-symlinks-main', join(projectDir, 'src/server/start.mjs')], {
    cwd: projectDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not answer within 30 s:\n${output}`);
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const setupLink = () => setupLinkIn(output);
  return { origin, setupLink, child };
}

async function newContext(profileLabel: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir(`chromium-${profileLabel}`), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

const project = copyProject('page-weight');
let server: Awaited<ReturnType<typeof startServer>> | undefined;
const contexts: BrowserContext[] = [];
try {
  isolateAstroCache(project);
  const [command, args] = astroArgs('build');
  const build = await measureProcess(command, args, { cwd: project, env: childEnv() });
  if (build.exitCode !== 0) throw new Error(`astro build failed:\n${build.tail}`);
  const pagefind = await measureProcess(NODE, [join(PROJECT_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist/client'], { cwd: project, env: childEnv() });
  if (pagefind.exitCode !== 0) throw new Error(`pagefind failed:\n${pagefind.tail}`);
  progress(NAME, `built the site in a temp copy (${build.seconds.toFixed(1)} s + Pagefind ${pagefind.seconds.toFixed(1)} s)`);

  server = await startServer(project);
  const sessions: Record<'anonymous' | 'lead' | 'trainee', Page> = {} as never;
  for (const who of ['anonymous', 'lead', 'trainee'] as const) {
    const context = await newContext(who);
    contexts.push(context);
    sessions[who] = context.pages()[0] ?? (await context.newPage());
  }
  // The lead: first-run setup, one trainee added; the trainee: activated, signed in, exam started.
  const { origin } = server;
  const attemptId = await signInLeadAndTrainee(origin, server.setupLink(), sessions.lead, sessions.trainee);

  const measurements: Measurement[] = [];
  const weights: PageWeight[] = [];
  for (const template of templates) {
    const path = template.id === 'exam' && attemptId ? `${template.path}?attempt=${encodeURIComponent(attemptId)}` : template.path;
    const weight = await weighPage(sessions[template.who], origin, path);
    weights.push(weight);
    const expected = template.id === 'verify' ? 404 : 200;
    if (weight.status !== expected) throw new Error(`${path}: HTTP ${weight.status}, expected ${expected} (ended at ${weight.url})`);
    progress(NAME, `${template.label.padEnd(40)} HTML ${kb(weight.htmlGzBytes).toFixed(1).padStart(6)} KB   JS ${kb(weight.jsGzBytes).toFixed(1).padStart(6)} KB  (${weight.scripts.length} scripts)`);
    const scripts = weight.scripts.map((script) => `${script.url} ${kb(script.gzBytes)}${script.isFramework ? ' (framework)' : ''}`).join(', ');
    measurements.push({
      id: `page-weight.${template.id}.jsKb`,
      label: `JS, ${template.label}`,
      value: kb(weight.jsGzBytes),
      unit: 'KB',
      ...(weight.frameworkGzBytes > 0 ? { baseline: { label: 'of which Preact + Astro island runtime', value: kb(weight.frameworkGzBytes) } } : {}),
      ...(template.js ? { target: template.js } : {}),
      note: `${weight.url}: ${weight.scripts.length === 0 ? 'no script' : scripts}`,
    });
  }
  for (const [index, template] of templates.entries()) {
    measurements.push({ id: `page-weight.${template.id}.htmlKb`, label: `HTML, ${template.label}`, value: kb(weights[index]!.htmlGzBytes), unit: 'KB' });
  }
  const path = writeResult(NAME, startedAt, measurements);
  progress(NAME, `wrote ${path}`);
} finally {
  for (const context of contexts) await context.close().catch(() => undefined);
  server?.child.kill('SIGTERM');
  removeTemp(project);
  for (const dir of temps) removeTemp(dir);
}
