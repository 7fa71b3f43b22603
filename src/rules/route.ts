import { handOver, settleStageFully, type DecisionTable, type RouteContext } from './decision-table.ts';
import {
  acceptDeadlineRule,
  agreementRule,
  bigDataMeta,
  badFaithMeta,
  fakeTxnRule,
  partialRefundAgreedRule,
  partialRefundClaimRule,
  performedAgreementRule,
  platformFindingRules,
  prohibitedMeta,
  recallMeta,
} from './general.ts';
import { freightFor, movesGoodsBack, outboundRiskOnSeller, sendsGoodsAgain, withReturnRisk, type Outcome } from './outcome.ts';
import { afterSigningTable } from './route-signed.ts';
import {
  beforeShipmentTable,
  inTransitTable,
  lateShipmentTable,
  refusalTable,
  shippingBreachTable,
} from './route-transit.ts';
import { freightClaimTable } from './route-freight.ts';
import type { Evaluation } from './rule.ts';
import { shipDeadlineRule, shipTimeDefRule } from './shipping.ts';
import { signAddressInfoRule, signRiskRule } from './signing.ts';

const notAccepted = { resolution: 'not-accepted', freight: null, transitRisk: null } as const;

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

const status = (evaluation: Evaluation) => evaluation.facts.delivery?.status;
/** A refused or intercepted parcel is decided by what happened at the door, whatever reason the buyer gave. */
const cameBack = (evaluation: Evaluation) => status(evaluation) === 'refused' || status(evaluation) === 'intercepted';

/**
 * The order in which the platform consults its rules (受理与总则): agreement, acceptance, platform findings, claims
 * that need no stage, the shipping time, then the scenario's stage (before shipping, late or breached shipping,
 * refused, in transit, lost, undeliverable, signed). Its last row always applies.
 */
