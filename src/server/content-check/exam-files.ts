import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldSegments, type AuthorError, type ExamFileInput } from '../../authoring/index.ts';
import { parseYaml } from './case-file.ts';
import { displayPath } from './content-files.ts';

/** Every exam file in `<root>/exams` (not recursive: one file per exam), sorted, as absolute paths. */
export function listExamFiles(root: string): string[] {
  const dir = join(root, 'exams');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * An exam file read from disk with a line locator, or its YAML problems as INVALID_EXAM. Exam files are few and
 * small, so `yaml`'s line-tracking reader is used directly (the question files use js-yaml for speed).
 */
export function readExamFile(path: string): ExamFileInput & { readonly errors: readonly AuthorError[] } {
  const file = displayPath(path);
  const parsed = parseYaml(file, readFileSync(path, 'utf8'), 1, 'INVALID_EXAM');
  // Messages name fields as `blueprint[1].count`; the YAML locator walks dotted segments.
  return { file, data: parsed.value, locate: (field) => parsed.locate(fieldSegments(field).join('.')), errors: parsed.errors };
}
