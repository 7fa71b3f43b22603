import { ruleHeadById } from './rule-heads.ts';
import type { Ruling } from './ruling.ts';

/**
 * The platform and law rules that fixed some part of a ruling: the resolution's deciding rule, the rules behind
 * freight, transit risk, deductions and burden of proof, and every other rule whose condition held on the way.
 * Content coverage ("which cases does this rule decide") is counted with this list.
 */
export function decisiveRules(ruling: Ruling): string[] {
  const ids = new Set<string>([ruling.decidingRuleId]);
  if (ruling.freight) ids.add(ruling.freight.ruleId);
  if (ruling.transitRisk) ids.add(ruling.transitRisk.ruleId);
  for (const deduction of ruling.deductions) ids.add(deduction.ruleId);
  for (const burden of ruling.burdenOfProof) ids.add(burden.ruleId);
  for (const step of ruling.trace) if (step.applied) ids.add(step.ruleId);
  return [...ids].filter((id) => {
    const rule = ruleHeadById(id);
    return rule !== undefined && rule.kind !== 'sop' && rule.decides;
  });
}