export const intakeTable: DecisionTable = {
  id: 'intake',
  title: '受理与分流',
  summary: '每个争议都从这里开始：先看双方协议与受理条件，再看平台认定，最后按包裹所处的阶段交给对应的裁决路径。',
  rows: [
    {
      rules: ['R-ACCEPT-EXCLUSIONS'],
      when: '双方已达成协议，且协议已经履行完毕',
      then: '不予受理',
      decide: (evaluation) =>
        evaluation.facts.agreement && evaluation.check(performedAgreementRule).applies ? notAccepted : undefined,
    },
    {
      rules: ['R-GEN-ORDER-OF-SOURCES', 'R-GEN-PARTIAL-REFUND', 'R-RET-RISK-DEFAULT'],
      when: '双方已达成协议（尚未履行完毕）',
      then: '按协议处理（约定优先）；约定部分退款的，按约定金额退款；协议未约定运费的，运费按规则确定',
      decide: (evaluation) => (evaluation.facts.agreement ? agreed(evaluation) : undefined),
    },
    {
      rules: ['R-FAKE-TXN'],
      when: '平台认定为虚假交易',
      then: '按虚假交易处理',
      decide: (evaluation) => {
        const fake = evaluation.check(fakeTxnRule);
        return fake.applies ? { resolution: fake.resolution!, freight: null, transitRisk: null } : undefined;
      },
    },
    {
      rules: ['R-ACCEPT-DEADLINE'],
      when: '已签收，且申请超过了受理期限（期限未设定时本行不适用）',
      then: '不予受理',
      decide: (evaluation) =>
        status(evaluation) === 'signed' && evaluation.check(acceptDeadlineRule).applies ? notAccepted : undefined,
    },
    {
      rules: [badFaithMeta.id, recallMeta.id, prohibitedMeta.id, bigDataMeta.id],
      when: '平台已作出认定：大量劣质、须召回、禁售商品或大数据认定',
      then: '按认定支持买家：未发货的退款；已发货的按认定退款或退货退款，运费由卖家承担',
      decide: (evaluation) => {
        const { facts } = evaluation;
        if (facts.platform.finding === 'none') return undefined;
        const rule = platformFindingRules[facts.platform.finding];
        const finding = evaluation.check(rule);
        if (!finding.applies) return undefined;
        const shipped = facts.shipment.shipped;
        // Nothing to send back when nothing was shipped: the money simply goes back.
        const resolution = shipped ? finding.resolution : 'refund';
        return {
          resolution,
          decidingRuleId: rule.meta.id,
          freight: shipped ? freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: movesGoodsBack(resolution) }) : null,
          transitRisk: null,
        };
      },
    },
    handOver(() => freightClaimTable, {
      rules: [],
      when: '已签收，买家只要求退还运费',
      then: '按「只退运费」裁决（不当作部分退款）',
      applies: (evaluation) => evaluation.facts.claim.type === 'freight-refund' && status(evaluation) === 'signed',
    }),
    {
      rules: ['R-GEN-PARTIAL-REFUND'],
      when: '买家申请部分退款（赠品问题除外），双方没有达成协议',
      then: '驳回',
      decide: (evaluation) => {
        const { claim } = evaluation.facts;
        if (claim.type !== 'partial-refund' || claim.reason === 'gift') return undefined;
        evaluation.check(partialRefundClaimRule);
        return { resolution: 'reject', freight: null, transitRisk: null };
      },
    },
    {
      rules: ['R-SHIP-TIME-DEF', 'R-SHIP-DEADLINE'],
      when: '已发货',
      then: '认定发货时间和是否超时，接着看下一行（本行不作裁决）',
      continues: true,
      decide: (evaluation, context) => {
        if (!evaluation.facts.shipment.shipped) return undefined;
        context.shippedAt = evaluation.check(shipTimeDefRule).shippedAt;
        context.late = evaluation.check(shipDeadlineRule, context.shippedAt).applies;
        return undefined;
      },
    },
    handOver(() => beforeShipmentTable, {
      rules: [],
      when: '买家在发货前申请（未发货，或申请早于发货时间）',
      then: '按「发货前申请」裁决；卖家经买家同意后才发货的，接着看下一行',
      applies: (evaluation, { shippedAt }) => shippedAt === null || evaluation.facts.claim.at < shippedAt,
    }),
    handOver(() => lateShipmentTable, {
      rules: [],
      when: '买家以延迟发货为由，且确已超时或包裹没有被拒签、拦截',
      then: '按「延迟发货」裁决',
      applies: (evaluation, { late }) => evaluation.facts.claim.reason === 'late-shipment' && (late || !cameBack(evaluation)),
    }),
    handOver(() => shippingBreachTable, {
      rules: [],
      when: '买家以违反发货规范为由，包裹没有被拒签、拦截',
      then: '按「违反发货规范」裁决',
      applies: (evaluation) => evaluation.facts.claim.reason === 'shipping-breach' && !cameBack(evaluation),
    }),
    handOver(() => refusalTable, {
      rules: [],
      when: '买家拒签',
      then: '按「拒签」裁决（不论买家申请时给的理由）',
      applies: (evaluation) => status(evaluation) === 'refused',
    }),
    handOver(() => inTransitTable, {
      rules: [],
      when: '包裹在运输途中，或已被拦截',
      then: '按「运输途中」裁决',
      applies: (evaluation) => status(evaluation) === 'in-transit' || status(evaluation) === 'intercepted',
    }),
    {
      rules: ['R-SIGN-RISK'],
      when: '包裹在签收前丢失',
      then: '退款；签收前的运输风险和发货运费由卖家承担',
      decide: (evaluation) => {
        if (status(evaluation) !== 'lost') return undefined;
        evaluation.check(signRiskRule);
        return {
          resolution: 'refund',
          freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
          transitRisk: outboundRiskOnSeller,
        };
      },
    },
    {
      rules: ['R-SIGN-ADDRESS-INFO', 'R-SIGN-RISK'],
      when: '包裹无法投递，退回了卖家',
      then: '退款；买家地址信息有误的，来回运费由买家承担，否则由卖家承担',
      decide: (evaluation) => {
        if (status(evaluation) !== 'undeliverable') return undefined;
        const wrongInfo = evaluation.check(signAddressInfoRule).applies;
        if (!wrongInfo) evaluation.check(signRiskRule);
        return {
          resolution: 'refund',
          decidingRuleId: wrongInfo ? 'R-SIGN-ADDRESS-INFO' : 'R-SIGN-RISK',
          freight: freightFor(evaluation, { kind: 'fault', party: wrongInfo ? 'buyer' : 'seller' }, { outbound: true, return: true }),
          transitRisk: outboundRiskOnSeller,
        };
      },
    },
    handOver(() => afterSigningTable, {
      rules: [],
      when: '已签收（或没有物流状态）',
      then: '按买家的申请理由裁决',
      applies: () => true,
    }),
  ],
};

/** Walks the intake table and the stage tables it hands over to; returns what the deciding row settled. */
export function route(evaluation: Evaluation): Outcome {
  const context: RouteContext = { shippedAt: null, late: false };
  return settleStageFully(intakeTable, evaluation, context);
}
