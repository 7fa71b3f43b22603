import { CURRENT_EDITION, mergePatch, type EditionId, type Ruling, type ShopPolicy } from '../rules/index.ts';
import type { Scenario } from './item-schema.ts';
import { directRuleCalls, type RuleCalls } from './ruling-memo.ts';

/** What resolving scenarios needs from outside the quiz: case facts by slug, the shop policy. */
export interface ScenarioContext {
  /** The facts (and edition) of case `slug`, or undefined when no such case exists. */
  readonly caseFacts: (slug: string) => { facts: unknown; edition: EditionId } | undefined;
  readonly shopPolicy: ShopPolicy;
  /** Stand-ins for the rule calls keying makes, with the same results (`rememberingRuleCalls`); the real ones when absent. */
  readonly rules?: RuleCalls;
}

export class UnknownCaseError extends Error {
  readonly slug: string;
  constructor(slug: string) {
    super(`情景引用的案例 ${slug} 不存在：请检查 case 的拼写（content/cases/ 下的文件名，不含 .mdx）。`);
    this.slug = slug;
  }
}

/** The facts and edition a scenario stands for. Throws `UnknownCaseError` for a case that does not exist. */
export function scenarioFacts(scenario: Scenario, context: ScenarioContext): { facts: unknown; edition: EditionId } {
  if (scenario.case === undefined) return { facts: scenario.facts, edition: scenario.edition ?? CURRENT_EDITION };
  const base = context.caseFacts(scenario.case);
  if (!base) throw new UnknownCaseError(scenario.case);
  return { facts: mergePatch(base.facts, scenario.patch), edition: scenario.edition ?? base.edition };
}

/** Runs the rule module on a scenario. Throws what `decide()` throws. */
export function decideScenario(scenario: Scenario, context: ScenarioContext): { ruling: Ruling; facts: unknown } {
  const { facts, edition } = scenarioFacts(scenario, context);
  return { ruling: (context.rules ?? directRuleCalls).decide(facts, { edition, shopPolicy: context.shopPolicy }), facts };
}
