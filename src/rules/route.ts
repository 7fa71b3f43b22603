import {
  acceptDeadlineRule,
  agreementRule,
  fakeTxnRule,
  partialRefundAgreedRule,
  partialRefundClaimRule,
  performedAgreementRule,
  platformFindingRules,
} from './general.ts';
import { freightFor, movesGoodsBack, sendsGoodsAgain, withReturnRisk, type Outcome } from './outcome.ts';
import {
  counterfeit,
  giftProblem,
  misdescribed,
  qualityProblem,
  returnNotReceived,
  sevenDayReturn,
  signedButNotReceived,
  surfaceMismatch,
} from './route-signed.ts';
import { beforeShipment, inTransit, lateShipment, lostInTransit, refusal, shippingBreachClaim, undeliverable } from './route-transit.ts';
import { freightOnlyClaim } from './route-freight.ts';
import type { Evaluation } from './rule.ts';
import { shipDeadlineRule, shipTimeDefRule } from './shipping.ts';

const notAccepted = (decidingRuleId: string): Outcome => ({ resolution: 'not-accepted', decidingRuleId, freight: null, transitRisk: null });

/** A resolution both parties agreed on (约定优先): freight per 第四十九条 unless they agreed on it too. */
function agreed(evaluation: Evaluation): Outcome {
  const { resolution } = evaluation.check(agreementRule);
  const shipped = evaluation.facts.shipment.shipped;
  const base = {
    resolution,
    decidingRuleId: resolution === 'partial-refund' ? 'R-GEN-PARTIAL-REFUND' : 'R-GEN-ORDER-OF-SOURCES',
    // An agreement that moves no goods (退款, 折价) settles no freight.
    freight:
      shipped && (movesGoodsBack(resolution) || sendsGoodsAgain(resolution))
        ? freightFor(evaluation, { kind: 'unclear' }, { outbound: true, return: movesGoodsBack(resolution), resend: sendsGoodsAgain(resolution) })
        : null,
    ...(resolution === 'partial-refund' ? { refundAmount: evaluation.check(partialRefundAgreedRule).amount } : {}),
  };
  return movesGoodsBack(resolution) ? withReturnRisk(evaluation, base, 'default') : { ...base, transitRisk: null };
}

/**
 * Walks the rules in the order the platform applies them: agreement, acceptance, platform findings, then the
 * scenario's stage (before shipping, in transit, refused, signed) and the buyer's reason.
 */
export function route(evaluation: Evaluation): Outcome {
  const { facts } = evaluation;
  if (facts.agreement) {
    if (evaluation.check(performedAgreementRule).applies) return notAccepted('R-ACCEPT-EXCLUSIONS');
    return agreed(evaluation);
  }
  const fake = evaluation.check(fakeTxnRule);
  if (fake.applies) return { resolution: fake.resolution!, decidingRuleId: 'R-FAKE-TXN', freight: null, transitRisk: null };

  if (facts.delivery?.status === 'signed' && evaluation.check(acceptDeadlineRule).applies) return notAccepted('R-ACCEPT-DEADLINE');

  if (facts.platform.finding !== 'none') {
    const finding = evaluation.check(platformFindingRules[facts.platform.finding]);
    if (finding.applies) {
      const shipped = facts.shipment.shipped;
      // Nothing to send back when nothing was shipped: the money simply goes back.
      const resolution = shipped ? finding.resolution : 'refund';
      return {
        resolution,
        decidingRuleId: platformFindingRules[facts.platform.finding].meta.id,
        freight: shipped ? freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: movesGoodsBack(resolution) }) : null,
        transitRisk: null,
      };
    }
  }
  if (facts.claim.type === 'freight-refund' && facts.delivery?.status === 'signed') return freightOnlyClaim(evaluation);
  if (facts.claim.type === 'partial-refund' && facts.claim.reason !== 'gift') {
    evaluation.check(partialRefundClaimRule);
    return { resolution: 'reject', decidingRuleId: 'R-GEN-PARTIAL-REFUND', freight: null, transitRisk: null };
  }

  const shippedAt = facts.shipment.shipped ? evaluation.check(shipTimeDefRule).shippedAt : null;
  const late = shippedAt !== null && evaluation.check(shipDeadlineRule, shippedAt).applies;

  if (shippedAt === null || facts.claim.at < shippedAt) {
    const outcome = beforeShipment(evaluation, shippedAt);
    if (outcome) return outcome;
  }
  const status = evaluation.facts.delivery?.status;
  // A refused or intercepted parcel is decided by what happened at the door, whatever reason the buyer gave.
  const cameBack = status === 'refused' || status === 'intercepted';
  if (facts.claim.reason === 'late-shipment' && (late || !cameBack)) return lateShipment(evaluation, late);
  if (facts.claim.reason === 'shipping-breach' && !cameBack) return shippingBreachClaim(evaluation, late);

  switch (status) {
    case 'refused':
      return refusal(evaluation, late);
    case 'in-transit':
    case 'intercepted':
      return inTransit(evaluation, late);
    case 'lost':
      return lostInTransit(evaluation);
    case 'undeliverable':
      return undeliverable(evaluation);
    case 'signed':
      return afterSigning(evaluation);
    case undefined:
      return afterSigning(evaluation);
  }
}

function afterSigning(evaluation: Evaluation): Outcome {
  switch (evaluation.facts.claim.reason) {
    case 'not-received':
      return signedButNotReceived(evaluation);
    case 'no-reason':
      return sevenDayReturn(evaluation);
    case 'quality':
      return qualityProblem(evaluation);
    case 'misdescribed':
      return misdescribed(evaluation);
    case 'surface-mismatch':
      return surfaceMismatch(evaluation);
    case 'counterfeit':
      return counterfeit(evaluation);
    case 'gift':
      return giftProblem(evaluation);
    case 'return-not-received':
      return returnNotReceived(evaluation);
    case 'late-shipment':
      return lateShipment(evaluation, false);
    case 'shipping-breach':
      return shippingBreachClaim(evaluation, false);
  }
}
