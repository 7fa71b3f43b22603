import type { EditionId } from './editions.ts';
import { walkTable, type DecisionTable } from './decision-table.ts';
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

/** What the freight tables know: why the goods moved and which legs exist. */
export interface FreightContext {
  readonly basis: FreightBasis;
  readonly legs: FreightLegs;
}

/** Who bears each leg before the adjustments, and the rule that put it there. */
interface BaseBearers {
  outbound: Party;
  return: Party;
  ruleId: string;
  resend?: Party;
}

/**
 * Who bears the freight, in RULES.md §4.6 order: the special rules (7-day), agreement before intervention silent on
 * freight → seller, the order as it stands, fault, undeterminable → outbound seller, return buyer. Its last row
 * always applies; `freightAdjustmentsTable` then applies what the parties agreed and the seller's shipping breaches.
 */
export const freightTable: DecisionTable<FreightContext, BaseBearers> = {
  id: 'freight',
  title: '运费由谁承担',
  summary: '每个要移动商品的裁决都在这里确定来回运费：先看七天无理由的专门规定，再看介入前的协议、过错，最后是责任无法确定时的分担。',
  rows: [
    {
      rules: [freightSevenDayReturnMeta.id],
      when: '七天无理由退货，或无理由拒签',
      then: '包邮的，买家只承担退回运费；非包邮、部分退货后不再包邮或滥用会员权利的，所有运费由买家承担',
      decide: (evaluation, { basis }) => {
        if (basis.kind !== 'seven-day-return') return undefined;
        const { bearers } = evaluation.check(sevenDayReturnFreightRule);
        return { ...bearers, ruleId: freightSevenDayReturnMeta.id };
      },
    },
    {
      rules: [freightSevenDayExchangeMeta.id],
      when: '七天无理由换货',
      then: '退回和再次发货的运费由买家承担；原发货运费照旧',
      decide: (evaluation, { basis }) => {
        if (basis.kind !== 'seven-day-exchange') return undefined;
        const { bearers } = evaluation.check(sevenDayExchangeFreightRule);
        return { outbound: bearers.outbound, return: 'buyer', resend: 'buyer', ruleId: freightSevenDayExchangeMeta.id };
      },
    },
    {
      // A return that failed through one party's breach is that party's cost, whatever was agreed before intervention.
      rules: [freightPreInterventionMeta.id],
      when: '有商品退回，双方在淘宝介入前自行达成协议、没有约定运费（退货因一方违规失败的除外）',
      then: '来回运费由卖家承担',
      decide: (evaluation, { basis, legs }) =>
        legs.return && basis.kind !== 'return-failed' && evaluation.check(preInterventionRule).applies
          ? { outbound: 'seller', return: 'seller', ruleId: freightPreInterventionMeta.id }
          : undefined,
    },
    {
      rules: [orderOfSourcesMeta.id],
      when: '交易照常成立或只退钱，没有规则改变发货运费',
      then: '发货运费按订单约定：包邮由卖家，不包邮由买家',
      decide: (evaluation, { basis }) =>
        basis.kind === 'as-ordered' ? { outbound: evaluation.check(asOrderedRule).party, return: 'buyer', ruleId: orderOfSourcesMeta.id } : undefined,
    },
    {
      rules: [freightFaultMeta.id],
      when: '一方有过错（卖家：质量问题、描述不当、表面不一致、假货、违反发货规范；买家：例如无理由拒签不支持七天无理由的商品）',
      then: '谁过错、谁承担：来回运费由过错方承担',
      decide: (evaluation, { basis }) => {
        if (basis.kind !== 'fault') return undefined;
        evaluation.check(faultRule, basis.party);
        return { outbound: basis.party, return: basis.party, ruleId: freightFaultMeta.id };
      },
    },
    {
      rules: [freightFaultMeta.id],
      when: '退货没有送到卖家，责任在一方',
      then: '退回运费由过错方承担；交易照常成立（打款卖家）时，原发货运费按订单约定',
      decide: (evaluation, { basis }) => {
        if (basis.kind !== 'return-failed') return undefined;
        evaluation.check(faultRule, basis.party);
        // When the sale stands (打款), the original delivery stays as it was paid: 包邮 by the seller, else by the buyer.
        const outbound: Party = basis.party === 'seller' || evaluation.facts.order.freeShipping ? 'seller' : 'buyer';
        return { outbound, return: basis.party, ruleId: freightFaultMeta.id };
      },
    },
    {
      rules: [freightUnclearMeta.id],
      when: '争议责任无法确定',
      then: '发货运费由卖家承担，退货运费由买家承担',
      decide: (evaluation) => {
        evaluation.check(unclearRule);
        return { outbound: 'seller', return: 'buyer', ruleId: freightUnclearMeta.id };
      },
    },
  ],
};

