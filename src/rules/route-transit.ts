import { EditionSilentError } from './errors.ts';
import type { FreightBasis } from './freight.ts';
import { freightFor, outboundRiskOnSeller, type Outcome } from './outcome.ts';
import { refuseNonSevenDayItemRule, refuseSellerFaultRule, refuseSevenDayItemMeta, refuseSevenDayItemRule } from './refusal.ts';
import type { Evaluation } from './rule.ts';
import { sevenDayScopeRule } from './seven-day.ts';
import {
  shipAfterRefundRequestRule,
  shipBreachConsequenceRule,
  shipBreachFoundRule,
  shipBreachMeta,
  shipInterceptRule,
  shippingBreaches,
} from './shipping.ts';
import type { Resolution, TransitRisk } from './ruling.ts';
import { signAddressInfoRule, signInspectRefuseRule, signRiskRule } from './signing.ts';

/**
 * The buyer applied before the goods were shipped. Returns null when the seller then shipped with the buyer's
 * consent: the scenario goes on as an ordinary shipped order.
 */
export function beforeShipment(evaluation: Evaluation, shippedAt: number | null): Outcome | null {
  const checked = evaluation.check(shipAfterRefundRequestRule, shippedAt);
  if (!checked.applies) return null;
  if (shippedAt === null) {
    return { resolution: 'refund', decidingRuleId: 'R-SHIP-AFTER-REFUND-REQUEST', freight: null, transitRisk: null };
  }
  if (!checked.shippedWithoutConsent) return null;
  const consequence = evaluation.check(shipBreachConsequenceRule);
  if (consequence.blocked) {
    return { resolution: 'reject', decidingRuleId: shipBreachMeta.id, freight: null, transitRisk: null };
  }
  if (consequence.received) {
    return {
      resolution: 'return-and-refund',
      decidingRuleId: shipBreachMeta.id,
      freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
      transitRisk: { leg: 'return', minor: 'seller', destroyed: 'seller', lost: 'seller', ruleId: 'R-SHIP-AFTER-REFUND-REQUEST' },
    };
  }
  return {
    resolution: 'refund',
    decidingRuleId: 'R-SHIP-AFTER-REFUND-REQUEST',
    freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: consequence.cameBack }),
    transitRisk: { ...outboundRiskOnSeller, ruleId: 'R-SHIP-AFTER-REFUND-REQUEST' },
  };
}

/** The buyer claims the shipment was late (延迟发货). */
export function lateShipment(evaluation: Evaluation, late: boolean): Outcome {
  if (!late) {
    return { resolution: 'reject', decidingRuleId: 'R-SHIP-DEADLINE', freight: null, transitRisk: null };
  }
  if (shippingBreaches(evaluation, late).length === 0) {
    // 第二十七条: shipping late with the buyer's consent is what the rule asks for, not a breach. A parcel that
    // came back is then decided at the door like any other refusal.
    const status = evaluation.facts.delivery?.status;
    if (status === 'refused') return refusal(evaluation, late);
    return { resolution: 'reject', decidingRuleId: 'R-SHIP-DEADLINE', freight: null, transitRisk: null };
  }
  return breachConsequence(evaluation, true, 'R-SHIP-DEADLINE');
}

/** The buyer claims another 发货规范 breach (unagreed 到付, undisclosed self-pickup, another carrier than promised). */
export function shippingBreachClaim(evaluation: Evaluation, late: boolean): Outcome {
  const breached = evaluation.check(shipBreachFoundRule, shippingBreaches(evaluation, late)).applies;
  if (!breached) return { resolution: 'reject', decidingRuleId: shipBreachMeta.id, freight: null, transitRisk: null };
  return breachConsequence(evaluation, true, shipBreachMeta.id);
}

/** 第三十一～三十三条: what a breach entails, by where the goods ended up. */
function breachConsequence(evaluation: Evaluation, breached: boolean, fallbackRuleId: string): Outcome {
  const consequence = evaluation.check(shipBreachConsequenceRule);
  const decidingRuleId = breached ? shipBreachMeta.id : fallbackRuleId;
  if (!consequence.received) {
    return {
      resolution: 'refund',
      decidingRuleId,
      freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: consequence.cameBack }),
      transitRisk: outboundRiskOnSeller,
    };
  }
  if (consequence.blocked) {
    return { resolution: 'reject', decidingRuleId: shipBreachMeta.id, freight: null, transitRisk: null };
  }
  return {
    resolution: 'return-and-refund',
    decidingRuleId: shipBreachMeta.id,
    freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
    transitRisk: { leg: 'return', minor: 'seller', destroyed: 'seller', lost: 'seller', ruleId: shipBreachMeta.id },
  };
}

