import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR, type BenchResult, type Target } from './lib/results.ts';

// Regenerates the block between <!-- bench:start --> and <!-- bench:end --> in docs/performance.md from
// bench/results/*.json. Usage: node bench/summary.ts [--print]: --print writes the table to stdout instead. The last run's
// total time comes from bench/results/run.json, which bench/run.ts writes.

const TABLE_DOC = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
/** Benchmarks in the order of `npm run bench`; results from other names follow alphabetically. */
export const BENCH_ORDER = ['content-gate', 'build', 'page-weight', 'lighthouse', 'server-load', 'login-storm', 'restart'];

const number = (value: number) => {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
};
// Counts and scores (Lighthouse's 0–100) read as bare numbers.
const withUnit = (value: number, unit: string) => (unit === 'count' || unit === 'score' ? number(value) : `${number(value)} ${unit}`);
const targetText = (target: Target | undefined, unit: string) =>
  !target ? '—' : `${target.op === '<=' ? '≤' : '≥'} ${target.of === 'ratio' ? `${number(target.value)}×` : withUnit(target.value, unit)}`;
const metText = (pass: boolean | null) => (pass === null ? '—' : pass ? 'yes' : '**no**');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function readResults(): BenchResult[] {
  if (!existsSync(RESULTS_DIR)) return [];
  const results = readdirSync(RESULTS_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'run.json')
    .map((name) => JSON.parse(readFileSync(join(RESULTS_DIR, name), 'utf8')) as BenchResult);
  const rank = (name: string) => (BENCH_ORDER.includes(name) ? BENCH_ORDER.indexOf(name) : BENCH_ORDER.length);
  return results.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

/** The Markdown that goes between the markers: the machine line, then one table grouped by benchmark. */
export function summaryMarkdown(results: readonly BenchResult[], lastRun?: LastRun): string {
  if (results.length === 0) return '_No results yet: run `npm run bench`._';
  const machine = results[0]!.machine;
  const dates = results.map((result) => result.startedAt.slice(0, 10)).sort();
  const period = dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} – ${dates.at(-1)}`;
  const total = lastRun ? `; the last \`npm run bench\` (${lastRun.benches}) took ${Math.round(lastRun.seconds / 6) / 10} min` : '';
  const lines = [
    `Measured on ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}), ${period}${total}. ` +
      'Timings on a 2-core machine shared with other work are noisy; each figure is next to its baseline from the same run.',
    '',
    '| benchmark | what | figure | baseline | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    result.measurements.forEach((m, index) => {
      const baseline = m.baseline ? `${withUnit(m.baseline.value, m.unit)} (${m.baseline.label})` : '—';
      const ratio = m.ratio === null ? '—' : `${number(m.ratio)}×`;
      const group = index === 0 ? `**${result.name}**` : '';
      lines.push(`| ${group} | ${cell(m.label)} | ${withUnit(m.value, m.unit)} | ${cell(baseline)} | ${ratio} | ${targetText(m.target, m.unit)} | ${metText(m.pass)} |`);
    });
  }
  const notes = results.flatMap((result) => result.measurements.filter((m) => m.note).map((m) => `- ${m.label}: ${m.note}`));
  if (notes.length > 0) lines.push('', '<details><summary>How each figure was measured</summary>', '', ...notes, '', '</details>');
  return lines.join('\n');
}

/** Replaces the table block; throws when the markers are missing so a run never appends a second table. */
export function updateTable(markdown: string, doc = TABLE_DOC): void {
  const text = readFileSync(doc, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${doc}: the ${START} … ${END} markers are missing`);
  writeFileSync(doc, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`);
}

if (import.meta.main) {
  const markdown = summaryMarkdown(readResults(), lastRunOf());
  if (process.argv.includes('--print')) {
    process.stdout.write(`${markdown}\n`);
  } else {
    updateTable(markdown);
    process.stderr.write(`docs/performance.md: benchmark table regenerated from ${RESULTS_DIR}\n`);
  }
}

/** The last `npm run bench`: its total time and the benchmarks it ran (bench/results/run.json, written by run.ts). */
export interface LastRun {
  readonly seconds: number;
  readonly benches: string;
}

function lastRunOf(): LastRun | undefined {
  const path = join(RESULTS_DIR, 'run.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LastRun) : undefined;
}