/** What the adjustments work on: the base bearers, changed in place row by row. */
interface FreightDraft extends FreightContext {
  readonly bearers: BaseBearers;
  sellerPaysAddressDifference?: true;
}

/**
 * Adjustments to the base bearers, every row consulted in order (none settles the table until the last): an explicit
 * agreement on the return's freight (约定优先), the seller's shipping breaches that make the outbound freight the
 * seller's, and the return leg's 到付 and address difference.
 */
export const freightAdjustmentsTable: DecisionTable<FreightDraft, FreightBearers> = {
  id: 'freight-adjustments',
  title: '运费的约定与调整',
  summary: '确定了谁承担运费之后，逐行核对：双方的明确约定优先，卖家违反发货规范的发货运费归卖家，退货环节的到付和地址差额另算。每一行都要看，最后一行给出结果。',
  rows: [
    {
      rules: [orderOfSourcesMeta.id],
      when: '有商品退回（七天无理由换货除外），双方明确约定了运费由谁承担',
      then: '按约定：退回（以及再次发货）的运费由约定的一方承担，接着看下一行',
      continues: true,
      decide: (evaluation, draft) => {
        if (!draft.legs.return || draft.basis.kind === 'seven-day-exchange') return undefined;
        const agreed = evaluation.check(agreedFreightRule);
        if (agreed.party) {
          // An agreement on "运费" of a return or exchange covers every leg it produces.
          draft.bearers.return = agreed.party;
          if (draft.legs.resend) draft.bearers.resend = agreed.party;
          draft.bearers.ruleId = orderOfSourcesMeta.id;
        }
        return undefined;
      },
    },
    {
      rules: [shipCarrierMeta.id],
      when: '发货运费落在买家身上，而卖家没有用承诺的快递（订单不包邮）',
      then: '发货运费改由卖家承担，接着看下一行',
      continues: true,
      decide: (evaluation, draft) => {
        if (draft.legs.outbound && draft.bearers.outbound === 'buyer' && evaluation.check(shipCarrierFreightRule).applies) draft.bearers.outbound = 'seller';
        return undefined;
      },
    },
    {
      rules: [shipCodFreightMeta.id],
      when: '发货运费落在买家身上，而卖家未经同意运费到付',
      then: '发货运费改由卖家承担，接着看下一行',
      continues: true,
      decide: (evaluation, draft) => {
        if (draft.legs.outbound && draft.bearers.outbound === 'buyer' && evaluation.check(codOutboundRule).applies) draft.bearers.outbound = 'seller';
        return undefined;
      },
    },
    {
      rules: [freightCodReturnMeta.id],
      when: '有商品退回，买家未经同意到付退货',
      then: '到付产生的运费由本应承担退货运费的一方承担，接着看下一行',
      continues: true,
      decide: (evaluation, draft) => {
        if (draft.legs.return) evaluation.check(codReturnRule, draft.bearers.return);
        return undefined;
      },
    },
    {
      rules: [freightAddressDiffMeta.id],
      when: '退货运费由买家承担，而卖家的退货地址与商品页的发货地不一致',
      then: '多出的运费差额由卖家承担，接着看下一行',
      continues: true,
      decide: (evaluation, draft) => {
        if (draft.legs.return && draft.bearers.return === 'buyer' && evaluation.check(addressDiffRule).applies) draft.sellerPaysAddressDifference = true;
        return undefined;
      },
    },
    {
      rules: [],
      when: '核对完毕',
      then: '得出每一段运输的运费承担方（没有的运输段不写）',
      decide: (_evaluation, { legs, basis, bearers, sellerPaysAddressDifference }) => {
        const resend = legs.resend ? (bearers.resend ?? (basis.kind === 'fault' ? basis.party : bearers.outbound)) : undefined;
        return {
          outbound: legs.outbound ? bearers.outbound : null,
          return: legs.return ? bearers.return : null,
          ruleId: bearers.ruleId,
          ...(resend ? { resend } : {}),
          ...(sellerPaysAddressDifference ? { sellerPaysAddressDifference } : {}),
        };
      },
    },
  ],
};

/**
 * Decides who bears each leg's freight: walks `freightTable`, then `freightAdjustmentsTable`, recording each rule
 * consulted in the evaluation's trace. Returns null when no goods move.
 */
export function decideFreight(evaluation: Evaluation, basis: FreightBasis, legs: FreightLegs): FreightBearers | null {
  if (!legs.outbound && !legs.return) return null;
  const base = walkTable(freightTable, evaluation, { basis, legs });
  if (!base) throw new Error('The freight table has no row for this scenario; its last row must always apply.');
  const adjusted = walkTable(freightAdjustmentsTable, evaluation, { basis, legs, bearers: { ...base.result } });
  if (!adjusted) throw new Error('The freight adjustments table must end with a row that always applies.');
  return adjusted.result;
}
