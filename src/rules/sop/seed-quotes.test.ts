import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sopRuleMetas } from './index.ts';

const SEEDS = '/work/shared/domain/seeds';
const hasSeeds = existsSync(SEEDS);

const sources = sopRuleMetas.flatMap((meta) => meta.sources.map((source) => ({ id: meta.id, ...source })));

/** The seed number a document name ends with, e.g. （资料 004）. */
const seedNumber = (document: string) => /（资料 (\d{3})/.exec(document)?.[1];

describe('SOP sources', () => {
  it('names the seed file of every cited document', () => {
    for (const source of sources) expect(seedNumber(source.document), `${source.id}: ${source.document}`).toMatch(/^\d{3}$/);
  });

  it.skipIf(!hasSeeds)(
    hasSeeds ? 'quotes every sentence verbatim from its seed file' : `quotes every sentence verbatim — skipped: ${SEEDS} is missing`,
    () => {
      const files = readdirSync(SEEDS);
      const missing = sources.filter((source) => {
        const file = files.find((name) => name.startsWith(`${seedNumber(source.document)}_`));
        return !file || !readFileSync(join(SEEDS, file), 'utf8').includes(source.quote);
      });
      expect(missing.map((source) => `${source.id}: ${source.quote}`)).toEqual([]);
    },
  );
});
