import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { normalizeFrontmatter, type QuestionFileInput } from '../../authoring/index.ts';
import { CURRENT_EDITION, editions, type EditionId } from '../../rules/index.ts';
import { readCaseFile, readYaml } from './case-file.ts';
import { displayPath, gateFingerprint, listCaseFiles } from './content-files.ts';
import type { AuthorError } from '../../authoring/index.ts';

/** The glob Astro's `questions` collection loads; the CLI lists the same files. */
export const QUESTION_FILE_PATTERN = '**/*.{yaml,yml}';

/** Every question file under `questionsDir` (recursively), sorted, as absolute paths; empty when the folder does not exist. */
export function listQuestionFiles(questionsDir: string): string[] {
  if (!existsSync(questionsDir)) return [];
  return readdirSync(questionsDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(questionsDir, name))
    .sort();
}

/**
 * A question file read from disk: its data and a line locator, or its YAML problems as INVALID_QUESTION_FILE (read by
 * `readYaml`: js-yaml's values, `yaml`'s lines only when a message needs one).
 */
export function readQuestionFile(path: string): QuestionFileInput & { readonly errors: readonly AuthorError[] } {
  const file = displayPath(path);
  const read = readYaml(file, readFileSync(path, 'utf8'), 1, 'INVALID_QUESTION_FILE');
  return { file, data: read.value, locate: read.locate, errors: read.errors };
}

export type CaseFacts = ReadonlyMap<string, { readonly facts: unknown; readonly edition: EditionId }>;

/** A case's facts and edition as questions build on them (normalized like the case gate reads them). */
export function caseFactsOf(frontmatter: unknown): { facts: unknown; edition: EditionId } {
  const normalized = normalizeFrontmatter(frontmatter) as { facts?: unknown; edition?: unknown } | undefined;
  const edition = editions.find((candidate) => candidate.id === normalized?.edition)?.id ?? CURRENT_EDITION;
  return { facts: normalized?.facts, edition };
}

/** The slug a case is referred to by (`case:` in questions, `related` in cases): its path below `casesDir` without `.mdx`. */
export function caseSlugOf(casesDir: string, path: string): string {
  return relative(casesDir, path).split(sep).join('/').replace(/\.mdx$/, '');
}

/** Case facts by slug, read on demand. */
export interface CaseFactsLookup {
  get(slug: string): { readonly facts: unknown; readonly edition: EditionId } | undefined;
}

/**
 * The facts of every readable case under `casesDir`, by slug; cases whose frontmatter cannot be read are left out.
 * A case is read the first time it is asked for: questions refer to a few dozen cases, and reading every one of
 * thousands up front cost ~0.8 s of each 1,000-case build (bench/build.ts).
 */
export function loadCaseFacts(casesDir: string): CaseFactsLookup {
  const paths = new Map(listCaseFiles(casesDir).map((path) => [caseSlugOf(casesDir, path), path]));
  const read = new Map<string, { facts: unknown; edition: EditionId } | undefined>();
  return {
    get(slug) {
      if (!read.has(slug)) {
        const path = paths.get(slug);
        const parsed = path === undefined ? undefined : readCaseFile(displayPath(path), readFileSync(path, 'utf8'));
        read.set(slug, parsed && parsed.errors.length === 0 ? caseFactsOf(parsed.value) : undefined);
      }
      return read.get(slug);
    },
  };
}

/** Every question file under `<root>/questions`, read, in sorted order. */
export function readQuestionFiles(root: string): ReturnType<typeof readQuestionFile>[] {
  return listQuestionFiles(join(root, 'questions')).map(readQuestionFile);
}

/** Hashes every non-test source file under `dir` (recursively) into `hash`, in sorted order. */
function hashSources(hash: Hash, dir: string): void {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(join(dir, name)));
  }
}

/**
 * A hash of everything besides a question file that its gate verdict depends on: the case gate's fingerprint (rules,
 * authoring, shop.json, case slugs), the quiz sources, every case file (questions build on their facts) and every
 * question file (ids must be unique across all of them). Mixed into each entry's digest like the cases' fingerprint,
 * so a change to any of these re-validates every question file on the next build.
 */
export function questionGateFingerprint(root: string): string {
  const hash = createHash('sha256').update(gateFingerprint(root));
  hashSources(hash, join(root, 'src/quiz'));
  for (const path of [...listCaseFiles(join(root, 'content/cases')), ...listQuestionFiles(join(root, 'content/questions'))]) {
    hash.update(relative(root, path)).update(readFileSync(path));
  }
  return hash.digest('hex');
}
