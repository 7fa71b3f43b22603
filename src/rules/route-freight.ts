import { codOutboundRule, shipCarrierFreightRule } from './freight.ts';
import { orderOfSourcesMeta } from './general.ts';
import type { Outcome } from './outcome.ts';
import { defineRule, type Evaluation, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';
import type { Party } from './ruling.ts';
import { shipCarrierMeta, shipCodFreightMeta } from './shipping.ts';

const partyName: Record<Party, string> = { buyer: '买家', seller: '卖家' };

/** The freight the buyer paid for the outbound leg, which the seller hands back under `meta`'s article. */
const freightPaidRule = (meta: RuleHead) =>
  defineRule(meta, (read: FactReader) => {
    const amount = read.fact('order.outboundFreight');
    return { applies: true, amount, note: `买家为发货支付的运费 ${amount} 元由卖家退还（承担）。` };
  });

const carrierFreightPaidRule = freightPaidRule(shipCarrierMeta);
const codFreightPaidRule = freightPaidRule(shipCodFreightMeta);

/** 第三十条: 到付 the buyer asked for, or agreed to in advance, is the buyer's freight. */
const agreedCodRule = defineRule(shipCodFreightMeta, (read: FactReader) => {
  const cod = read.fact('shipment.cashOnDelivery');
  const applies = cod === 'buyer-requested' || cod === 'agreed';
  return {
    applies,
    note: applies
      ? cod === 'buyer-requested'
        ? '到付是买家自己要求的：依第三十条，承运人和运费由买家与卖家自行明确，到付运费由买家承担。'
        : '到付事先明确了承运人和运费并征得买家同意，到付运费按约定由买家承担。'
      : '不是双方约定或买家要求的到付。',
  };
});

/** With no shipping rule broken, the outbound freight stays as the order had it (约定优先). */
const orderFreightRule = defineRule(orderOfSourcesMeta, (read: FactReader) => {
  const freeShipping = read.fact('order.freeShipping');
  const party: Party = freeShipping ? 'seller' : 'buyer';
  return {
    applies: true,
    party,
    note: `卖家没有违反与运费有关的发货规范，发货运费按订单约定由${partyName[party]}承担（${freeShipping ? '包邮' : '非包邮'}）。`,
  };
});

/**
 * A buyer who signed and asks only for the freight back (第二十九、三十、五十条). Consulted before the rule that
 * rejects a partial refund without agreement: a freight claim is not a 折价 request. Every outcome says who bears
 * the outbound leg; nothing goes back, so the return leg is null.
 */
export function freightOnlyClaim(evaluation: Evaluation): Outcome {
  const outbound = (party: Party, ruleId: string) => ({ outbound: party, return: null, ruleId });
  if (evaluation.check(shipCarrierFreightRule).applies) {
    const { amount } = evaluation.check(carrierFreightPaidRule);
    return {
      resolution: 'partial-refund',
      decidingRuleId: shipCarrierMeta.id,
      freight: outbound('seller', shipCarrierMeta.id),
      transitRisk: null,
      refundAmount: amount,
    };
  }
  if (evaluation.check(codOutboundRule).applies) {
    const { amount } = evaluation.check(codFreightPaidRule);
    return {
      resolution: 'partial-refund',
      decidingRuleId: shipCodFreightMeta.id,
      freight: outbound('seller', shipCodFreightMeta.id),
      transitRisk: null,
      refundAmount: amount,
    };
  }
  if (evaluation.check(agreedCodRule).applies) {
    return { resolution: 'reject', decidingRuleId: shipCodFreightMeta.id, freight: outbound('buyer', shipCodFreightMeta.id), transitRisk: null };
  }
  const { party } = evaluation.check(orderFreightRule);
  // A swapped carrier on a 包邮 order breaks 第二十九条 but leaves the buyer no freight to claim back.
  const carrierBroken = evaluation.facts.shipment.promisedCarrier === 'not-used';
  const decidingRuleId = carrierBroken ? shipCarrierMeta.id : orderOfSourcesMeta.id;
  return { resolution: 'reject', decidingRuleId, freight: outbound(party, decidingRuleId), transitRisk: null };
}
