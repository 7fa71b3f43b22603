import type { Ruling, TraceStep } from '../../rules/index.ts';
import { ruleFixing, type ImpactQuestion } from './questions.ts';

const verdict = (steps: readonly TraceStep[]) => steps.map((step) => `${String(step.applied)}\u0000${step.note}`).join('\u0001');

function stepsByRule(ruling: Ruling): Map<string, TraceStep[]> {
  const byRule = new Map<string, TraceStep[]>();
  for (const step of ruling.trace) byRule.set(step.ruleId, [...(byRule.get(step.ruleId) ?? []), step]);
  return byRule;
}

/**
 * The rule whose change caused an answer to flip between two rulings of the same facts.
 *
 * Both rulings read the same facts, so a rule consulted on both sides that reaches a different verdict (whether it
 * applied, or what it concluded) changed under the new policy, or was fed a different upstream result. Among those
 * "changed verdicts", in the new ruling's trace order:
 * 1. keep only rules the policies declare changed (`declared`: rules whose edition notes or editions differ, or whose
 *    metadata differs between two revisions), when that leaves any — this separates a changed rule from the rules
 *    downstream of it that merely received a different input;
 * 2. prefer the rule that fixed the asked part of the ruling (new side, then old side), so a transit-risk question is
 *    not blamed on an unrelated freight change in the same trace;
 * 3. otherwise take the first, the most upstream change.
 * When no rule on both paths changed its verdict, the paths diverged through a rule present on one side only: the new
 * ruling's rule for the asked part when it differs from the old one, else the first one-sided rule of the new trace.
 */
export function attributeFlip(question: ImpactQuestion, before: Ruling, after: Ruling, declared: ReadonlySet<string>): string {
  const beforeSteps = stepsByRule(before);
  const afterSteps = stepsByRule(after);
  const changed: string[] = [];
  for (const [ruleId, steps] of afterSteps) {
    const old = beforeSteps.get(ruleId);
    if (old && verdict(old) !== verdict(steps)) changed.push(ruleId);
  }
  const fixingAfter = ruleFixing(question, after);
  const fixingBefore = ruleFixing(question, before);
  if (changed.length > 0) {
    const declaredChanged = changed.filter((ruleId) => declared.has(ruleId));
    const candidates = declaredChanged.length > 0 ? declaredChanged : changed;
    if (candidates.includes(fixingAfter)) return fixingAfter;
    if (candidates.includes(fixingBefore)) return fixingBefore;
    return candidates[0]!;
  }
  if (fixingAfter !== fixingBefore) return fixingAfter;
  const oneSided = after.trace.find((step) => !beforeSteps.has(step.ruleId)) ?? before.trace.find((step) => !afterSteps.has(step.ruleId));
  return oneSided?.ruleId ?? fixingAfter;
}
