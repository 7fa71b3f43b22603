import { decide, type Ruling } from '../rules/index.ts';
import { scenarioFacts, UnknownCaseError, type Scenario, type ScenarioContext } from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import { closest } from './closest.ts';
import { engineAuthorErrors } from './engine-errors.ts';
import { checkFacts, lineOf, type Locate } from './fact-issues.ts';
import { fieldText, type FieldPath } from './question-paths.ts';

/** What the item gate needs to decide scenarios, beyond the quiz's own context. */
export interface ScenarioCheckContext extends ScenarioContext {
  /** Every case slug, for suggesting the nearest one to a misspelt `case`. */
  readonly caseSlugs?: Iterable<string>;
}

/** Where a scenario is written and whose it is. */
export interface ScenarioSite {
  readonly file: string;
  /** The item or template id, shown beside every message. */
  readonly item: string;
  /** Path of the `scenario` object, e.g. `['items', 2, 'scenario']`. */
  readonly path: FieldPath;
  readonly scenario: Scenario;
}

/**
 * Decides one scenario of an item, or explains why it cannot be decided: UNKNOWN_CASE for a `case` that does not
 * exist; INVALID_FACTS, MISSING_FACT, CONTRADICTORY_FACTS for the facts, with paths under the scenario's `facts` or,
 * for a scenario built on a case, under its `patch` (where a missing fact would be written). Rethrows what the engine
 * throws for reasons other than the facts.
 */
export function decideSite(site: ScenarioSite, context: ScenarioCheckContext, locate: Locate): { ruling: Ruling; facts: unknown } | { errors: AuthorError[] } {
  const { file, item, path, scenario } = site;
  let resolved;
  try {
    resolved = scenarioFacts(scenario, context);
  } catch (error) {
    if (!(error instanceof UnknownCaseError)) throw error;
    const field = fieldText([...path, 'case']);
    const near = context.caseSlugs ? closest(error.slug, context.caseSlugs) : undefined;
    return {
      errors: [
        {
          code: 'UNKNOWN_CASE',
          file,
          item,
          ...lineOf(locate, field),
          field,
          wrote: error.slug,
          problem: `content/cases 里没有 ${error.slug}.mdx。`,
          trace: [],
          fix: `${near ? `改成 ${near}（名字相近）` : '改成 content/cases 下已有案例的文件名（不含 .mdx）'}，或者去掉 case，用 facts 写出完整情景。`,
        },
      ],
    };
  }
  const at = fieldText([...path, scenario.case === undefined ? 'facts' : 'patch']);
  // Facts not in the patch come from the case: say so, or the author hunts for them in the question file.
  const fromCase = scenario.case === undefined ? '' : `没有写在 patch 里的事实取自案例 ${scenario.case}；在 patch 里写出的事实会覆盖它。`;
  const located = (errors: readonly AuthorError[]): AuthorError[] => errors.map((error) => ({ ...error, item, fix: `${error.fix}${fromCase}` }));

  const checked = checkFacts(file, resolved.facts, locate, at);
  if ('errors' in checked) return { errors: located(checked.errors) };
  try {
    return { ruling: decide(resolved.facts, { edition: resolved.edition, shopPolicy: context.shopPolicy }), facts: resolved.facts };
  } catch (error) {
    const errors = engineAuthorErrors(file, locate, error, resolved.facts, at);
    if (!errors) throw error;
    return { errors: located(errors) };
  }
}
