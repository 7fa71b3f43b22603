import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  reviewCase,
  reviewExamFiles,
  reviewQuestionFiles,
  summarizeContent,
  type CaseReview,
  type ContentReport,
  type IdDeclaration,
  type QuestionReview,
} from '../../authoring/index.ts';
import { variantsPerTemplate, type ExamBank } from '../../quiz/index.ts';
import type { EditionId, ShopPolicy } from '../../rules/index.ts';
import { readCaseFile } from './case-file.ts';
import { caseSlugs, displayPath, listCaseFiles, loadShopPolicy } from './content-files.ts';
import { listExamFiles, readExamFile } from './exam-files.ts';
import { caseFactsOf, caseSlugOf, readQuestionFile, readQuestionFiles, type CaseFactsLookup } from './question-files.ts';

/**
 * Runs the content gate over a content folder (`<root>/cases/**\/*.mdx`, `<root>/questions/**\/*.yaml`,
 * `<root>/exams/*.yaml` and `<root>/policy/shop.json`) without Astro, on this thread (`checkContentInParallel` in
 * parallel-check.ts gives the same report using a second thread). Exam blueprints are checked against the questions
 * that passed, so a broken question shows up once, under its own file, not again as an unfillable blueprint. An
 * invalid shop.json is reported alone: every ruling and every key depends on it, so neither cases nor questions are
 * decided.
 */
export function checkContent(root: string): ContentReport {
  const start = startGate(root);
  if ('report' in start) return start.report;
  const cases = reviewCases(start);
  const questions = reviewQuestions(readQuestionFiles(root), { shopPolicy: start.shopPolicy, caseFacts: cases.caseFacts, slugs: start.slugs });
  return finishGate(root, cases.reviews, questions);
}

/** What every gate run starts from: the case files and shop.json, or the report when shop.json is invalid. */
export type GateStart = { report: ContentReport } | { root: string; casesDir: string; caseFiles: string[]; shopPolicy: ShopPolicy; slugs: Set<string> };

export function startGate(root: string): GateStart {
  const casesDir = join(root, 'cases');
  const caseFiles = listCaseFiles(casesDir);
  const shop = loadShopPolicy(join(root, 'policy', 'shop.json'));
  if ('errors' in shop) return { report: { ...summarizeContent([], shop.errors), cases: caseFiles.length } };
  return { root, casesDir, caseFiles, shopPolicy: shop.policy, slugs: caseSlugs(casesDir) };
}

/** Reviews every case file, in order; questions build on the cases' facts, so those are collected on the way. */
export function reviewCases(start: Exclude<GateStart, { report: ContentReport }>): { reviews: CaseReview[]; caseFacts: CaseFactsLookup } {
  const caseFacts = new Map<string, { facts: unknown; edition: EditionId }>();
  const reviews = start.caseFiles.map((path): CaseReview => {
    const file = displayPath(path);
    const parsed = readCaseFile(file, readFileSync(path, 'utf8'));
    if (parsed.errors.length > 0) return { errors: parsed.errors };
    caseFacts.set(caseSlugOf(start.casesDir, path), caseFactsOf(parsed.value));
    return reviewCase(file, parsed.value, { shopPolicy: start.shopPolicy, slugs: start.slugs, locate: parsed.locate });
  });
  return { reviews, caseFacts };
}

/**
 * Reviews question files as read (`readQuestionFile`), in order; an unreadable file's review is its YAML errors.
 * `earlier`: first uses of ids in question files before these, reviewed elsewhere.
 */
export function reviewQuestions(
  questionFiles: readonly ReturnType<typeof readQuestionFile>[],
  context: { shopPolicy: ShopPolicy; caseFacts: CaseFactsLookup; slugs: ReadonlySet<string> },
  earlier?: ReadonlyMap<string, IdDeclaration>,
): QuestionReview[] {
  const readable = questionFiles.filter((input) => input.errors.length === 0);
  const reviewed = reviewQuestionFiles(readable, { shopPolicy: context.shopPolicy, caseFacts: (slug) => context.caseFacts.get(slug), caseSlugs: context.slugs }, earlier);
  const byFile = new Map(readable.map((input, index) => [input.file, reviewed[index]!]));
  return questionFiles.map((input): QuestionReview => byFile.get(input.file) ?? { errors: input.errors, items: [], variants: [], itemCount: 0, templateCount: 0 });
}

/** The bank the server draws from: authored items plus each template's bank seeds (the gate checks more seeds). */
export function bankOf(questions: readonly QuestionReview[]): ExamBank {
  return {
    items: questions.flatMap((question) => question.items),
    variants: questions.flatMap((question) => question.variants.filter((variant) => variant.seed <= variantsPerTemplate)),
  };
}

/**
 * The report: exam files checked against the bank, then everything summed up. `bank` defaults to the questions' own;
 * `itemRules` adds rule counts of questions summarised elsewhere (their reviews here carry no items).
 */
export function finishGate(root: string, reviews: readonly CaseReview[], questions: readonly QuestionReview[], elsewhere?: { bank: ExamBank; itemRules: Readonly<Record<string, number>> }): ContentReport {
  const examFiles = listExamFiles(root).map(readExamFile);
  const own = bankOf(questions);
  const bank = elsewhere ? { items: [...elsewhere.bank.items, ...own.items], variants: [...elsewhere.bank.variants, ...own.variants] } : own;
  const examErrors = [
    ...examFiles.flatMap((exam) => exam.errors),
    ...reviewExamFiles(
      examFiles.filter((exam) => exam.errors.length === 0),
      bank,
    ),
  ];
  const report = summarizeContent(reviews, [], questions);
  const rules = elsewhere
    ? Object.fromEntries(Object.entries(report.rules).map(([id, count]) => [id, { cases: count.cases, items: count.items + (elsewhere.itemRules[id] ?? 0) }]))
    : report.rules;
  return { cases: report.cases, items: report.items, templates: report.templates, exams: examFiles.length, errors: [...report.errors, ...examErrors], rules };
}
