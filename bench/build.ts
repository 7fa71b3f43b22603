import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bareAstroProject } from './lib/bare-astro.ts';
import { benchArgs, progress } from './lib/bench-args.ts';
import { measureProcess, type ProcessCost } from './lib/process-tree.ts';
import { writeResult, type Measurement } from './lib/results.ts';
import { writeSyntheticCases } from './lib/synthetic-cases.ts';
import { astroArgs, childEnv, copyProject, isolateAstroCache, NODE, PROJECT_ROOT, removeTemp } from './lib/temp-project.ts';

// Cold build of the real site with N synthetic cases, next to a bare Astro + MDX build of the same files.
// Targets (issue 17): astro build ≤ 1.3× the bare build and ≤ 1.5 GB peak at 1,000 cases. Pagefind is timed on its
// own: the bare build has no search index, so the target compares `astro build` with `astro build`.

const NAME = 'build';
const { quick } = benchArgs();
// BENCH_BUILD_SIZES=1000 runs only the sizes listed (comma-separated), e.g. to check the 1,000-case target alone.
const sizes = process.env.BENCH_BUILD_SIZES ? process.env.BENCH_BUILD_SIZES.split(',').map(Number) : quick ? [200] : [1000, 5000];
const CASES = join(PROJECT_ROOT, 'content/cases');
const startedAt = new Date();
const measurements: Measurement[] = [];

/** HTML pages written under `dist` (ours: dist/client; bare: dist). */
function pageCount(distDir: string): number {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}

/** Astro's own timings from its log: config + content sync, server bundle, client bundles, prerendering. */
function phases(log: string): string {
  // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes of Astro's log
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  const sync = /\[types\] Generated ([\d.]+)(m?s)/.exec(plain);
  const bundles = [...plain.matchAll(/\[vite\] ✓ built in ([\d.]+)(m?s)/g)];
  const render = /(?:prerendering|generating) static routes[\s\S]*?✓ Completed in ([\d.]+)(m?s)/.exec(plain);
  const seconds = (match: RegExpMatchArray | null | undefined) => (match ? (Number(match[1]) / (match[2] === 'ms' ? 1000 : 1)).toFixed(1) : '?');
  return `config + content sync ${seconds(sync)} s, bundles ${bundles.map((match) => seconds(match)).join(' + ')} s, pages ${seconds(render)} s`;
}

/** A cold `astro build` in `dir`: earlier output and caches are removed first. */
async function build(dir: string, label: string): Promise<ProcessCost> {
  for (const output of ['dist', '.bench-cache', '.astro']) rmSync(join(dir, output), { recursive: true, force: true });
  const [command, args] = astroArgs('build');
  const cost = await measureProcess(command, args, { cwd: dir, env: childEnv() });
  if (cost.exitCode !== 0) throw new Error(`${label}: astro build exited with ${cost.exitCode}\n${cost.tail}`);
  progress(NAME, `${label}: ${cost.seconds.toFixed(1)} s${cost.cpuSeconds === undefined ? '' : ` (CPU ${cost.cpuSeconds.toFixed(1)} s)`}, peak ${cost.peakMb.toFixed(0)} MB`);
  return cost;
}

