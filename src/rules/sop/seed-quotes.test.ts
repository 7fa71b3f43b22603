import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../catalogue.ts';

// The shop manuals sit beside the project (../shared/domain/seeds), as every domain source does.
const SEEDS = fileURLToPath(new URL('../../../../shared/domain/seeds', import.meta.url));

const sources = ruleCatalogue.filter((meta) => meta.kind === 'sop').flatMap((meta) => meta.sources.map((source) => ({ id: meta.id, ...source })));

/** The seed number a document name ends with, e.g. （资料 004）. */
const seedNumber = (document: string) => /（资料 (\d{3})/.exec(document)?.[1];

describe('SOP sources', () => {
  it('names the seed file of every cited document', () => {
    for (const source of sources) expect(seedNumber(source.document), `${source.id}: ${source.document}`).toMatch(/^\d{3}$/);
  });

  // A missing folder fails rather than skips: a check that CI never runs is a failing check.
  it('quotes every sentence verbatim from its seed file', () => {
    expect(existsSync(SEEDS), `${SEEDS} is missing: check out the domain sources beside the project`).toBe(true);
    const files = readdirSync(SEEDS);
    const missing = sources.filter((source) => {
      const file = files.find((name) => name.startsWith(`${seedNumber(source.document)}_`));
      return !file || !readFileSync(join(SEEDS, file), 'utf8').includes(source.quote);
    });
    expect(missing.map((source) => `${source.id}: ${source.quote}`)).toEqual([]);
  });
});
