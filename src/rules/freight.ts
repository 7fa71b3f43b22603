import type { EditionId } from './editions.ts';
import { defineRule, type Evaluation, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';
import type { FreightBearers, Party } from './ruling.ts';
import { shipCarrierMeta, shipCodFreightMeta } from './shipping.ts';
import { orderOfSourcesMeta } from './general.ts';

const both = ['2025-08-15', 'legacy'] as const;

/** Why goods moved, which selects the freight rule (RULES.md §4.6 decision order). */
export type FreightBasis =
  | { readonly kind: 'seven-day-return' }
  | { readonly kind: 'seven-day-exchange' }
  | { readonly kind: 'fault'; readonly party: Party }
  /** A return that never reached the seller: the party at fault pays the wasted return leg (第四十七、四十八条). */
  | { readonly kind: 'return-failed'; readonly party: Party }
  | { readonly kind: 'unclear' }
  /** The sale stands or is settled in money only: the outbound leg stays as the order had it (包邮 → seller). */
  | { readonly kind: 'as-ordered' };

/** Which legs of transport exist in the scenario's outcome. */
export interface FreightLegs {
  readonly outbound: boolean;
  readonly return: boolean;
  readonly resend?: boolean;
}

/**
 * Freight of a 7-day no-reason return or no-reason refusal (第五十三条): 包邮 → the buyer pays only the return leg;
 * 非包邮, a partial return that loses 包邮, or abuse of membership rights → the buyer pays all freight.
 * The older wording made the buyer pay only the return leg in every case.
 */
export function sevenDayReturnFreight(
  freeShipping: boolean,
  freeShippingLostByPartialReturn: boolean,
  membershipAbuse: boolean,
  edition: EditionId,
): { outbound: Party; return: Party } {
  if (edition === 'legacy') return { outbound: 'seller', return: 'buyer' };
  const buyerPaysAll = !freeShipping || freeShippingLostByPartialReturn || membershipAbuse;
  return { outbound: buyerPaysAll ? 'buyer' : 'seller', return: 'buyer' };
}

export const freightPreInterventionMeta: RuleHead = {
  id: 'R-FREIGHT-PRE-INTERVENTION',
  title: '介入前自行协商未约定运费的由卖家承担',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightFaultMeta: RuleHead = {
  id: 'R-FREIGHT-FAULT',
  title: '谁过错、谁承担运费',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightUnclearMeta: RuleHead = {
  id: 'R-FREIGHT-UNCLEAR',
  title: '责任无法确定时的运费',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightSevenDayReturnMeta: RuleHead = {
  id: 'R-FREIGHT-7DAY-RETURN',
  title: '七天无理由退货（拒签）的运费',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightSevenDayExchangeMeta: RuleHead = {
  id: 'R-FREIGHT-7DAY-EXCHANGE',
  title: '七天无理由换货的运费',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightCodReturnMeta: RuleHead = {
  id: 'R-FREIGHT-COD-RETURN',
  title: '未经同意到付退货的运费',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightAddressDiffMeta: RuleHead = {
  id: 'R-FREIGHT-ADDRESS-DIFF',
  title: '退货地址与发货地不一致的运费差额',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: true,
};

export const freightInsuranceMeta: RuleHead = {
  id: 'R-FREIGHT-INSURANCE',
  title: '运费险不改变运费承担',
  kind: 'platform',
  area: 'freight',
  editions: both,
  decides: false,
};

const partyName: Record<Party, string> = { buyer: '买家', seller: '卖家' };

const agreedFreightRule = defineRule(orderOfSourcesMeta, (read: FactReader) => {
  const agreed = read.optional('returnLeg.freightAgreement');
  const party = agreed === 'seller' || agreed === 'buyer' ? agreed : undefined;
  return {
    applies: party !== undefined,
    party,
    note: party ? `双方约定退货运费由${partyName[party]}承担，约定优先。` : '双方没有约定运费，按规则确定。',
  };
});

const sevenDayReturnFreightRule = defineRule(freightSevenDayReturnMeta, (read: FactReader) => {
  const freeShipping = read.fact('order.freeShipping');
  const lost = read.optional('order.freeShippingLostByPartialReturn') === true;
  const abuse = read.optional('order.membershipAbuse') === true;
  const bearers = sevenDayReturnFreight(freeShipping, lost, abuse, read.edition);
  const why =
    read.edition === 'legacy'
      ? '旧版措辞：买家仅承担退回运费'
      : abuse
        ? '买家滥用会员权利，所有运费由买家承担'
        : lost
          ? '部分退货后不再满足包邮条件，视为非包邮，所有运费由买家承担'
          : freeShipping
            ? '包邮商品，买家只承担退回运费'
            : '非包邮商品，所有运费由买家承担';
  return { applies: true, bearers, note: `${why}。` };
});

const sevenDayExchangeFreightRule = defineRule(freightSevenDayExchangeMeta, (read: FactReader) => {
  const freeShipping = read.fact('order.freeShipping');
  // 第五十四条 covers the freight the exchange produces; the original delivery of a 包邮 order is not one of them.
  return {
    applies: true,
    bearers: { outbound: freeShipping ? ('seller' as const) : ('buyer' as const) },
    note: `七天无理由换货，退回和再次发货的运费由买家承担；原发货运费${freeShipping ? '属于包邮，仍由卖家承担' : '本就由买家支付'}。`,
  };
});

const preInterventionRule = defineRule(freightPreInterventionMeta, (read: FactReader) => {
  const agreement = read.optional('returnLeg.agreement');
  if (agreement !== 'before-intervention') return { applies: false, note: '协议不是在淘宝介入前自行达成的，本条不适用。' };
  const freight = read.optional('returnLeg.freightAgreement');
  const silent = freight !== 'seller' && freight !== 'buyer';
  return {
    applies: silent,
    note: silent ? '双方在淘宝介入前自行达成退换货协议且未约定运费，运费由卖家承担。' : '双方在淘宝介入前达成协议并约定了运费，按约定。',
  };
});

/** With no rule moving it, the outbound freight stays as the order had it (约定优先, 第七条). */
const asOrderedRule = defineRule(orderOfSourcesMeta, (read: FactReader) => {
  const freeShipping = read.fact('order.freeShipping');
  const party: Party = freeShipping ? 'seller' : 'buyer';
  return {
    applies: true,
    party,
    note: `本单没有退回商品，发货运费按订单约定由${partyName[party]}承担（${freeShipping ? '包邮' : '非包邮'}）。`,
  };
});

const faultRule = defineRule(freightFaultMeta, (_read: FactReader, party: Party) => ({
  applies: true,
  note: `责任在${partyName[party]}，按“谁过错、谁承担”，运费由${partyName[party]}承担。`,
}));

const unclearRule = defineRule(freightUnclearMeta, () => ({
  applies: true,
  note: '争议责任无法确定：发货运费由卖家承担，退货运费由买家承担。',
}));

const codReturnRule = defineRule(freightCodReturnMeta, (read: FactReader, returnBearer: Party) => {
  const cod = read.optional('returnLeg.cashOnDelivery');
  const applies = cod === 'unagreed';
  return {
    applies,
    note: applies
      ? `买家未经同意到付退货；退货运费本由${partyName[returnBearer]}承担，到付产生的运费也由${partyName[returnBearer]}承担。`
      : '退货没有擅自到付。',
  };
});

const addressDiffRule = defineRule(freightAddressDiffMeta, (read: FactReader) => {
  const differs = read.optional('returnLeg.returnAddressDiffersFromListing') === true;
  return {
    applies: differs,
    note: differs ? '退货地址与商品页发货地不一致，多出的运费差额由卖家承担。' : '退货地址与发货地一致。',
  };
});

export const shipCarrierFreightRule = defineRule(shipCarrierMeta, (read: FactReader) => {
  const carrier = read.optional('shipment.promisedCarrier');
  if (carrier !== 'not-used') return { applies: false, note: '卖家没有违背快递承诺。' };
  const freeShipping = read.fact('order.freeShipping');
  return {
    applies: !freeShipping,
    note: freeShipping ? '卖家未用承诺的快递，但订单包邮，买家没有运费可退。' : '卖家未用承诺的快递，非包邮订单买家可要求退还已付运费，发货运费由卖家承担。',
  };
});

/** 第五十条: a buyer who signed an unagreed 到付 parcel may make the seller bear that freight. */
export const codOutboundRule = defineRule(shipCodFreightMeta, (read: FactReader) => {
  const cod = read.optional('shipment.cashOnDelivery');
  return {
    applies: cod === 'unagreed',
    note: cod === 'unagreed' ? '卖家未经同意运费到付，买家签收后可要求卖家承担到付运费。' : '发货不是未经同意的到付。',
  };
});

/**
 * Decides who bears each leg's freight, in RULES.md §4.6 order: explicit agreement; special rules (7-day, seller
 * breach); agreement before intervention silent on freight → seller; fault; undeterminable → outbound seller, return
 * buyer. Records each rule consulted in the evaluation's trace.
 */
export function decideFreight(evaluation: Evaluation, basis: FreightBasis, legs: FreightLegs): FreightBearers | null {
  if (!legs.outbound && !legs.return) return null;
  let outbound: Party;
  let returnBearer: Party;
  let ruleId: string;
  let resend: Party | undefined;

  if (basis.kind === 'seven-day-return') {
    const { bearers } = evaluation.check(sevenDayReturnFreightRule);
    ({ outbound, return: returnBearer } = bearers);
    ruleId = freightSevenDayReturnMeta.id;
  } else if (basis.kind === 'seven-day-exchange') {
    const bearers = evaluation.check(sevenDayExchangeFreightRule).bearers;
    outbound = bearers.outbound;
    returnBearer = resend = 'buyer';
    ruleId = freightSevenDayExchangeMeta.id;
  } else if (legs.return && basis.kind !== 'return-failed' && evaluation.check(preInterventionRule).applies) {
    // A return that failed through one party's breach is that party's cost, whatever was agreed before intervention.
    outbound = returnBearer = 'seller';
    ruleId = freightPreInterventionMeta.id;
  } else if (basis.kind === 'as-ordered') {
    outbound = evaluation.check(asOrderedRule).party;
    returnBearer = 'buyer';
    ruleId = orderOfSourcesMeta.id;
  } else if (basis.kind === 'fault') {
    evaluation.check(faultRule, basis.party);
    outbound = returnBearer = basis.party;
    ruleId = freightFaultMeta.id;
  } else if (basis.kind === 'return-failed') {
    evaluation.check(faultRule, basis.party);
    // When the sale stands (打款), the original delivery stays as it was paid: 包邮 by the seller, else by the buyer.
    outbound = basis.party === 'seller' || evaluation.facts.order.freeShipping ? 'seller' : 'buyer';
    returnBearer = basis.party;
    ruleId = freightFaultMeta.id;
  } else {
    evaluation.check(unclearRule);
    outbound = 'seller';
    returnBearer = 'buyer';
    ruleId = freightUnclearMeta.id;
  }

  if (legs.return && basis.kind !== 'seven-day-exchange') {
    const agreed = evaluation.check(agreedFreightRule);
    if (agreed.party) {
      // An agreement on "运费" of a return or exchange covers every leg it produces.
      returnBearer = agreed.party;
      if (legs.resend) resend = agreed.party;
      ruleId = orderOfSourcesMeta.id;
    }
  }
  if (legs.outbound && outbound === 'buyer' && evaluation.check(shipCarrierFreightRule).applies) {
    outbound = 'seller';
  }
  if (legs.outbound && outbound === 'buyer' && evaluation.check(codOutboundRule).applies) {
    outbound = 'seller';
  }
  if (legs.resend && resend === undefined) resend = basis.kind === 'fault' ? basis.party : outbound;

  let sellerPaysAddressDifference: true | undefined;
  if (legs.return) {
    evaluation.check(codReturnRule, returnBearer);
    if (returnBearer === 'buyer' && evaluation.check(addressDiffRule).applies) sellerPaysAddressDifference = true;
  }

  return {
    outbound: legs.outbound ? outbound : null,
    return: legs.return ? returnBearer : null,
    ruleId,
    ...(legs.resend && resend ? { resend } : {}),
    ...(sellerPaysAddressDifference ? { sellerPaysAddressDifference } : {}),
  };
}
