import { ruleById, ruleKindLabels, type RuleMeta, type TraceStep } from '../rules/index.ts';
import type { ExplanationStep } from '../quiz/index.ts';
import { factLabel, factValueText } from './fact-text.ts';

/** One fact a rule read, worded for a learner. */
export interface TraceFactView {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  /** The fact was not given; views may mark it. */
  readonly absent: boolean;
}

/** One rule the engine consulted, as every trace view (case page, sandbox, practice feedback) shows it. */
export interface TraceStepView {
  readonly ruleId: string;
  readonly title: string;
  /** Platform rule, law or shop SOP, with its Chinese label; null for an id the catalogue no longer has. */
  readonly kind: RuleMeta['kind'] | null;
  readonly kindLabel: string | null;
  readonly applied: boolean;
  /** This rule decided the resolution. */
  readonly deciding: boolean;
  readonly note: string;
  /** The distinct facts the rule read, first reading wins; empty where the view shows no facts (practice). */
  readonly facts: readonly TraceFactView[];
}

/**
 * The platform and law steps of a ruling's trace, in the engine's order. Shop SOP steps are left out: SOP guidance has
 * its own list, which says what each means for the agent.
 */
export function traceView(trace: readonly TraceStep[], decidingRuleId: string | null): TraceStepView[] {
  return trace.flatMap((step) => {
    const rule = ruleById(step.ruleId);
    if (rule?.kind === 'sop') return [];
    const facts = [...new Map(step.facts.map((fact) => [fact.path, fact])).values()].map((fact) => ({
      path: fact.path,
      label: factLabel(fact.path),
      value: factValueText(fact.path, fact.value),
      absent: fact.value === undefined,
    }));
    return [stepView(step.ruleId, rule, step.applied, step.note, decidingRuleId, facts)];
  });
}

/** A practice item's explanation (the steps behind its key, see quiz's `explanationSteps`) as trace steps. */
export function explanationTraceView(steps: readonly ExplanationStep[], decidingRuleId: string | null): TraceStepView[] {
  return steps.map((step) => stepView(step.ruleId, ruleById(step.ruleId), step.applied, step.note, decidingRuleId, [], step.title));
}

function stepView(
  ruleId: string,
  rule: RuleMeta | undefined,
  applied: boolean,
  note: string,
  decidingRuleId: string | null,
  facts: readonly TraceFactView[],
  title = rule?.title ?? ruleId,
): TraceStepView {
  return {
    ruleId,
    title,
    kind: rule?.kind ?? null,
    kindLabel: rule ? ruleKindLabels[rule.kind] : null,
    applied,
    deciding: ruleId === decidingRuleId,
    note,
    facts,
  };
}
