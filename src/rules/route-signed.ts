import { handOver, type DecisionTable } from './decision-table.ts';
import {
  descAdLawRule,
  descDisclosedRule,
  descIntactRule,
  descInvisibleRule,
  descVisibleRule,
  surfaceBurdenRule,
} from './description.ts';
import { penaltyPromiseRule } from './general.ts';
import { giftIndependentRule, giftIssueRules, giftValueRule } from './gifts.ts';
import { freightFor, movesGoodsBack, sendsGoodsAgain, withReturnRisk, type Outcome } from './outcome.ts';
import {
  fakeRefundRule,
  lawThreeGuaranteesRule,
  qualVisibilityRule,
  qualInvisibleRule,
  qualRemedyRule,
  qualVisibleRule,
  testFeeRule,
  type ProofResult,
} from './quality.ts';
import { remedyChoiceRule, retBreachRule, retNoReturnNeededRule } from './returns.ts';
import type { Evaluation } from './rule.ts';
import type { BurdenOfProof, Deduction, Resolution } from './ruling.ts';
import {
  formatClauseRule,
  sevenDayGiftMeta,
  sevenDayGiftRule,
  sevenDayIntactRule,
  sevenDayRefundDeadlineRule,
  sevenDayScopeRule,
  sevenDayWindowRule,
  formatClauseMeta,
} from './seven-day.ts';
import { shipSeparateParcelsRule } from './shipping.ts';
import {
  signAddressChangeRule,
  signAddressInfoRule,
  signNonreceiptBurdenMeta,
  returnProofRule,
  signNonreceiptBurdenRule,
  signWhoRule,
} from './signing.ts';


const rejected = (decidingRuleId: string, resolution: Resolution = 'reject', burdenOfProof?: readonly BurdenOfProof[]): Outcome => ({
  resolution,
  decidingRuleId,
  freight: null,
  transitRisk: null,
  ...(burdenOfProof ? { burdenOfProof } : {}),
});

/** Test fee, when the scenario says anything about testing (consulted once, whichever row asks). */
function testFee(evaluation: Evaluation): Pick<Outcome, 'testFee'> {
  if (evaluation.facts.platform.requestedTest === undefined) return {};
  return { testFee: evaluation.consult(testFeeRule).testFee };
}

/**
 * A seller-fault outcome whose goods may travel back; settles freight and return risk. A 退货退款 whose goods need not
 * come back (R-RET-NO-RETURN-NEEDED) becomes a 退款.
 */
function sellerFaultRemedy(
  evaluation: Evaluation,
  resolution: Resolution,
  decidingRuleId: string,
  riskBasis: 'seller-all' | 'minor-defect' | 'default',
  extra: Partial<Outcome> = {},
): Outcome {
  if (resolution === 'return-and-refund' && evaluation.check(retNoReturnNeededRule).applies) {
    return {
      resolution: 'refund',
      decidingRuleId: 'R-RET-NO-RETURN-NEEDED',
      freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
      transitRisk: null,
      ...extra,
    };
  }
  const base = {
    resolution,
    decidingRuleId,
    freight: freightFor(
      evaluation,
      { kind: 'fault', party: 'seller' },
      { outbound: true, return: movesGoodsBack(resolution), resend: sendsGoodsAgain(resolution) },
    ),
    ...extra,
  };
  return movesGoodsBack(resolution) ? withReturnRisk(evaluation, base, riskBasis) : { ...base, transitRisk: null };
}

/** Neither side proved its case under 第六十六条: 退货退款 with 第七条's freight split. */
function unprovenSource(evaluation: Evaluation, extra: Partial<Outcome> = {}, decidingRuleId = 'R-QUAL-INVISIBLE-OR-FAKE'): Outcome {
  return withReturnRisk(
    evaluation,
    {
      resolution: 'return-and-refund',
      decidingRuleId,
      freight: freightFor(evaluation, { kind: 'unclear' }, { outbound: true, return: true }),
      ...extra,
    },
    'default',
  );
}

