import { handOver, type DecisionTable, type RouteContext } from './decision-table.ts';
import { EditionSilentError } from './errors.ts';
import type { FreightBasis } from './freight.ts';
import { freightFor, outboundRiskOnSeller } from './outcome.ts';
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
import { signInspectRefuseRule } from './signing.ts';

const sellerRiskBothWays = (ruleId: string): TransitRisk => ({ leg: 'return', minor: 'seller', destroyed: 'seller', lost: 'seller', ruleId });
const rejected = { resolution: 'reject', freight: null, transitRisk: null } as const;

/** The seller shipped after the buyer's refund request without the buyer's consent (第二十七条). */
function shippedUnasked(evaluation: Evaluation, { shippedAt }: RouteContext): boolean {
  const checked = evaluation.consult(shipAfterRefundRequestRule, shippedAt);
  return checked.applies && shippedAt !== null && checked.shippedWithoutConsent;
}

/** The buyer applied before the goods were shipped. No row applies when the seller then shipped with consent. */
export const beforeShipmentTable: DecisionTable = {
  id: 'before-shipment',
  title: '发货前申请',
  summary: '买家申请时卖家还没有发货。卖家此后只能经买家同意再发货；经同意发货的，本表不适用，回到受理与分流的下一行。',
  rows: [
    {
      rules: ['R-SHIP-AFTER-REFUND-REQUEST'],
      when: '卖家一直没有发货',
      then: '退款',
      decide: (evaluation, context) =>
        context.shippedAt === null && evaluation.consult(shipAfterRefundRequestRule, context.shippedAt).applies
          ? { resolution: 'refund', freight: null, transitRisk: null }
          : undefined,
    },
    {
      rules: ['R-SHIP-BREACH', 'R-SHIP-AFTER-REFUND-REQUEST'],
      when: '卖家未经同意发货，买家已使用商品或自行确认收货',
      then: '驳回（须双方协商）',
      decide: (evaluation, context) =>
        shippedUnasked(evaluation, context) && evaluation.consult(shipBreachConsequenceRule).blocked ? rejected : undefined,
    },
    {
      rules: ['R-SHIP-BREACH', 'R-SHIP-AFTER-REFUND-REQUEST'],
      when: '卖家未经同意发货，买家签收了',
      then: '退货退款；来回运费和退回途中的风险由卖家承担',
      decide: (evaluation, context) =>
        shippedUnasked(evaluation, context) && evaluation.consult(shipBreachConsequenceRule).received
          ? {
              resolution: 'return-and-refund',
              freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
              transitRisk: { leg: 'return', minor: 'seller', destroyed: 'seller', lost: 'seller', ruleId: 'R-SHIP-AFTER-REFUND-REQUEST' },
            }
          : undefined,
    },
    {
      rules: ['R-SHIP-AFTER-REFUND-REQUEST'],
      when: '卖家未经同意发货，买家没有收到或拒收',
      then: '退款；运费和运输风险由卖家承担',
      decide: (evaluation, context) => {
        if (!shippedUnasked(evaluation, context)) return undefined;
        const { cameBack } = evaluation.consult(shipBreachConsequenceRule);
        return {
          resolution: 'refund',
          freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: cameBack }),
          transitRisk: { ...outboundRiskOnSeller, ruleId: 'R-SHIP-AFTER-REFUND-REQUEST' },
        };
      },
    },
  ],
};

