import type { RuleMeta } from '../rules/index.ts';
import type { ExplanationStep } from '../quiz/index.ts';

// The trace view model, apart from trace.ts so the practice islands can build it without the rule catalogue: an
// explanation step already carries its title.

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

/** A practice item's explanation (the steps behind its key, see quiz's `explanationSteps`) as trace steps. */
export function explanationTraceView(steps: readonly ExplanationStep[], decidingRuleId: string | null): TraceStepView[] {
  return steps.map((step) => ({
    ruleId: step.ruleId,
    title: step.title,
    kind: null,
    kindLabel: null,
    applied: step.applied,
    deciding: step.ruleId === decidingRuleId,
    note: step.note,
    facts: [],
  }));
}
