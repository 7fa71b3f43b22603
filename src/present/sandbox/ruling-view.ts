import { ruleHeadById, type Ruling } from '../../rules/index.ts';
import { traceView } from '../trace.ts';
import type { TraceStepView } from '../trace-view.ts';

/**
 * A ruling with everything its panel reads from the rule catalogue and the fact model already looked up: the trace
 * rows (`traceView`) and the titles of the rules it links to. The sandbox's panel renders from this alone, so the
 * page can show a ruling computed at build time before the engine (rule functions, fact model, zod) has loaded.
 */
export interface RulingView {
  readonly ruling: Ruling;
  /** The platform and law rows of the trace, one per rule. */
  readonly trace: readonly TraceStepView[];
  /** How many shop SOP checks the trace holds; the SOP guidance list covers them. */
  readonly sopCount: number;
  /** The title of every rule the ruling names (deciding rule, freight and risk basis, deductions, burden, SOP), by id. */
  readonly titles: Readonly<Record<string, string>>;
}

/** Every rule id a ruling names outside its trace rows. */
function namedRuleIds(ruling: Ruling): string[] {
  return [
    ruling.decidingRuleId,
    ...(ruling.freight ? [ruling.freight.ruleId] : []),
    ...(ruling.transitRisk ? [ruling.transitRisk.ruleId] : []),
    ...ruling.deductions.map((deduction) => deduction.ruleId),
    ...ruling.burdenOfProof.map((burden) => burden.ruleId),
    ...ruling.sop.map((guidance) => guidance.ruleId),
  ];
}

/** The view of `ruling`; ids the catalogue does not know keep no title (the panel shows the id). */
export function rulingView(ruling: Ruling): RulingView {
  const titles: Record<string, string> = {};
  for (const id of namedRuleIds(ruling)) {
    const title = ruleHeadById(id)?.title;
    if (title !== undefined) titles[id] = title;
  }
  return {
    ruling,
    trace: traceView(ruling.trace, ruling.decidingRuleId),
    sopCount: ruling.trace.filter((step) => ruleHeadById(step.ruleId)?.kind === 'sop').length,
    titles,
  };
}