for (const size of sizes) {
  const count = size.toLocaleString('en-US');
  const bare = bareAstroProject();
  const real = copyProject('build');
  try {
    isolateAstroCache(real);
    rmSync(join(real, 'content/cases'), { recursive: true });
    const bytes = writeSyntheticCases(CASES, join(real, 'content/cases'), size);
    writeSyntheticCases(CASES, join(bare, 'content/cases'), size);
    progress(NAME, `${count} cases generated (${(bytes / 2 ** 20).toFixed(1)} MB of MDX)`);

    // Alternating rounds, each from a clean cache, so a burst of other work on the machine hits both sides; the fastest
    // round of each side is kept (the least disturbed one). 5,000 cases get one round to stay within the budget.
    const rounds = size <= 1000 ? 2 : 1;
    const bareRuns: ProcessCost[] = [];
    const ourRuns: ProcessCost[] = [];
    for (let round = 1; round <= rounds; round++) {
      const suffix = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
      bareRuns.push(await build(bare, `bare Astro + MDX, ${count} cases${suffix}`));
      ourRuns.push(await build(real, `our site, ${count} cases${suffix}`));
    }
    const fastest = (runs: ProcessCost[]) => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
    const bareCost = fastest(bareRuns);
    const ourCost = fastest(ourRuns);
    const cpuText = (cost: ProcessCost) => (cost.cpuSeconds === undefined ? '' : `, CPU ${cost.cpuSeconds.toFixed(1)} s`);
    const roundsText = rounds > 1 ? `; fastest of ${rounds} alternating rounds (ours ${ourRuns.map((run) => run.seconds.toFixed(1)).join(' / ')} s, bare ${bareRuns.map((run) => run.seconds.toFixed(1)).join(' / ')} s)` : '';
    const pagefind = await measureProcess(NODE, [join(PROJECT_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist/client'], { cwd: real, env: childEnv() });
    if (pagefind.exitCode !== 0) throw new Error(`pagefind exited with ${pagefind.exitCode}\n${pagefind.tail}`);
    progress(NAME, `pagefind over ${count} cases: ${pagefind.seconds.toFixed(1)} s, peak ${pagefind.peakMb.toFixed(0)} MB`);

    const ourPages = pageCount(join(real, 'dist/client'));
    const barePages = pageCount(join(bare, 'dist'));
    const baseline = (value: number) => ({ label: `bare Astro + MDX, same ${count} files`, value: Math.round(value * 10) / 10 });
    const conditions = `cold: fresh temp project, Astro cache inside it; ${count} cases (115 real + week-shifted copies); 2 cores shared with other work`;
    measurements.push(
      {
        id: `build.${size}.seconds`,
        label: `Cold astro build, ${count} cases`,
        value: Math.round(ourCost.seconds * 10) / 10,
        unit: 's',
        baseline: baseline(bareCost.seconds),
        ...(size === 1000 ? { target: { op: '<=', value: 1.3, of: 'ratio' } as const } : {}),
        note: `wall time of \`astro build\` (static pages, islands, server); ${conditions}${roundsText}. Ours: ${ourPages} pages (${phases(ourCost.stdout)}${cpuText(ourCost)}); bare: ${barePages} pages (${phases(bareCost.stdout)}${cpuText(bareCost)})`,
      },
      {
        id: `build.${size}.peakMb`,
        label: `Peak memory of astro build, ${count} cases`,
        value: Math.round(Math.max(...ourRuns.map((run) => run.peakMb))),
        unit: 'MB',
        baseline: { ...baseline(0), value: Math.round(Math.max(...bareRuns.map((run) => run.peakMb))) },
        ...(size === 1000 ? { target: { op: '<=', value: 1536, of: 'value' } as const } : {}),
        note: `summed RSS of the build process tree, sampled every 100 ms from /proc${rounds > 1 ? `; highest of ${rounds} rounds (ours ${ourRuns.map((run) => Math.round(run.peakMb)).join(' / ')} MB)` : ''}`,
      },
      {
        id: `build.${size}.withPagefindSeconds`,
        label: `Cold build + Pagefind index, ${count} cases`,
        value: Math.round((ourCost.seconds + pagefind.seconds) * 10) / 10,
        unit: 's',
        baseline: baseline(bareCost.seconds),
        note: `\`npm run build\` as shipped: astro build, then pagefind (${pagefind.seconds.toFixed(1)} s, peak ${Math.round(pagefind.peakMb)} MB); the bare build has no search`,
      },
    );
  } finally {
    removeTemp(bare);
    removeTemp(real);
  }
}

const path = writeResult(NAME, startedAt, measurements);
progress(NAME, `wrote ${path}`);