/** Whether the quality problem is established, by the visible or the invisible rule (consulted once). */
function qualityProof(evaluation: Evaluation): { result: ProofResult; ruleId: string } {
  const visible = evaluation.consult(qualVisibilityRule).applies;
  const rule = visible ? qualVisibleRule : qualInvisibleRule;
  return { result: evaluation.consult(rule).result, ruleId: rule.meta.id };
}

const nonreceiptBurden: BurdenOfProof = {
  party: 'seller',
  matter: '证明买家已按签收规范收到商品（签收底单、授权签收证明等）',
  ruleId: signNonreceiptBurdenMeta.id,
};

/** Signed for, yet the buyer says nothing arrived (未收到货、代签、驿站、快递柜). Its last row always applies. */
export const notReceivedTable: DecisionTable = {
  id: 'not-received',
  title: '签收了却说没收到',
  summary: '物流显示已签收，买家说没有收到（他人代签、驿站、快递柜）。先看收件信息，再看签收是否合规、卖家能否证明。',
  rows: [
    {
      rules: ['R-SIGN-ADDRESS-INFO'],
      when: '买家提供的收件信息有误',
      then: '打款卖家',
      decide: (evaluation) => (evaluation.check(signAddressInfoRule).applies ? rejected('R-SIGN-ADDRESS-INFO', 'pay-seller') : undefined),
    },
    {
      rules: ['R-SIGN-ADDRESS-CHANGE'],
      when: '买家要求修改收件信息，卖家同意后没有按新信息发出',
      then: '退款；发货运费由卖家承担',
      decide: (evaluation) =>
        evaluation.facts.delivery?.addressChange && evaluation.consult(signAddressChangeRule).applies
          ? { resolution: 'refund', freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }), transitRisk: null }
          : undefined,
    },
    {
      // 第三十五条: an agreed change that failed, delivered to an address clearly the buyer's, counts as received.
      rules: ['R-SIGN-ADDRESS-CHANGE'],
      when: '修改收件信息没有成功，但商品送到的仍是买家本人的地址',
      then: '打款卖家',
      decide: (evaluation) =>
        evaluation.facts.delivery?.addressChange && evaluation.consult(signAddressChangeRule).deliveredToBuyersAddress
          ? rejected('R-SIGN-ADDRESS-CHANGE', 'pay-seller')
          : undefined,
    },
    {
      rules: [signNonreceiptBurdenMeta.id, 'R-SIGN-WHO'],
      when: '卖家证明了买家已按签收规范收到商品',
      then: '打款卖家（卖家负举证责任）',
      decide: (evaluation) => {
        const valid = evaluation.consult(signWhoRule).applies;
        return evaluation.consult(signNonreceiptBurdenRule, valid).applies ? undefined : rejected(signNonreceiptBurdenMeta.id, 'pay-seller', [nonreceiptBurden]);
      },
    },
    {
      rules: ['R-SIGN-WHO', signNonreceiptBurdenMeta.id],
      when: '签收不合规范（非本人或授权的人签收、放在非指定地点）',
      then: '退款；发货运费由卖家承担',
      decide: (evaluation) =>
        evaluation.consult(signWhoRule).applies
          ? undefined
          : {
              resolution: 'refund',
              freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
              transitRisk: null,
              burdenOfProof: [nonreceiptBurden],
            },
    },
    {
      rules: [signNonreceiptBurdenMeta.id],
      when: '签收合规，但卖家拿不出签收凭证',
      then: '退款；发货运费由卖家承担',
      decide: (evaluation) => ({
        resolution: 'refund',
        freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
        transitRisk: null,
        burdenOfProof: [nonreceiptBurden],
      }),
    },
  ],
};

/** The 7-day refund deadline, when the seller received the return, and the gift deduction, in the order they apply. */
function sevenDaySettlement(evaluation: Evaluation): Deduction[] {
  if (evaluation.facts.returnLeg?.sellerReceivedAt !== undefined) evaluation.check(sevenDayRefundDeadlineRule);
  const deductions: Deduction[] = [];
  if (evaluation.facts.gift && evaluation.check(sevenDayGiftRule).applies) {
    deductions.push({ kind: 'gift-value', amount: evaluation.check(giftValueRule).value, ruleId: sevenDayGiftMeta.id });
  }
  return deductions;
}

