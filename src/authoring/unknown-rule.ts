import { ruleCatalogue, type Ruling } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import { closest } from './closest.ts';
import { decidingChain } from './deciding-chain.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { ruleText } from './value-text.ts';

export interface UnknownRule {
  readonly field: string;
  /** The id the author wrote, which the catalogue does not have. */
  readonly id: string;
  /** Platform/law ids are suggested for `decidingRule`, SOP ids for `sop` and `overriddenSop`. */
  readonly kind: 'platform' | 'sop';
  /** What the engine decided in its place, as shown to the author. */
  readonly decided: string;
  /** The id to suggest when no catalogue id is spelt closely enough. */
  readonly fallback?: string;
}

/** UNKNOWN_RULE for an id the rule catalogue does not have, suggesting the nearest spelling. */
export function unknownRuleError(file: string, locate: Locate, ruling: Ruling, unknown: UnknownRule): AuthorError {
  const { field, id, kind } = unknown;
  const ids = ruleCatalogue.filter((rule) => (kind === 'sop') === (rule.kind === 'sop')).map((rule) => rule.id);
  const near = closest(id, ids);
  const to = near ?? unknown.fallback;
  return {
    code: 'UNKNOWN_RULE',
    file,
    ...lineOf(locate, field),
    field,
    wrote: id,
    decided: unknown.decided,
    problem: `规则目录里没有 ${id}。`,
    trace: kind === 'platform' ? decidingChain(ruling, ruling.decidingRuleId) : [],
    fix: `${to ? `改成 ${ruleText(to)}${near ? '（编号相近）' : ''}。` : ''}全部规则编号见站点的“规则手册”（/rules）或 src/rules 的规则目录。`,
  };
}
