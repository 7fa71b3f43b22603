import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  reviewCase,
  reviewExamFiles,
  reviewQuestionFiles,
  summarizeContent,
  type CaseReview,
  type ContentReport,
  type QuestionReview,
} from '../../authoring/index.ts';
import { variantsPerTemplate } from '../../quiz/index.ts';
import type { EditionId } from '../../rules/index.ts';
import { readCaseFile } from './case-file.ts';
import { caseSlugs, displayPath, listCaseFiles, loadShopPolicy } from './content-files.ts';
import { listExamFiles, readExamFile } from './exam-files.ts';
import { caseFactsOf, caseSlugOf, readQuestionFiles } from './question-files.ts';

/**
 * Runs the content gate over a content folder (`<root>/cases/**\/*.mdx`, `<root>/questions/**\/*.yaml`,
 * `<root>/exams/*.yaml` and `<root>/policy/shop.json`) without Astro. Exam blueprints are checked against the questions
 * that passed, so a broken question shows up once, under its own file, not again as an unfillable blueprint. An invalid shop.json is reported alone: every ruling and every key depends
 * on it, so neither cases nor questions are decided.
 */
export function checkContent(root: string): ContentReport {
  const casesDir = join(root, 'cases');
  const files = listCaseFiles(casesDir);
  const shop = loadShopPolicy(join(root, 'policy', 'shop.json'));
  if ('errors' in shop) return { ...summarizeContent([], shop.errors), cases: files.length };
  const slugs = caseSlugs(casesDir);
  // Questions build on the cases' facts: read them once, here.
  const caseFacts = new Map<string, { facts: unknown; edition: EditionId }>();
  const reviews = files.map((path): CaseReview => {
    const file = displayPath(path);
    const parsed = readCaseFile(file, readFileSync(path, 'utf8'));
    if (parsed.errors.length > 0) return { errors: parsed.errors };
    caseFacts.set(caseSlugOf(casesDir, path), caseFactsOf(parsed.value));
    return reviewCase(file, parsed.value, { shopPolicy: shop.policy, slugs, locate: parsed.locate });
  });

  const questionFiles = readQuestionFiles(root);
  const readable = questionFiles.filter((input) => input.errors.length === 0);
  const reviewed = reviewQuestionFiles(readable, { shopPolicy: shop.policy, caseFacts: (slug) => caseFacts.get(slug), caseSlugs: slugs });
  const byFile = new Map(readable.map((input, index) => [input.file, reviewed[index]!]));
  const questions = questionFiles.map(
    (input): QuestionReview => byFile.get(input.file) ?? { errors: input.errors, items: [], variants: [], itemCount: 0, templateCount: 0 },
  );
  const examFiles = listExamFiles(root).map(readExamFile);
  // The same bank the server draws from: authored items plus each template's bank seeds (the gate checks more seeds).
  const bank = {
    items: questions.flatMap((question) => question.items),
    variants: questions.flatMap((question) => question.variants.filter((variant) => variant.seed <= variantsPerTemplate)),
  };
  const examErrors = [
    ...examFiles.flatMap((exam) => exam.errors),
    ...reviewExamFiles(
      examFiles.filter((exam) => exam.errors.length === 0),
      bank,
    ),
  ];
  const report = summarizeContent(reviews, [], questions);
  return { cases: report.cases, items: report.items, templates: report.templates, exams: examFiles.length, errors: [...report.errors, ...examErrors], rules: report.rules };
}
