// The check:content command itself; cli.ts loads it after turning on the compile cache.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatAuthorError, formatSummaryLine } from '../../authoring/index.ts';
import { checkContentInParallel } from './parallel-check.ts';

const usage =
  '用法：npm run check:content [-- --json] [-- --dir <内容目录>] [-- --threads 1|2]（内容目录下有 cases/、questions/ 与 policy/shop.json，默认 content；线程数默认按空闲的 CPU 核决定）';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({ options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: 'content' }, threads: { type: 'string' } } }).values;
    if (options.threads !== undefined && !/^[12]$/.test(options.threads)) throw new Error(`--threads 只能写 1 或 2，写的是 ${options.threads}。`);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  // Two threads when a core is free (defaultGateThreads): the same report as checkContent's either way.
  const report = await checkContentInParallel(resolve(options.dir), options.threads === undefined ? {} : { threads: Number(options.threads) });
  const text = options.json
    ? JSON.stringify(report)
    : [...report.errors.map((error) => `${formatAuthorError(error)}\n`), formatSummaryLine(report)].join('\n');
  process.stdout.write(`${text}\n`);
  return report.errors.length > 0 ? 1 : 0;
}

// Piping into `head` closes stdout early; that is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await main();
