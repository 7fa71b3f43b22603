import { FactsSchema, InvalidFactsError, parseFacts, type Facts } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import { issueTexts } from './issue-text.ts';

export type Locate = (field: string) => number | undefined;

const WHOLE_FACTS_FIX = '在头信息里添加 facts，按事实模型写出情景事实（运行 npm run new:case 可生成带说明的模板）。';
const TIME_HINT = '时间写成带引号的北京时间，例如 "2025-09-01 14:30"。';

/**
 * Validates the facts with the rule module's own validator. Returns the parsed facts, or the author errors:
 * MISSING_FACT for a required fact left out, INVALID_FACTS for everything else. `at` is where the facts are written
 * in the file (`facts` in a case).
 */
export function checkFacts(file: string, facts: unknown, locate: Locate, at = 'facts'): { facts: Facts } | { errors: AuthorError[] } {
  try {
    return { facts: parseFacts(facts) };
  } catch (error) {
    if (!(error instanceof InvalidFactsError)) throw error;
    const result = FactsSchema.safeParse(facts);
    const issues = result.success ? [] : result.error.issues;
    const errors = issues.flatMap((issue) =>
      issueTexts(FactsSchema, facts, issue, { prefix: at }).map((text): AuthorError => {
        const field = [at, ...text.path].join('.');
        const isTime = issue.code === 'custom';
        return {
          code: text.isMissing ? 'MISSING_FACT' : 'INVALID_FACTS',
          file,
          ...lineOf(locate, field),
          field,
          wrote: text.wrote,
          problem: text.isMissing ? '事实模型要求填写这一项。' : isTime ? `${issue.message}。` : text.problem,
          trace: [],
          fix: text.path.length === 0 ? WHOLE_FACTS_FIX : isTime ? `${text.fix}${TIME_HINT}` : text.fix,
        };
      }),
    );
    // The engine's own messages are the fallback should the two validations ever disagree.
    return {
      errors:
        errors.length > 0
          ? errors
          : error.issues.map((issue) => ({
              code: 'INVALID_FACTS' as const,
              file,
              ...lineOf(locate, `${at}.${issue.path}`),
              field: `${at}.${issue.path}`,
              wrote: '',
              problem: issue.message,
              trace: [],
              fix: '按 content/README.md 的事实模型改正。',
            })),
    };
  }
}

export function lineOf(locate: Locate, field: string): { line?: number } {
  const line = locate(field);
  return line === undefined ? {} : { line };
}