/** 七天无理由退货或换货. Its last row always applies. */
export const sevenDayTable: DecisionTable = {
  id: 'seven-day',
  title: '七天无理由退换货',
  summary: '买家没有给出卖家方面的理由，要求七天无理由退货或换货。依次看适用范围、期限和商品是否完好。',
  rows: [
    {
      rules: ['R-7DAY-SCOPE'],
      when: '商品不在七天无理由退货的适用范围内',
      then: '驳回',
      decide: (evaluation) => (evaluation.check(sevenDayScopeRule).applies ? undefined : rejected('R-7DAY-SCOPE')),
    },
    {
      rules: [formatClauseMeta.id],
      when: '商品页写着“不支持七天无理由”',
      then: '这样的格式条款无效，接着看下一行（本行不作裁决）',
      continues: true,
      decide: (evaluation) => {
        if (evaluation.facts.goods.listingNoReturnNotice) evaluation.check(formatClauseRule);
        return undefined;
      },
    },
    {
      rules: ['R-7DAY-WINDOW'],
      when: '申请超过了七天无理由退货期限',
      then: '驳回',
      decide: (evaluation) => (evaluation.check(sevenDayWindowRule).applies ? undefined : rejected('R-7DAY-WINDOW')),
    },
    {
      rules: ['R-7DAY-INTACT'],
      when: '退回的商品不完好',
      then: '驳回',
      decide: (evaluation) => (evaluation.check(sevenDayIntactRule).applies ? undefined : rejected('R-7DAY-INTACT')),
    },
    {
      rules: ['R-7DAY-SCOPE', 'R-7DAY-REFUND-DEADLINE', 'R-7DAY-GIFT'],
      when: '买家要求换货',
      then: '换货；换货产生的运费由买家承担；赠品没有退回的，扣除赠品价值',
      decide: (evaluation) => {
        if (evaluation.facts.claim.type !== 'exchange') return undefined;
        const deductions = sevenDaySettlement(evaluation);
        return {
          resolution: 'exchange',
          freight: freightFor(evaluation, { kind: 'seven-day-exchange' }, { outbound: true, return: true, resend: true }),
          transitRisk: null,
          deductions,
        };
      },
    },
    {
      rules: ['R-7DAY-SCOPE', 'R-7DAY-REFUND-DEADLINE', 'R-7DAY-GIFT', 'R-RET-RISK-DEFAULT'],
      when: '买家要求退货退款',
      then: '退货退款；运费按七天无理由退货承担；赠品没有退回的，扣除赠品价值；退回途中损毁、灭失的打款卖家',
      decide: (evaluation) => {
        const deductions = sevenDaySettlement(evaluation);
        return withReturnRisk(
          evaluation,
          {
            resolution: 'return-and-refund',
            decidingRuleId: 'R-7DAY-SCOPE',
            freight: freightFor(evaluation, { kind: 'seven-day-return' }, { outbound: true, return: true }),
            deductions,
          },
          'default',
        );
      },
    },
  ],
};

