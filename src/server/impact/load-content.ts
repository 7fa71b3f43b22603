import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CaseFrontmatterSchema, normalizeFrontmatter, normalizeQuestionFile } from '../../authoring/index.ts';
import type { ImpactCase, ImpactContent } from '../../authoring/index.ts';
import { ItemSchema, TemplateSchema, type QuestionSource } from '../../quiz/index.ts';
import { ExamSchema, type Exam } from '../../quiz/index.ts';
import { displayPath, listCaseFiles, loadShopPolicy } from '../content-check/content-files.ts';
import { readCaseFile } from '../content-check/case-file.ts';
import { caseSlugOf, readQuestionFiles } from '../content-check/question-files.ts';

const valid = <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, values: readonly unknown[]): T[] =>
  values.flatMap((value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });

function loadCases(casesDir: string): ImpactCase[] {
  return listCaseFiles(casesDir).flatMap((path) => {
    const parsed = readCaseFile(displayPath(path), readFileSync(path, 'utf8'));
    const frontmatter = parsed.errors.length === 0 ? CaseFrontmatterSchema.safeParse(normalizeFrontmatter(parsed.value)) : undefined;
    if (!frontmatter?.success) return [];
    const { title, edition, facts, expected } = frontmatter.data;
    return [{ slug: caseSlugOf(casesDir, path), title, edition, facts, expected }];
  });
}

function loadQuestionSources(root: string): QuestionSource[] {
  return readQuestionFiles(root)
    .filter((file) => file.errors.length === 0)
    .map((file) => {
      const data = normalizeQuestionFile(file.data) as { items?: unknown[]; templates?: unknown[] };
      return { items: valid(ItemSchema, data.items ?? []), templates: valid(TemplateSchema, data.templates ?? []) };
    });
}

function loadExams(examsDir: string): Exam[] {
  if (!existsSync(examsDir)) return [];
  const files = readdirSync(examsDir).filter((name) => /\.ya?ml$/.test(name)).sort();
  return valid(ExamSchema, files.map((name) => parse(readFileSync(join(examsDir, name), 'utf8')) as unknown));
}

/**
 * Reads the content folder the way the content gate and the exam server do: cases, question files, exam blueprints
 * and the shop policy. Content the gate would refuse (unreadable or invalid files) is left out rather than reported:
 * `npm run check:content` is the place for that.
 * @throws Error naming shop.json and the command to run when the shop policy is invalid.
 */
export function loadImpactContent(root: string): ImpactContent {
  const shopPath = join(root, 'policy/shop.json');
  const shop = loadShopPolicy(shopPath);
  if ('errors' in shop) throw new Error(`${displayPath(shopPath)} 无效：请先运行 npm run check:content 查看并改正。`);
  return { cases: loadCases(join(root, 'cases')), questionFiles: loadQuestionSources(root), exams: loadExams(join(root, 'exams')), shopPolicy: shop.policy };
}
