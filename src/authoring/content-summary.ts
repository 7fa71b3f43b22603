import { ruleCatalogue } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import type { CaseReview } from './check-case.ts';

export interface RuleCoverage {
  readonly cases: number;
  readonly items: number;
}

/** What `npm run check:content -- --json` prints. */
export interface ContentReport {
  readonly cases: number;
  readonly items: number;
  readonly templates: number;
  readonly errors: readonly AuthorError[];
  /**
   * Per rule id, in catalogue order: `cases` counts the cases whose ruling was decided by that rule (decidingRuleId)
   * and, for shop SOP ids, the cases whose ruling lists that SOP in its guidance. Every deciding platform/law rule and
   * every SOP rule is listed, so a zero shows a rule no content exercises yet. Cases with errors count nowhere.
   */
  readonly rules: Readonly<Record<string, RuleCoverage>>;
}

/** Folds the reviews of every case (plus file-level errors such as an invalid shop.json) into one report. */
export function summarizeContent(reviews: readonly CaseReview[], otherErrors: readonly AuthorError[] = []): ContentReport {
  const counts = new Map<string, number>();
  for (const rule of ruleCatalogue) if (rule.kind === 'sop' || rule.decides) counts.set(rule.id, 0);
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const review of reviews) {
    if (!review.ruling || review.errors.length > 0) continue;
    bump(review.ruling.decidingRuleId);
    for (const id of new Set(review.ruling.sop.map((guidance) => guidance.ruleId))) bump(id);
  }
  return {
    cases: reviews.length,
    items: 0,
    templates: 0,
    errors: [...otherErrors, ...reviews.flatMap((review) => review.errors)],
    rules: Object.fromEntries([...counts].map(([id, cases]) => [id, { cases, items: 0 }])),
  };
}

/** One line for the end of the CLI output; a failing run ends with what to do next. */
export function formatSummaryLine(report: ContentReport): string {
  if (report.errors.length === 0) return `检查了 ${report.cases} 个案例：全部通过。`;
  const files = new Set(report.errors.map((error) => error.file)).size;
  return `检查了 ${report.cases} 个案例：${files} 个文件共 ${report.errors.length} 处问题。按每条“修改”改正后，再运行 npm run check:content。`;
}