/** 第三十一～三十三条: what a 发货规范 breach entails, by where the goods ended up. Its last row always applies. */
export const breachConsequenceTable: DecisionTable = {
  id: 'breach-consequence',
  title: '违反发货规范的后果',
  summary: '卖家确实违反了发货规范（超时未经同意、擅自到付、未明示自提、未用承诺的快递）时，看商品最后到了哪里。',
  rows: [
    {
      rules: [shipBreachMeta.id],
      when: '买家没有收到商品（未签收、拒收、被拦截或退回）',
      then: '退款；运费和运输风险由卖家承担',
      decide: (evaluation) => {
        const consequence = evaluation.consult(shipBreachConsequenceRule);
        if (consequence.received) return undefined;
        return {
          resolution: 'refund',
          freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: consequence.cameBack }),
          transitRisk: outboundRiskOnSeller,
        };
      },
    },
    {
      rules: [shipBreachMeta.id],
      when: '买家已使用商品，或自行点击确认收货（卖家诱导确认的除外）',
      then: '驳回（须双方协商）',
      decide: (evaluation) => (evaluation.consult(shipBreachConsequenceRule).blocked ? rejected : undefined),
    },
    {
      rules: [shipBreachMeta.id],
      when: '买家已收到商品',
      then: '退货退款；来回运费和退回途中的风险由卖家承担',
      decide: (evaluation) => ({
        resolution: 'return-and-refund',
        freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
        transitRisk: sellerRiskBothWays(shipBreachMeta.id),
      }),
    },
  ],
};

/** The buyer claims the shipment was late (延迟发货). Its last row always applies. */
export const lateShipmentTable: DecisionTable = {
  id: 'late-shipment',
  title: '延迟发货',
  summary: '买家主张卖家延迟发货。先看是否真的超时，再看超时发货是否征得了买家同意。',
  rows: [
    {
      rules: ['R-SHIP-DEADLINE'],
      when: '发货没有超过发货时限',
      then: '驳回',
      decide: (_evaluation, { late }) => (late ? undefined : rejected),
    },
    handOver(() => breachConsequenceTable, {
      rules: [],
      when: '超时发货且没有征得买家同意（或另有违反发货规范的情形）',
      then: '按「违反发货规范的后果」裁决',
      applies: (evaluation, { late }) => shippingBreaches(evaluation, late).length > 0,
    }),
    handOver(() => refusalTable, {
      rules: [],
      when: '超时发货经买家同意，包裹被拒签',
      then: '按「拒签」裁决',
      applies: (evaluation) => evaluation.facts.delivery?.status === 'refused',
    }),
    {
      // 第二十七条: shipping late with the buyer's consent is what the rule asks for, not a breach.
      rules: ['R-SHIP-DEADLINE'],
      when: '超时发货经买家同意',
      then: '驳回',
      decide: () => rejected,
    },
  ],
};

/** The buyer claims another 发货规范 breach (unagreed 到付, undisclosed self-pickup, another carrier than promised). */
export const shippingBreachTable: DecisionTable = {
  id: 'shipping-breach',
  title: '违反发货规范',
  summary: '买家主张卖家违反发货规范（擅自到付、未明示自提、未用承诺的快递、超时未经同意）。先逐项核对，再看后果。',
  rows: [
    {
      rules: [shipBreachMeta.id, 'R-SHIP-DEADLINE', 'R-SHIP-COD-FREIGHT', 'R-SHIP-ADDRESS', 'R-SHIP-CARRIER'],
      when: '逐项核对后，没有违反发货规范的情形',
      then: '驳回',
      decide: (evaluation, { late }) =>
        evaluation.check(shipBreachFoundRule, shippingBreaches(evaluation, late)).applies ? undefined : rejected,
    },
    handOver(() => breachConsequenceTable, {
      rules: [],
      when: '有违反发货规范的情形',
      then: '按「违反发货规范的后果」裁决',
      applies: () => true,
    }),
  ],
};

