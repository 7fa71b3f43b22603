import { parseArgs } from 'node:util';

/** Options every benchmark script accepts: `--quick` runs a small smoke-test size that still writes a result. */
export interface BenchArgs {
  readonly quick: boolean;
}

export function benchArgs(): BenchArgs {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } }, strict: false });
  return { quick: values.quick === true };
}

/** A progress line on stderr, prefixed with the benchmark's name, so the runner's log reads in order. */
export function progress(name: string, message: string): void {
  process.stderr.write(`  [${name}] ${message}\n`);
}
