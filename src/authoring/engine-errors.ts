import { ContradictoryFactsError, FactsSchema, InvalidFactsError, MissingFactError, ruleById } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { valueAt } from './issue-text.ts';
import { descriptionOf, schemaAt } from './schema-docs.ts';
import { quoteValue } from './value-text.ts';

const shown = (value: unknown) => (value !== null && typeof value === 'object' ? '（已填写）' : quoteValue(value));

/**
 * The author errors for what `decide()` threw about the facts: MISSING_FACT, CONTRADICTORY_FACTS, INVALID_FACTS.
 * `at` is where the facts are written in the file (`facts` in a case, e.g. `items[2].scenario.patch` in a question
 * file); fields and fixes name paths below it. Returns undefined for anything else, which is a fault in the engine
 * rather than in the content.
 */
export function engineAuthorErrors(file: string, locate: Locate, error: unknown, facts: unknown, at = 'facts'): AuthorError[] | undefined {
  if (error instanceof MissingFactError) {
    const field = `${at}.${error.fact}`;
    const rule = ruleById(error.ruleId);
    const segments = error.fact.split('.');
    const parent = segments.length > 1 ? `${at}.${segments.slice(0, -1).join('.')}` : at;
    // Not describeFact(): it does not see through the prefault wrapper on `platform`.
    const schema = schemaAt(FactsSchema, segments);
    const description = schema ? descriptionOf(schema) : undefined;
    return [
      {
        code: 'MISSING_FACT',
        file,
        ...lineOf(locate, field),
        field,
        wrote: quoteValue(undefined),
        problem: `本案经过规则 ${error.ruleId}，它需要这个事实才能判定；没有写出的事实不会被当作“否”。`,
        trace: [{ ruleId: error.ruleId, title: rule?.title ?? '', note: `需要 ${error.fact}${description ? `：${description}` : ''}` }],
        fix: `在 ${parent} 下填写 ${segments.at(-1)}${description ? `（${description.replace(/。$/, '')}）` : ''}。`,
      },
    ];
  }
  if (error instanceof ContradictoryFactsError) {
    const field = `${at}.${error.facts.at(-1)}`;
    return [
      {
        code: 'CONTRADICTORY_FACTS',
        file,
        ...lineOf(locate, field),
        field,
        wrote: error.facts.map((path) => `${path} = ${shown(valueAt(facts, path.split('.')))}`).join('；'),
        problem: error.message,
        trace: error.ruleId ? [{ ruleId: error.ruleId, title: ruleById(error.ruleId)?.title ?? '', note: error.message }] : [],
        fix: `核对 ${error.facts.map((path) => `${at}.${path}`).join(' 和 ')}，改正写错的那一个。`,
      },
    ];
  }
  if (error instanceof InvalidFactsError) {
    return error.issues.map((issue) => ({ code: 'INVALID_FACTS', file, ...lineOf(locate, `${at}.${issue.path}`), field: `${at}.${issue.path}`, wrote: quoteValue(valueAt(facts, issue.path.split('.'))), problem: issue.message, trace: [], fix: '按 content/README.md 的事实模型改正。' }));
  }
  return undefined;
}


