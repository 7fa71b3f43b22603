import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where every benchmark writes its JSON; the table in docs/performance.md is generated from these files. `BENCH_RESULTS_DIR`
 * redirects it (`npm run bench -- --quick` does, so a smoke test never replaces real figures).
 */
export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? fileURLToPath(new URL('../results/', import.meta.url));

/** A target a figure must meet; `of` says whether it applies to the value itself or to the ratio to the baseline. */
export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
  readonly of: 'value' | 'ratio';
}

/** One measured figure, measured in the same run as its baseline when it has one. */
export interface Measurement {
  /** Stable key, e.g. `build.1000.seconds`; the performance table is ordered and matched by it. */
  readonly id: string;
  /** Short English label for the performance table, e.g. "Cold build, 1,000 cases". */
  readonly label: string;
  readonly value: number;
  /** Unit of `value` and of the baseline's value: `s`, `ms`, `MB`, `KB`, `/s`, `count`, `score` (0–100). */
  readonly unit: string;
  /** The side-by-side comparison measured in the same run. */
  readonly baseline?: { readonly label: string; readonly value: number };
  readonly target?: Target;
  /** Free text: what was measured and how (sample sizes, percentiles, conditions). */
  readonly note?: string;
}

export interface BenchResult {
  readonly name: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly machine: { readonly cpus: number; readonly memoryGb: number; readonly node: string; readonly platform: string };
  readonly measurements: readonly (Measurement & { readonly ratio: number | null; readonly pass: boolean | null })[];
}

/** `value / baseline` or null when there is no baseline to compare with. */
export function ratioOf(measurement: Measurement): number | null {
  const base = measurement.baseline?.value;
  return base === undefined || base === 0 ? null : measurement.value / base;
}

/** Whether the target holds; null when the measurement has no target. */
export function meetsTarget(measurement: Measurement): boolean | null {
  const { target } = measurement;
  if (!target) return null;
  const subject = target.of === 'ratio' ? ratioOf(measurement) : measurement.value;
  if (subject === null) return null;
  return target.op === '<=' ? subject <= target.value : subject >= target.value;
}

/**
 * Writes `bench/results/<name>.json` and returns its path. Every benchmark calls this exactly once at its end, so
 * a run that fails half-way leaves the previous result in place rather than a partial one.
 */
export function writeResult(name: string, startedAt: Date, measurements: readonly Measurement[]): string {
  const result: BenchResult = {
    name,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    machine: {
      cpus: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    measurements: measurements.map((m) => ({ ...m, ratio: ratioOf(m), pass: meetsTarget(m) })),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
