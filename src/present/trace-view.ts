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

const SENTENCE_END = /[。！？.!?]$/;

/**
 * One row per rule: the engine may consult a rule more than once (R-SHIP-DEADLINE for the deadline and again for
 * lateness, R-SHIP-CARRIER, R-SHIP-COD-FREIGHT), and a learner should see it once. A row sits where the rule was
 * first consulted; it counts as applied when any consultation applied; its distinct notes are joined as sentences;
 * its facts are the distinct facts of every consultation, first reading winning.
 */
export function oneRowPerRule(steps: readonly TraceStepView[]): TraceStepView[] {
  const rows = new Map<string, { step: TraceStepView; notes: string[]; facts: Map<string, TraceFactView> }>();
  for (const step of steps) {
    const row = rows.get(step.ruleId);
    if (!row) {
      rows.set(step.ruleId, { step, notes: step.note ? [step.note] : [], facts: new Map(step.facts.map((fact) => [fact.path, fact])) });
      continue;
    }
    row.step = { ...row.step, applied: row.step.applied || step.applied };
    if (step.note && !row.notes.includes(step.note)) row.notes.push(step.note);
    for (const fact of step.facts) if (!row.facts.has(fact.path)) row.facts.set(fact.path, fact);
  }
  return [...rows.values()].map(({ step, notes, facts }) => ({
    ...step,
    note: notes.length <= 1 ? (notes[0] ?? '') : notes.map((note) => (SENTENCE_END.test(note) ? note : `${note}。`)).join(''),
    facts: [...facts.values()],
  }));
}

/** A practice item's explanation (the steps behind its key, see quiz's `explanationSteps`) as trace steps, one per rule. */
export function explanationTraceView(steps: readonly ExplanationStep[], decidingRuleId: string | null): TraceStepView[] {
  return oneRowPerRule(steps.map((step) => ({
    ruleId: step.ruleId,
    title: step.title,
    kind: null,
    kindLabel: null,
    applied: step.applied,
    deciding: step.ruleId === decidingRuleId,
    note: step.note,
    facts: [],
  })));
}
