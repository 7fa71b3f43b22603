import type { Resolution } from '../ruling.ts';
import type { FactLookup } from './sop-rule.ts';
import type { SopSituation } from './situation.ts';

type Reason = SopSituation['reason'];

/**
 * Whether the shop negotiates over the case with its ladder (explain, coupon, compensation, exchange, return): a
 * quality, description or no-reason complaint about goods the buyer has signed for. Before signing there is nothing
 * to negotiate over; SOP-IN-TRANSIT-REFUND covers that.
 */
export function isNegotiated(situation: SopSituation, lookup: FactLookup): boolean {
  const reason = situation.reason;
  const isComplaint = reason === 'quality' || reason === 'misdescribed' || reason === 'no-reason';
  return isComplaint && lookup('delivery.status') === 'signed';
}

/** A problem with the goods themselves, which the shop manuals call 质量问题 (quality or 描述不符). */
export function isProductProblem(reason: Reason): boolean {
  return reason === 'quality' || reason === 'misdescribed';
}

/** Whether compensation (cash or virtual) is a possible way to settle the case. */
export function isCompensable(situation: SopSituation, lookup: FactLookup): boolean {
  return (
    isNegotiated(situation, lookup) ||
    situation.reason === 'surface-mismatch' ||
    lookup('claim.type') === 'partial-refund' ||
    situation.resolution === 'partial-refund'
  );
}

const returnLegResolutions: readonly Resolution[] = ['return-and-refund', 'exchange'];

/** Whether goods travel back to the shop: the buyer asked for, or the ruling ordered, a return or an exchange. */
export function involvesReturnLeg(situation: SopSituation, lookup: FactLookup): boolean {
  const type = lookup('claim.type');
  return type === 'return-and-refund' || type === 'exchange' || returnLegResolutions.includes(situation.resolution);
}

const buyerRemedies: readonly Resolution[] = ['refund', 'return-and-refund', 'exchange', 'resend', 'repair'];

/**
 * The platform rule a persuasion step (retention, the negotiation ladder) yields to: present when the ruling grants
 * the buyer a remedy, because the buyer may then refuse every offer and insist. A 7-day return yields to the
 * statutory right itself (R-7DAY-SCOPE); anything else to the rule that decided the case.
 */
export function persuasionYieldsTo(situation: SopSituation): string | undefined {
  if (situation.supported !== 'buyer' || !buyerRemedies.includes(situation.resolution)) return undefined;
  return situation.reason === 'no-reason' ? 'R-7DAY-SCOPE' : situation.decidingRuleId;
}

/**
 * The platform rule a shop offer of re-sending yields to: present when the ruling refunds the buyer, since re-sending
 * then needs the buyer's agreement.
 */
export function refundYieldsTo(situation: SopSituation): string | undefined {
  const refunds = situation.resolution === 'refund' || situation.resolution === 'return-and-refund';
  return situation.supported === 'buyer' && refunds ? situation.decidingRuleId : undefined;
}

/** A delivery problem the shop's logistics SLA covers: not received, lost, undeliverable, misdelivered or broken. */
export function isLogisticsProblem(situation: SopSituation, lookup: FactLookup): boolean {
  const status = lookup('delivery.status');
  return (
    situation.reason === 'not-received' ||
    status === 'lost' ||
    status === 'undeliverable' ||
    lookup('delivery.receivedBy') === 'other-person' ||
    (status === 'refused' && lookup('delivery.refusal.reason') === 'surface-mismatch') ||
    (situation.reason === 'surface-mismatch' && lookup('issue.mismatchKind') === 'damaged')
  );
}
