import { ruleHeadById, ruleKindLabels, type RuleHead, type TraceStep } from '../rules/index.ts';
import { factLabel, factValueText } from './fact-text.ts';
import { oneRowPerRule, type TraceFactView, type TraceStepView } from './trace-view.ts';

/**
 * The platform and law steps of a ruling's trace, in the engine's order, one row per rule (`oneRowPerRule`). Shop SOP
 * steps are left out: SOP guidance has its own list, which says what each means for the agent.
 */
export function traceView(trace: readonly TraceStep[], decidingRuleId: string | null): TraceStepView[] {
  return oneRowPerRule(trace.flatMap((step) => {
    const rule = ruleHeadById(step.ruleId);
    if (rule?.kind === 'sop') return [];
    const facts = [...new Map(step.facts.map((fact) => [fact.path, fact])).values()].map((fact) => ({
      path: fact.path,
      label: factLabel(fact.path),
      value: factValueText(fact.path, fact.value),
      absent: fact.value === undefined,
    }));
    return [stepView(step.ruleId, rule, step.applied, step.note, decidingRuleId, facts)];
  }));
}

function stepView(
  ruleId: string,
  rule: RuleHead | undefined,
  applied: boolean,
  note: string,
  decidingRuleId: string | null,
  facts: readonly TraceFactView[],
): TraceStepView {
  return {
    ruleId,
    title: rule?.title ?? ruleId,
    kind: rule?.kind ?? null,
    kindLabel: rule ? ruleKindLabels[rule.kind] : null,
    applied,
    deciding: ruleId === decidingRuleId,
    note,
    facts,
  };
}