/** The buyer refused the parcel at the door (拒签). Its last row always applies. */
export const refusalTable: DecisionTable = {
  id: 'refusal',
  title: '拒签',
  summary: '买家在送达时拒签。先看拒签是否因为卖家的过错，再看商品是否支持七天无理由。',
  rows: [
    {
      rules: ['R-SIGN-INSPECT-REFUSE'],
      when: '买家当场验货发现表面不一致而拒签，且有照片或其他证据',
      then: '退款；来回运费和运输风险由卖家承担',
      decide: (evaluation) =>
        evaluation.check(signInspectRefuseRule).applies
          ? {
              resolution: 'refund',
              freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
              transitRisk: sellerRiskBothWays('R-SIGN-INSPECT-REFUSE'),
            }
          : undefined,
    },
    {
      rules: ['R-REFUSE-SELLER-FAULT', 'R-SHIP-DEADLINE', 'R-SHIP-COD-FREIGHT', 'R-SHIP-ADDRESS', 'R-SHIP-CARRIER'],
      when: '卖家有过错（违反发货规范）',
      then: '退款；来回运费和运输风险由卖家承担',
      decide: (evaluation, { late }) =>
        evaluation.check(refuseSellerFaultRule, shippingBreaches(evaluation, late)).applies
          ? {
              resolution: 'refund',
              freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: true }),
              transitRisk: sellerRiskBothWays('R-REFUSE-SELLER-FAULT'),
            }
          : undefined,
    },
    {
      rules: [refuseSevenDayItemMeta.id, 'R-7DAY-SCOPE'],
      when: '商品支持七天无理由退货',
      then: '退款；运费按七天无理由退货承担',
      decide: (evaluation) => {
        if (!evaluation.check(sevenDayScopeRule).applies) return undefined;
        evaluation.check(refuseSevenDayItemRule);
        return {
          resolution: 'refund',
          freight: freightFor(evaluation, { kind: 'seven-day-return' }, { outbound: true, return: true }),
          transitRisk: sellerRiskBothWays(refuseSevenDayItemMeta.id),
        };
      },
    },
    {
      rules: ['R-REFUSE-NON7DAY-ITEM'],
      when: '其他情形（商品不支持七天无理由，卖家也没有过错）',
      then: '看卖家收到退回商品后的处理：退款、补寄或打款卖家；来回运费和退回途中的风险由买家承担',
      decide: (evaluation) => {
        const resolution: Resolution = evaluation.check(refuseNonSevenDayItemRule).resolution;
        return {
          resolution,
          // Re-sending is the seller's choice under 第三十九条: the buyer's refund claim fails.
          ...(resolution === 'resend' ? { supported: 'seller' as const } : {}),
          freight: freightFor(evaluation, { kind: 'fault', party: 'buyer' }, { outbound: true, return: true, resend: resolution === 'resend' }),
          transitRisk: { leg: 'return', minor: 'buyer', destroyed: 'buyer', lost: 'buyer', ruleId: 'R-REFUSE-NON7DAY-ITEM' },
        };
      },
    },
  ],
};

/** The buyer applied after shipping and before signing: 2025 rules oblige the seller to intercept. */
export const inTransitTable: DecisionTable = {
  id: 'in-transit',
  title: '运输途中',
  summary: '卖家已发货、买家尚未签收时申请退款（包括已被拦截的包裹）。',
  rows: [
    {
      rules: ['R-SHIP-INTERCEPT'],
      when: '买家在签收前申请退款（旧版措辞没有这一条，引擎不作裁决）',
      then: '退款；卖家违反发货规范的运费归卖家，七天无理由商品按七天无理由退货，其余按责任无法确定承担运费',
      decide: (evaluation, { late }) => {
        if (!evaluation.check(shipInterceptRule).applies) {
          // The older wording has no 第二十三条; its silence is no ground to reject the request either.
          throw new EditionSilentError(
            '旧版措辞（示例，非官方文本）',
            'R-SHIP-INTERCEPT',
            '旧版措辞没有签收前的拦截义务，也没有据此驳回运输途中退款申请的规定；它只规定签收前商品风险由卖家承担，买家可以在送达时拒签，按拒签规则处理',
          );
        }
        const breached = shippingBreaches(evaluation, late).length > 0;
        // 第二十三条 sends freight to the freight rules: a seller's breach is the seller's fault; a buyer who simply
        // changed their mind about a 7-day item is in the position of a no-reason refusal (第五十三条); otherwise 第七条.
        const basis: FreightBasis = breached
          ? { kind: 'fault', party: 'seller' }
          : evaluation.facts.claim.reason === 'no-reason' && evaluation.check(sevenDayScopeRule).applies
            ? { kind: 'seven-day-return' }
            : { kind: 'unclear' };
        return {
          resolution: 'refund',
          freight: freightFor(evaluation, basis, { outbound: true, return: true }),
          transitRisk: outboundRiskOnSeller,
        };
      },
    },
  ],
};
