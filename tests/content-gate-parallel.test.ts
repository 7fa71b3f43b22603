import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/server/content-check/check-content.ts';
import { checkContentInParallel, workerShare } from '../src/server/content-check/parallel-check.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Each run reviews a fixture folder twice, once with a worker thread; slow on a busy 2-core machine.
const TIMEOUT = 60_000;

// A fixture with question files on both threads and ids repeated across them: the first question file copied to the
// end of the list, so its ids are first used in the worker's share and repeated in the main thread's.
const scratch = mkdtempSync(join(tmpdir(), 'gate-parallel-'));
cpSync(join(ROOT, 'tests/fixtures/questions'), scratch, { recursive: true });
const firstFile = readdirSync(join(scratch, 'questions')).filter((name) => name.endsWith('.yaml')).sort()[0]!;
cpSync(join(scratch, 'questions', firstFile), join(scratch, 'questions', 'zz-again.yaml'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('checkContentInParallel', () => {
  it.each(['tests/fixtures/content', 'tests/fixtures/content-valid', 'tests/fixtures/content-bad-policy', 'tests/fixtures/questions', 'tests/fixtures/questions-valid'])(
    'reports %s exactly as checkContent does',
    async (dir) => {
      const parallel = await checkContentInParallel(join(ROOT, dir), { threads: 2 });
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(checkContent(join(ROOT, dir))));
    },
    TIMEOUT,
  );

  it(
    'compares ids across the two threads: a repeat names the first use with its line',
    async () => {
      const parallel = await checkContentInParallel(scratch, { threads: 2 });
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(checkContent(scratch)));
      const repeats = parallel.errors.filter((error) => error.code === 'DUPLICATE_ID' && error.file.endsWith('zz-again.yaml'));
      expect(repeats.length).toBeGreaterThan(0);
      for (const repeat of repeats) expect(repeat.problem).toMatch(new RegExp(`${firstFile}:\\d+ 的 `));
    },
    TIMEOUT,
  );

  it('shares the question files by weight: the worker takes the first ones, more of them when there are cases', () => {
    expect(workerShare([1000, 1000, 1000, 1000], 0)).toBe(2);
    // Cases weigh on the main thread's side, so the worker takes more of the question files.
    expect(workerShare([1000, 1000, 1000, 1000], 1)).toBe(3);
    expect(workerShare([], 10)).toBe(0);
    expect(workerShare([100], 1000)).toBe(1);
  });

  it(
    'gives the same report on one thread',
    async () => {
      const dir = join(ROOT, 'tests/fixtures/questions');
      expect(JSON.stringify(await checkContentInParallel(dir, { threads: 1 }))).toBe(JSON.stringify(checkContent(dir)));
    },
    TIMEOUT,
  );
});
