import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantsPerTemplate } from '../../src/quiz/bank.ts';

export interface SyntheticBank {
  readonly files: number;
  readonly items: number;
  readonly templates: number;
  /** Bank items as `check:content --json` counts them: authored items plus `variantsPerTemplate` per template. */
  readonly bankItems: number;
}

const ID_LINE = /^(\s*- id: )([a-z0-9-]+)\s*$/gm;

function countIds(text: string): { items: number; templates: number } {
  const templatesAt = text.search(/^templates:/m);
  let items = 0;
  let templates = 0;
  for (const match of text.matchAll(ID_LINE)) {
    if (templatesAt >= 0 && match.index > templatesAt) templates++;
    else items++;
  }
  return { items, templates };
}

/**
 * Writes copies of the real question files into `targetDir` until the bank holds at least `bankItems` items, keeping
 * the real bank's mix of item types and of items to templates. Copy n renames every id to `<id>-x<n>` (ids must be
 * unique across files); everything else, including the cases items refer to, stays as written, so every copy passes
 * the gate exactly when the original does.
 */
export function writeSyntheticQuestions(sourceDir: string, targetDir: string, bankItems: number): SyntheticBank {
  const names = readdirSync(sourceDir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const sources = names.map((name) => readFileSync(join(sourceDir, name), 'utf8'));
  mkdirSync(targetDir, { recursive: true });
  const total = { files: 0, items: 0, templates: 0, bankItems: 0 };
  for (let copy = 1; total.bankItems < bankItems; copy++) {
    for (const [index, source] of sources.entries()) {
      if (total.bankItems >= bankItems) break;
      const text = source.replace(ID_LINE, (_, prefix: string, id: string) => `${prefix}${id}-x${copy}`);
      const counted = countIds(text);
      writeFileSync(join(targetDir, names[index]!.replace(/\.(ya?ml)$/, `-x${copy}.$1`)), text);
      total.files++;
      total.items += counted.items;
      total.templates += counted.templates;
      total.bankItems += counted.items + counted.templates * variantsPerTemplate;
    }
  }
  return total;
}
