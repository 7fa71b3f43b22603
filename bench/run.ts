import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESULTS_DIR } from './lib/results.ts';
import { NODE, PROJECT_ROOT } from './lib/temp-project.ts';

/**
 * `npm run bench`: runs every benchmark as its own child process, in order (peak memory is per benchmark, and one
 * crash loses only its own result), then regenerates the table in docs/performance.md with bench/summary.ts.
 *
 *   npm run bench                                   everything, ≤ 15 min on 2 cores
 *   npm run bench -- --only build,content-gate      a subset, by name
 *   npm run bench -- --quick                        small sizes, results in a temp folder, table printed not written
 *   npm run bench:micro                             the Vitest micro-benchmarks (decide(), the store)
 *
 * Every benchmark is a script that writes one bench/results/<name>.json through bench/lib/results.ts and exits 0.
 * Exits 1 when any benchmark failed or was missing; targets that are not met do not fail the run.
 */

interface Bench {
  readonly name: string;
  readonly script: string;
  readonly what: string;
}

const benches: readonly Bench[] = [
  { name: 'content-gate', script: 'bench/content-gate.ts', what: 'check:content over 10,000 bank items and over 1,000 cases' },
  { name: 'build', script: 'bench/build.ts', what: 'cold build of 1,000 and 5,000 cases next to a bare Astro MDX build' },
  { name: 'page-weight', script: 'bench/page-weight.ts', what: 'HTML and JS (gz) each page template loads, in Chromium' },
  { name: 'lighthouse', script: 'bench/lighthouse.ts', what: 'Lighthouse performance and accessibility of home, a case, practice and the exam page' },
  { name: 'server-load', script: 'bench/server-load.ts', what: 'exam server under load' },
  { name: 'lead-pages', script: 'bench/lead-pages.ts', what: 'lead pages over 50,000 attempts, both stores' },
  { name: 'login-storm', script: 'bench/login-storm.ts', what: 'many trainees signing in at once' },
  { name: 'restart', script: 'bench/restart.ts', what: 'server restart with 1,000,000 stored answers' },
];

const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const only = values.only?.split(',').map((name) => name.trim()).filter(Boolean);
const unknown = only?.filter((name) => !benches.some((bench) => bench.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${benches.map((bench) => bench.name).join(', ')}`);
  process.exit(2);
}
const selected = benches.filter((bench) => !only || only.includes(bench.name));
const quick = values.quick === true;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(quick ? { BENCH_RESULTS_DIR: mkdtempSync(join(tmpdir(), 'bench-quick-results-')) } : {}) };

function runChild(script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;
const started = Date.now();
const outcomes: string[] = [];
let failed = false;
console.log(`npm run bench${quick ? ' (quick smoke test)' : ''}: ${selected.map((bench) => bench.name).join(', ')}`);
for (const [index, bench] of selected.entries()) {
  const prefix = `[${index + 1}/${selected.length}] ${bench.name}`;
  if (!existsSync(join(PROJECT_ROOT, bench.script))) {
    console.log(`${prefix}: skipped, ${bench.script} does not exist yet`);
    outcomes.push(`${bench.name}: skipped (no ${bench.script})`);
    failed ||= only !== undefined;
    continue;
  }
  console.log(`${prefix}: ${bench.what} (elapsed ${clock(Date.now() - started)})`);
  const benchStarted = Date.now();
  const code = await runChild(bench.script, quick ? ['--quick'] : []);
  const took = clock(Date.now() - benchStarted);
  console.log(`${prefix}: ${code === 0 ? 'done' : `FAILED (exit ${code}); its previous result, if any, is kept`} in ${took}`);
  outcomes.push(`${bench.name}: ${code === 0 ? 'ok' : 'failed'} in ${took}`);
  failed ||= code !== 0;
}

const totalMs = Date.now() - started;
const ran = selected.map((bench) => bench.name).join(', ');
if (!quick) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'run.json'), `${JSON.stringify({ seconds: Math.round(totalMs / 1000), benches: ran, at: new Date().toISOString() })}\n`);
}
const summaryArgs = quick ? ['--print'] : [];
const summaryCode = await runChild('bench/summary.ts', summaryArgs);
failed ||= summaryCode !== 0;
console.log(`\n${outcomes.join('\n')}\ntotal ${clock(totalMs)} (budget 15:00 on 2 cores)`);
process.exitCode = failed ? 1 : 0;