const sellerRiskBothWays = (ruleId: string): TransitRisk => ({ leg: 'return', minor: 'seller', destroyed: 'seller', lost: 'seller', ruleId });

/** The buyer refused the parcel at the door (拒签). */
export function refusal(evaluation: Evaluation, late: boolean): Outcome {
  const inspected = evaluation.check(signInspectRefuseRule).applies;
  const sellerFault = inspected || evaluation.check(refuseSellerFaultRule, shippingBreaches(evaluation, late)).applies;
  if (sellerFault) {
    const ruleId = inspected ? 'R-SIGN-INSPECT-REFUSE' : 'R-REFUSE-SELLER-FAULT';
    return {
      resolution: 'refund',
      decidingRuleId: ruleId,
      freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
      transitRisk: sellerRiskBothWays(ruleId),
    };
  }
  if (evaluation.check(sevenDayScopeRule).applies) {
    evaluation.check(refuseSevenDayItemRule);
    return {
      resolution: 'refund',
      decidingRuleId: refuseSevenDayItemMeta.id,
      freight: freightFor(evaluation, { kind: 'seven-day-return' }, { outbound: true, return: true }),
      transitRisk: sellerRiskBothWays(refuseSevenDayItemMeta.id),
    };
  }
  const returned = evaluation.check(refuseNonSevenDayItemRule);
  const resolution: Resolution = returned.resolution;
  return {
    resolution,
    // Re-sending is the seller's choice under 第三十九条: the buyer's refund claim fails.
    ...(resolution === 'resend' ? { supported: 'seller' as const } : {}),
    decidingRuleId: 'R-REFUSE-NON7DAY-ITEM',
    freight: freightFor(
      evaluation,
      { kind: 'fault', party: 'buyer' },
      { outbound: true, return: true, resend: resolution === 'resend' },
    ),
    transitRisk: { leg: 'return', minor: 'buyer', destroyed: 'buyer', lost: 'buyer', ruleId: 'R-REFUSE-NON7DAY-ITEM' },
  };
}

/** The buyer applied after shipping and before signing: 2025 rules oblige the seller to intercept. */
export function inTransit(evaluation: Evaluation, late: boolean): Outcome {
  const intercept = evaluation.check(shipInterceptRule);
  if (!intercept.applies) {
    // The older wording has no 第二十三条; its silence is no ground to reject the request either.
    throw new EditionSilentError(
      '旧版措辞（示例，非官方文本）',
      'R-SHIP-INTERCEPT',
      '旧版措辞没有签收前的拦截义务，也没有据此驳回运输途中退款申请的规定；它只规定签收前商品风险由卖家承担，买家可以在送达时拒签，按拒签规则处理',
    );
  }
  const breached = shippingBreaches(evaluation, late).length > 0;
  // 第二十三条 sends freight to the freight rules: a seller's breach is the seller's fault; a buyer who simply changed
  // their mind about a 7-day item is in the position of a no-reason refusal (第五十三条); otherwise 第七条's split.
  const basis: FreightBasis = breached
    ? { kind: 'fault', party: 'seller' }
    : evaluation.facts.claim.reason === 'no-reason' && evaluation.check(sevenDayScopeRule).applies
      ? { kind: 'seven-day-return' }
      : { kind: 'unclear' };
  return {
    resolution: 'refund',
    decidingRuleId: 'R-SHIP-INTERCEPT',
    freight: freightFor(evaluation, basis, { outbound: true, return: true }),
    transitRisk: outboundRiskOnSeller,
  };
}

/** The parcel was lost before signing. */
export function lostInTransit(evaluation: Evaluation): Outcome {
  evaluation.check(signRiskRule);
  return {
    resolution: 'refund',
    decidingRuleId: 'R-SIGN-RISK',
    freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
    transitRisk: outboundRiskOnSeller,
  };
}

/** The parcel could not be delivered and went back to the seller. */
export function undeliverable(evaluation: Evaluation): Outcome {
  const wrongInfo = evaluation.check(signAddressInfoRule).applies;
  if (!wrongInfo) evaluation.check(signRiskRule);
  return {
    resolution: 'refund',
    decidingRuleId: wrongInfo ? 'R-SIGN-ADDRESS-INFO' : 'R-SIGN-RISK',
    freight: freightFor(evaluation, { kind: 'fault', party: wrongInfo ? 'buyer' : 'seller' }, { outbound: true, return: true }),
    transitRisk: outboundRiskOnSeller,
  };
}
