import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeFrontmatter } from '../src/authoring/index.ts';
import { draftFromFacts, factsFromDraft } from '../src/present/sandbox/fact-draft.ts';
import { factFormModel } from '../src/present/sandbox/fact-form-model.ts';
import { parseFacts } from '../src/rules/index.ts';

const CASES = new URL('../content/cases/', import.meta.url);
const model = factFormModel();

/** Each case's facts as the cases collection stores them (normalized frontmatter). */
function caseFacts(): [slug: string, facts: unknown][] {
  return readdirSync(CASES)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(name, CASES), 'utf8'))?.[1] ?? '';
      const data = normalizeFrontmatter(parse(frontmatter)) as { facts?: unknown };
      return [name.replace(/\.mdx$/, ''), data.facts];
    });
}

/** True for facts the content gate would let through; the sandbox is only promised to represent those. */
function isValid(facts: unknown): boolean {
  try {
    parseFacts(facts);
    return true;
  } catch {
    return false;
  }
}

describe('every case in content/cases', () => {
  const cases = caseFacts().filter(([, facts]) => isValid(facts));

  it('finds cases to load', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s loads into the sandbox form and comes back unchanged', (_, facts) => {
    const { draft, unknownPaths } = draftFromFacts(model, facts);
    expect(unknownPaths).toEqual([]);
    expect(factsFromDraft(model, draft)).toEqual({ facts, errors: [] });
  });
});
