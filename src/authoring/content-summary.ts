import { decisiveRules, ruleCatalogue } from '../rules/index.ts';
import { keyRules, variantsPerTemplate } from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import type { CaseReview } from './check-case.ts';
import type { QuestionReview } from './question-gate.ts';

export interface RuleCoverage {
  readonly cases: number;
  readonly items: number;
}

/** What `npm run check:content -- --json` prints. */
export interface ContentReport {
  readonly cases: number;
  /**
   * The size of the question bank: every entry under `items` in content/questions, plus `variantsPerTemplate`
   * variants (seeds 1..variantsPerTemplate) of every template. Exam-only questions are included.
   */
  readonly items: number;
  readonly templates: number;
  /** Exam files in content/exams, checked against the bank; absent when the run had no exams folder to look at. */
  readonly exams?: number;
  readonly errors: readonly AuthorError[];
  /**
   * Per rule id, in catalogue order: `cases` counts the cases whose ruling was decided by that rule (decidingRuleId)
   * and, for shop SOP ids, the cases whose ruling lists that SOP in its guidance. `items` counts the bank's items
   * (authored items and bank variants) whose key rests on the rule (`keyRules`): for a part of the platform ruling, the
   * `decisiveRules()` of that ruling; for a shop-SOP field, the SOP rule computing it; for an ordering item, the SOP
   * rule of its sequence (an item counts once even when several statements rest on the rule). Every deciding platform/law
   * rule and every SOP rule is listed, so a zero shows a rule no content exercises yet. Content with errors counts
   * nowhere.
   */
  readonly rules: Readonly<Record<string, RuleCoverage>>;
}

/**
 * Folds the reviews of every case and question file (plus file-level errors such as an invalid shop.json) into one
 * report. Errors come case files first, then question files, each in the order given.
 */
export function summarizeContent(reviews: readonly CaseReview[], otherErrors: readonly AuthorError[] = [], questions: readonly QuestionReview[] = []): ContentReport {
  const cases = new Map<string, number>();
  const items = new Map<string, number>();
  for (const rule of ruleCatalogue) {
    if (rule.kind === 'sop' || rule.decides) {
      cases.set(rule.id, 0);
      items.set(rule.id, 0);
    }
  }
  const bump = (counts: Map<string, number>, id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const review of reviews) {
    if (!review.ruling || review.errors.length > 0) continue;
    bump(cases, review.ruling.decidingRuleId);
    for (const id of new Set(review.ruling.sop.map((guidance) => guidance.ruleId))) bump(cases, id);
  }
  for (const question of questions) {
    const bankVariants = question.variants.filter((variant) => variant.seed <= variantsPerTemplate);
    for (const { item, key } of [...question.items, ...bankVariants]) {
      for (const id of keyRules(item, key, decisiveRules)) bump(items, id);
    }
  }
  const templates = questions.reduce((sum, question) => sum + question.templateCount, 0);
  return {
    cases: reviews.length,
    items: questions.reduce((sum, question) => sum + question.itemCount, 0) + templates * variantsPerTemplate,
    templates,
    errors: [...otherErrors, ...reviews.flatMap((review) => review.errors), ...questions.flatMap((question) => question.errors)],
    rules: Object.fromEntries([...cases].map(([id, count]) => [id, { cases: count, items: items.get(id) ?? 0 }])),
  };
}

/** One line for the end of the CLI output; a failing run ends with what to do next. */
export function formatSummaryLine(report: ContentReport): string {
  const authored = report.items - report.templates * variantsPerTemplate;
  const questions = report.items === 0 ? '' : `和 ${authored} 道题、${report.templates} 个模板（题库共 ${report.items} 道）`;
  const exams = report.exams ? `、${report.exams} 个考试` : '';
  const checked = `检查了 ${report.cases} 个案例${questions}${exams}`;
  if (report.errors.length === 0) return `${checked}：全部通过。`;
  const files = new Set(report.errors.map((error) => error.file)).size;
  return `${checked}：${files} 个文件共 ${report.errors.length} 处问题。按每条“修改”改正后，再运行 npm run check:content。`;
}