/** 质量问题. Its last row always applies. */
export const qualityTable: DecisionTable = {
  id: 'quality',
  title: '质量问题',
  summary: '买家说商品有质量问题。先按肉眼能否识别确定谁举证，问题属实后再看补救方式；三包商品按三包规定。',
  rows: [
    {
      rules: ['R-QUAL-VISIBLE', 'R-QUAL-INVISIBLE-OR-FAKE'],
      when: '质量问题没有得到证明（肉眼可识别的由买家举证，不可识别的看检测）',
      then: '打款卖家',
      decide: (evaluation) => {
        const { result, ruleId } = qualityProof(evaluation);
        const fee = testFee(evaluation);
        return result === 'not-established' ? { ...rejected(ruleId, 'pay-seller'), ...fee } : undefined;
      },
    },
    {
      rules: ['R-QUAL-INVISIBLE-OR-FAKE', 'R-RET-RISK-DEFAULT'],
      when: '双方都没能证明（卖家也无法证明商品来源）',
      then: '退货退款；运费按责任无法确定承担',
      decide: (evaluation) => (qualityProof(evaluation).result === 'seller-cannot-prove-source' ? unprovenSource(evaluation, testFee(evaluation)) : undefined),
    },
    {
      rules: ['R-LAW-3BAO', 'R-QUAL-REMEDY', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT', 'R-RET-RISK-SELLER-FAULT'],
      when: '质量问题属实，商品属于三包商品',
      then: '按三包规定退货、换货或修理；运费和退回风险由卖家承担',
      decide: (evaluation) => {
        if (!evaluation.facts.goods.threeGuarantees) return undefined;
        evaluation.check(qualRemedyRule);
        const law = evaluation.check(lawThreeGuaranteesRule);
        return qualityRemedy(evaluation, law.resolution, 'R-LAW-3BAO', law.options);
      },
    },
    {
      rules: ['R-QUAL-REMEDY', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT', 'R-RET-RISK-SELLER-FAULT'],
      when: '质量问题属实',
      then: '按买家的申请退货退款、换货或修理（无需退回的退款）；运费和退回风险由卖家承担',
      decide: (evaluation) => qualityRemedy(evaluation, evaluation.check(qualRemedyRule).resolution, 'R-QUAL-REMEDY'),
    },
  ],
};

function qualityRemedy(evaluation: Evaluation, resolution: Resolution, decidingRuleId: string, options?: readonly Resolution[]): Outcome {
  const defeats = movesGoodsBack(resolution) ? evaluation.facts.issue?.defeatsPurpose : undefined;
  const riskBasis = defeats === undefined ? 'default' : defeats ? 'seller-all' : 'minor-defect';
  return sellerFaultRemedy(evaluation, resolution, decidingRuleId, riskBasis, { ...testFee(evaluation), ...(options ? { options } : {}) });
}

/** 假冒商品. Its last row always applies. */
export const counterfeitTable: DecisionTable = {
  id: 'counterfeit',
  title: '假冒商品',
  summary: '买家说商品是假货。先看假冒是否得到证明，属实的支持退款，并看卖家有没有更高的赔付承诺。',
  rows: [
    {
      rules: ['R-QUAL-INVISIBLE-OR-FAKE'],
      when: '假冒没有得到证明',
      then: '打款卖家',
      decide: (evaluation) =>
        evaluation.consult(qualInvisibleRule).result === 'not-established'
          ? { ...rejected('R-QUAL-INVISIBLE-OR-FAKE', 'pay-seller'), ...testFee(evaluation) }
          : undefined,
    },
    {
      rules: ['R-QUAL-INVISIBLE-OR-FAKE', 'R-RET-RISK-DEFAULT'],
      when: '双方都没能证明（卖家也无法证明商品来源）',
      then: '退货退款；运费按责任无法确定承担',
      decide: (evaluation) =>
        evaluation.consult(qualInvisibleRule).result === 'seller-cannot-prove-source' ? unprovenSource(evaluation, testFee(evaluation)) : undefined,
    },
    {
      rules: ['R-FAKE-REFUND', 'R-GEN-PENALTY-MAX'],
      when: '假冒属实',
      then: '退款，商品无需退回；卖家承诺过假一赔N的，按承诺赔付',
      decide: (evaluation) => {
        const fee = testFee(evaluation);
        if (!evaluation.consult(fakeRefundRule).applies) return undefined;
        const { compensationMultiple } = evaluation.check(penaltyPromiseRule);
        return {
          resolution: 'refund',
          freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
          transitRisk: null,
          ...fee,
          ...(compensationMultiple ? { compensationMultiple } : {}),
        };
      },
    },
    {
      rules: ['R-QUAL-REMEDY', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT'],
      when: '问题属实，但不按假冒退款处理',
      then: '按质量问题的补救方式处理',
      decide: (evaluation) =>
        sellerFaultRemedy(evaluation, evaluation.check(qualRemedyRule).resolution, 'R-QUAL-REMEDY', 'default', testFee(evaluation)),
    },
  ],
};

/** 描述不当. Its last row always applies. */
export const misdescribedTable: DecisionTable = {
  id: 'misdescribed',
  title: '描述不当',
  summary: '买家说商品与描述不符。已明示的瑕疵不算；违反广告法的直接支持；其余按肉眼能否识别确定举证，并要求商品完好。',
  rows: [
    {
      rules: ['R-DESC-DISCLOSED-DEFECT'],
      when: '卖家事先已明示这一瑕疵',
      then: '打款卖家',
      decide: (evaluation) => (evaluation.check(descDisclosedRule).applies ? rejected('R-DESC-DISCLOSED-DEFECT', 'pay-seller') : undefined),
    },
    {
      rules: ['R-DESC-ADLAW', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT', 'R-RET-RISK-SELLER-FAULT'],
      when: '描述违反广告法，或问题使用后才能察觉',
      then: '退货退款；运费由卖家承担；影响核心功能的，退回途中的风险全归卖家',
      decide: (evaluation) => {
        const adLaw = evaluation.check(descAdLawRule);
        return adLaw.applies ? sellerFaultRemedy(evaluation, 'return-and-refund', 'R-DESC-ADLAW', adLaw.blocksCore ? 'seller-all' : 'default') : undefined;
      },
    },
    {
      rules: ['R-DESC-INVISIBLE', 'R-QUAL-INVISIBLE-OR-FAKE'],
      when: '肉眼不可识别的描述不当，没有得到证明',
      then: '打款卖家',
      decide: (evaluation) =>
        evaluation.consult(descInvisibleRule).applies && evaluation.consult(qualInvisibleRule).result === 'not-established'
          ? rejected('R-DESC-INVISIBLE', 'pay-seller')
          : undefined,
    },
    {
      rules: ['R-DESC-INVISIBLE', 'R-QUAL-INVISIBLE-OR-FAKE', 'R-RET-RISK-DEFAULT'],
      when: '肉眼不可识别的描述不当，双方都没能证明',
      then: '退货退款；运费按责任无法确定承担',
      decide: (evaluation) =>
        evaluation.consult(descInvisibleRule).applies && evaluation.consult(qualInvisibleRule).result === 'seller-cannot-prove-source'
          ? unprovenSource(evaluation, {}, 'R-DESC-INVISIBLE')
          : undefined,
    },
    {
      rules: ['R-DESC-INVISIBLE', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT'],
      when: '肉眼不可识别的描述不当，得到证明',
      then: '退货退款；运费由卖家承担',
      decide: (evaluation) =>
        evaluation.consult(descInvisibleRule).applies ? sellerFaultRemedy(evaluation, 'return-and-refund', 'R-DESC-INVISIBLE', 'default') : undefined,
    },
    {
      rules: ['R-DESC-VISIBLE'],
      when: '肉眼可识别的描述不当，买家没有证明',
      then: '打款卖家',
      decide: (evaluation) => (evaluation.check(descVisibleRule).applies ? undefined : rejected('R-DESC-VISIBLE', 'pay-seller')),
    },
    {
      rules: ['R-DESC-INTACT'],
      when: '退回的商品不完好',
      then: '打款卖家',
      decide: (evaluation) => (evaluation.consult(descIntactRule).applies ? undefined : rejected('R-DESC-INTACT', 'pay-seller')),
    },
    {
      rules: ['R-DESC-INTACT', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT'],
      when: '描述不当属实，商品完好',
      then: '退货退款；运费由卖家承担',
      decide: (evaluation) => {
        evaluation.consult(descIntactRule);
        return sellerFaultRemedy(evaluation, 'return-and-refund', 'R-DESC-INTACT', 'default');
      },
    },
  ],
};

/** Whether a 表面不一致 after signing is established, and who had to prove what (consulted once). */
function surfaceProof(evaluation: Evaluation): { established: boolean; merged: boolean; burden: BurdenOfProof } {
  const missing = evaluation.facts.issue?.mismatchKind === 'missing-items';
  const merged = missing ? evaluation.consult(shipSeparateParcelsRule) : undefined;
  if (merged?.applies) {
    return {
      established: !merged.sellerProved,
      merged: true,
      burden: { party: 'seller', matter: '证明合并包裹内商品数量齐全', ruleId: 'R-SHIP-SEPARATE-PARCELS' },
    };
  }
  const valid = evaluation.consult(signWhoRule).applies && evaluation.facts.delivery?.sellerHasDeliveryProof === true;
  const checked = evaluation.consult(surfaceBurdenRule, valid);
  return {
    established: checked.applies,
    merged: false,
    burden: {
      party: checked.burdenOn,
      matter: checked.burdenOn === 'seller' ? '证明收件人已按签收规范签收' : '证明签收时即存在表面不一致',
      ruleId: 'R-SURFACE-BURDEN',
    },
  };
}

/** 表面不一致 after signing: 破损、少件、空包、错发. Its last row always applies. */
export const surfaceMismatchTable: DecisionTable = {
  id: 'surface-mismatch',
  title: '表面不一致（签收后）',
  summary: '签收后发现破损、少件、空包或错发。先按举证责任看是否属实，属实的由买家在补救方式中选择。',
  rows: [
    {
      rules: ['R-SHIP-SEPARATE-PARCELS'],
      when: '少件，商品是合并包裹发出的，卖家证明了数量齐全',
      then: '打款卖家',
      decide: (evaluation) => {
        const proof = surfaceProof(evaluation);
        return proof.merged && !proof.established ? rejected('R-SHIP-SEPARATE-PARCELS', 'pay-seller', [proof.burden]) : undefined;
      },
    },
    {
      rules: ['R-SURFACE-BURDEN', 'R-SIGN-WHO'],
      when: '表面不一致没有得到证明（签收合规且卖家有签收凭证的由买家举证，否则由卖家举证）',
      then: '打款卖家',
      decide: (evaluation) => {
        const proof = surfaceProof(evaluation);
        return proof.established ? undefined : rejected('R-SURFACE-BURDEN', 'pay-seller', [proof.burden]);
      },
    },
    {
      rules: ['R-REMEDY-CHOICE', 'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT', 'R-RET-RISK-SELLER-FAULT'],
      when: '表面不一致属实',
      then: '按买家选择的补救方式（退货退款、换货、补寄等）；运费由卖家承担；破损的退回途中风险全归卖家',
      decide: (evaluation) => {
        const { burden } = surfaceProof(evaluation);
        const remedy = evaluation.check(remedyChoiceRule);
        const damaged = evaluation.facts.issue?.mismatchKind === 'damaged';
        return sellerFaultRemedy(evaluation, remedy.resolution, 'R-REMEDY-CHOICE', damaged ? 'seller-all' : 'default', {
          options: remedy.options,
          burdenOfProof: [burden],
        });
      },
    },
  ],
};

/** The gift rule for the scenario's gift issue, if it names one a rule covers. */
function giftIssueRule(evaluation: Evaluation) {
  const issue = evaluation.facts.gift?.issue;
  return issue && issue !== 'returned-damaged' ? giftIssueRules[issue] : undefined;
}

/** 赠品问题 (not the 7-day gift deduction, which belongs to the return). Its last row always applies. */
export const giftTable: DecisionTable = {
  id: 'gift',
  title: '赠品问题',
  summary: '买家就赠品提出问题。赠品的争议不影响主商品；属实的按赠品价值部分退款。',
  rows: [
    {
      rules: ['R-GIFT-INDEPENDENT'],
      when: '赠品争议',
      then: '不影响主商品的交易，接着看下一行（本行不作裁决）',
      continues: true,
      decide: (evaluation) => {
        evaluation.check(giftIndependentRule);
        return undefined;
      },
    },
    {
      rules: ['R-GIFT-INDEPENDENT', 'R-GIFT-SHIPTIME'],
      when: '买家说的赠品问题不属于未同时发货、缺资质或描述含混',
      then: '驳回',
      decide: (evaluation) => {
        if (giftIssueRule(evaluation)) return undefined;
        const checked = evaluation.check(giftIssueRules['not-shipped']);
        return rejected(checked.applies ? 'R-GIFT-SHIPTIME' : 'R-GIFT-INDEPENDENT');
      },
    },
    {
      rules: [giftIssueRules['not-shipped'].meta.id, giftIssueRules.unlicensed.meta.id, giftIssueRules['ambiguous-description'].meta.id, 'R-GIFT-VALUE'],
      when: '赠品没有随主商品同时发出、需要资质而卖家没有，或描述含混而卖家没有按有利于买家的理解履行',
      then: '部分退款：退还赠品的价值',
      decide: (evaluation) => {
        const rule = giftIssueRule(evaluation)!;
        evaluation.check(rule);
        const value = evaluation.check(giftValueRule).value;
        return { resolution: 'partial-refund', decidingRuleId: rule.meta.id, freight: null, transitRisk: null, refundAmount: value };
      },
    },
  ],
};

const returnBurden: BurdenOfProof = { party: 'buyer', matter: '证明退货已送达卖家', ruleId: signNonreceiptBurdenMeta.id };

/** The seller says the buyer's return never arrived. Its last row always applies. */
export const returnNotReceivedTable: DecisionTable = {
  id: 'return-not-received',
  title: '卖家说没收到退货',
  summary: '买家已寄回商品，卖家说没有收到。买家负责证明退货已送达；不能证明的，看是谁违反了退货规范。',
  rows: [
    {
      rules: [signNonreceiptBurdenMeta.id],
      when: '买家证明了退货已送达卖家',
      then: '退款',
      decide: (evaluation) =>
        evaluation.check(returnProofRule).applies ? { resolution: 'refund', freight: null, transitRisk: null, burdenOfProof: [returnBurden] } : undefined,
    },
    {
      rules: ['R-RET-BREACH'],
      when: '买家不能证明退货已送达',
      then: '卖家违反退货规范的退款；买家违反的打款卖家，退回的运费和风险由买家承担',
      decide: (evaluation) => {
        const breach = evaluation.check(retBreachRule);
        const atFault = breach.resolution === 'refund' ? 'seller' : 'buyer';
        return {
          resolution: breach.resolution,
          freight: freightFor(evaluation, { kind: 'return-failed', party: atFault }, { outbound: true, return: true }),
          transitRisk:
            breach.resolution === 'pay-seller' ? { leg: 'return', minor: 'buyer', destroyed: 'buyer', lost: 'buyer', ruleId: 'R-RET-BREACH' } : null,
          burdenOfProof: [returnBurden],
        };
      },
    },
  ],
};

/** After signing, the buyer's stated reason picks the path. Its rows cover every reason that reaches it. */
export const afterSigningTable: DecisionTable = {
  id: 'after-signing',
  title: '签收后按申请理由',
  summary: '包裹已签收（或没有物流状态）时，买家申请的理由决定走哪条裁决路径。延迟发货和违反发货规范在受理与分流时已经分出。',
  rows: [
    handOver(() => notReceivedTable, { rules: [], when: '买家说没有收到货', then: '按「签收了却说没收到」裁决', applies: (e) => e.facts.claim.reason === 'not-received' }),
    handOver(() => sevenDayTable, { rules: [], when: '七天无理由', then: '按「七天无理由退换货」裁决', applies: (e) => e.facts.claim.reason === 'no-reason' }),
    handOver(() => qualityTable, { rules: [], when: '质量问题', then: '按「质量问题」裁决', applies: (e) => e.facts.claim.reason === 'quality' }),
    handOver(() => misdescribedTable, { rules: [], when: '描述不当', then: '按「描述不当」裁决', applies: (e) => e.facts.claim.reason === 'misdescribed' }),
    handOver(() => surfaceMismatchTable, {
      rules: [],
      when: '表面不一致（破损、少件、空包、错发）',
      then: '按「表面不一致（签收后）」裁决',
      applies: (e) => e.facts.claim.reason === 'surface-mismatch',
    }),
    handOver(() => counterfeitTable, { rules: [], when: '假冒商品', then: '按「假冒商品」裁决', applies: (e) => e.facts.claim.reason === 'counterfeit' }),
    handOver(() => giftTable, { rules: [], when: '赠品问题', then: '按「赠品问题」裁决', applies: (e) => e.facts.claim.reason === 'gift' }),
    handOver(() => returnNotReceivedTable, {
      rules: [],
      when: '卖家说没有收到退货',
      then: '按「卖家说没收到退货」裁决',
      applies: (e) => e.facts.claim.reason === 'return-not-received',
    }),
  ],
};
