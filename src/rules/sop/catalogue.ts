import type { Facts } from '../facts.ts';
import type { Evaluation } from '../rule.ts';
import type { RuleHead } from '../rule-meta.ts';
import type { SopGuidance } from '../ruling.ts';
import { compensationPostageCapRule, compensationRangeRule, virtualCompensationRule } from './compensation.ts';
import { contactOfflineRule, flowChartRule, flowRule } from './flow.ts';
import { courierDamageRule, inTransitRefundRule, logisticsExceptionsRule } from './logistics.ts';
import { missShipAccountabilityRule, missShipPhotoRule, overshipRule } from './mis-shipment.ts';
import { ladderRule, managerEscalateRule, retainRule } from './negotiation.ts';
import { qualityPhotoRule, qualityTriageRule } from './quality.ts';
import { lostParcelReportRule, qualityReportRule, registerRule, screenshotRule } from './records.ts';
import { auditRule, complaintReplyRule, firstResponseRule, logisticsResolveRule } from './response-times.ts';
import { returnWindowsRule } from './return-windows.ts';
import { exchangeSpuRule, freightPrepayRule, noCodRule, returnThenRefundRule, sevenDayExplainRule } from './returns.ts';
import type { SopSituation } from './situation.ts';
import { sopStages, type FactLookup, type SopRule } from './sop-rule.ts';

/**
 * Every shop SOP rule, in the order the shop's flow meets them (安抚 → 核实 → 联系 → 跟踪 → 回访); within a stage,
 * in the order an agent acts.
 */
const catalogue: readonly SopRule[] = [
  flowRule,
  firstResponseRule,
  complaintReplyRule,
  returnWindowsRule,
  qualityTriageRule,
  qualityPhotoRule,
  missShipPhotoRule,
  missShipAccountabilityRule,
  managerEscalateRule,
  contactOfflineRule,
  flowChartRule,
  inTransitRefundRule,
  courierDamageRule,
  logisticsExceptionsRule,
  overshipRule,
  retainRule,
  ladderRule,
  compensationRangeRule,
  compensationPostageCapRule,
  virtualCompensationRule,
  sevenDayExplainRule,
  exchangeSpuRule,
  freightPrepayRule,
  noCodRule,
  returnThenRefundRule,
  auditRule,
  logisticsResolveRule,
  screenshotRule,
  registerRule,
  lostParcelReportRule,
  qualityReportRule,
];

const stageIndex = (rule: SopRule) => sopStages.indexOf(rule.stage);

/** All shop SOP rules, ordered by the shop's flow (a stable sort keeps the catalogue order within a stage). */
export const sopRules: readonly SopRule[] = [...catalogue].sort((a, b) => stageIndex(a) - stageIndex(b));

export const sopRuleMetas: readonly RuleHead[] = sopRules.map((rule) => rule.meta);

/** An untraced fact lookup, used only to decide which rules to consult; the rules re-read through the trace. */
function lookupIn(facts: Facts): FactLookup {
  return ((path: string) => {
    let current: unknown = facts;
    for (const segment of path.split('.')) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    return current;
  }) as FactLookup;
}

/**
 * Consults every SOP rule relevant to the scenario through `evaluation.check`, so each one appears in the trace, and
 * returns the guidance of those that apply, in the shop's flow order. Never changes the ruling: where a shop rule
 * collides with it, the guidance names the winning platform rule in `overriddenBy`.
 */
export function applyShopSop(evaluation: Evaluation, situation: SopSituation): SopGuidance[] {
  const lookup = lookupIn(evaluation.facts);
  const guidance: SopGuidance[] = [];
  for (const rule of sopRules) {
    if (!rule.isRelevant(situation, lookup)) continue;
    const outcome = evaluation.check(rule, situation);
    if (outcome.applies && outcome.guidance) guidance.push(outcome.guidance);
  }
  return guidance;
}
