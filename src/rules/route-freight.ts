import { codOutboundRule, shipCarrierFreightRule } from './freight.ts';
import { orderOfSourcesMeta } from './general.ts';
import type { DecisionTable } from './decision-table.ts';
import { defineRule, type FactReader } from './rule.ts';
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

const outbound = (party: Party, ruleId: string) => ({ outbound: party, return: null, ruleId });

/**
 * A buyer who signed and asks only for the freight back (第二十九、三十、五十条). Reached before the rule that rejects a
 * partial refund without agreement: a freight claim is not a 折价 request. Every row says who bears the outbound leg;
 * nothing goes back, so the return leg is null. Its last row always applies.
 */
export const freightClaimTable: DecisionTable = {
  id: 'freight-claim',
  title: '只退运费',
  summary: '买家签收后只要求退还运费。看卖家有没有违反与运费有关的发货规范，没有的，运费按订单约定。',
  rows: [
    {
      rules: [shipCarrierMeta.id],
      when: '卖家没有用承诺的快递，且订单不包邮',
      then: '部分退款：退还买家为发货支付的运费',
      decide: (evaluation) => {
        if (!evaluation.check(shipCarrierFreightRule).applies) return undefined;
        const { amount } = evaluation.check(carrierFreightPaidRule);
        return { resolution: 'partial-refund', freight: outbound('seller', shipCarrierMeta.id), transitRisk: null, refundAmount: amount };
      },
    },
    {
      rules: [shipCodFreightMeta.id],
      when: '卖家未经买家同意使用运费到付',
      then: '部分退款：退还买家支付的到付运费',
      decide: (evaluation) => {
        if (!evaluation.check(codOutboundRule).applies) return undefined;
        const { amount } = evaluation.check(codFreightPaidRule);
        return { resolution: 'partial-refund', freight: outbound('seller', shipCodFreightMeta.id), transitRisk: null, refundAmount: amount };
      },
    },
    {
      rules: [shipCodFreightMeta.id],
      when: '到付是买家自己要求的，或事先约定过',
      then: '驳回；到付运费由买家承担',
      decide: (evaluation) =>
        evaluation.check(agreedCodRule).applies
          ? { resolution: 'reject', freight: outbound('buyer', shipCodFreightMeta.id), transitRisk: null }
          : undefined,
    },
    {
      rules: [orderOfSourcesMeta.id, shipCarrierMeta.id],
      when: '卖家没有违反与运费有关的发货规范（包邮订单换了快递的，买家也没有运费可退）',
      then: '驳回；发货运费按订单约定',
      decide: (evaluation) => {
        const { party } = evaluation.check(orderFreightRule);
        // A swapped carrier on a 包邮 order breaks 第二十九条 but leaves the buyer no freight to claim back.
        const carrierBroken = evaluation.facts.shipment.promisedCarrier === 'not-used';
        const decidingRuleId = carrierBroken ? shipCarrierMeta.id : orderOfSourcesMeta.id;
        return { resolution: 'reject', decidingRuleId, freight: outbound(party, decidingRuleId), transitRisk: null };
      },
    },
  ],
};
