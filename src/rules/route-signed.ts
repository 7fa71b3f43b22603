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

/** Signed for, yet the buyer says nothing arrived (未收到货、代签、驿站、快递柜). */
export function signedButNotReceived(evaluation: Evaluation): Outcome {
  if (evaluation.check(signAddressInfoRule).applies) return rejected('R-SIGN-ADDRESS-INFO', 'pay-seller');
  if (evaluation.facts.delivery?.addressChange) {
    const change = evaluation.check(signAddressChangeRule);
    if (change.applies) {
      return {
        resolution: 'refund',
        decidingRuleId: 'R-SIGN-ADDRESS-CHANGE',
        freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
        transitRisk: null,
      };
    }
    // 第三十五条: an agreed change that failed, delivered to an address clearly the buyer's, counts as received.
    if (change.deliveredToBuyersAddress) return rejected('R-SIGN-ADDRESS-CHANGE', 'pay-seller');
  }
  const valid = evaluation.check(signWhoRule).applies;
  const burden: BurdenOfProof = { party: 'seller', matter: '证明买家已按签收规范收到商品（签收底单、授权签收证明等）', ruleId: signNonreceiptBurdenMeta.id };
  const unproven = evaluation.check(signNonreceiptBurdenRule, valid).applies;
  if (!unproven) return rejected(signNonreceiptBurdenMeta.id, 'pay-seller', [burden]);
  return {
    resolution: 'refund',
    decidingRuleId: valid ? signNonreceiptBurdenMeta.id : 'R-SIGN-WHO',
    freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
    transitRisk: null,
    burdenOfProof: [burden],
  };
}

/** 七天无理由退货或换货. */
export function sevenDayReturn(evaluation: Evaluation): Outcome {
  if (!evaluation.check(sevenDayScopeRule).applies) return rejected('R-7DAY-SCOPE');
  if (evaluation.facts.goods.listingNoReturnNotice) evaluation.check(formatClauseRule);
  if (!evaluation.check(sevenDayWindowRule).applies) return rejected('R-7DAY-WINDOW');
  if (!evaluation.check(sevenDayIntactRule).applies) return rejected('R-7DAY-INTACT');

  if (evaluation.facts.returnLeg?.sellerReceivedAt !== undefined) evaluation.check(sevenDayRefundDeadlineRule);
  const deductions: Deduction[] = [];
  if (evaluation.facts.gift && evaluation.check(sevenDayGiftRule).applies) {
    deductions.push({ kind: 'gift-value', amount: evaluation.check(giftValueRule).value, ruleId: sevenDayGiftMeta.id });
  }
  if (evaluation.facts.claim.type === 'exchange') {
    return {
      resolution: 'exchange',
      decidingRuleId: 'R-7DAY-SCOPE',
      freight: freightFor(evaluation, { kind: 'seven-day-exchange' }, { outbound: true, return: true, resend: true }),
      transitRisk: null,
      deductions,
    };
  }
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
}

/** Test fee, when the scenario says anything about testing. */
function testFee(evaluation: Evaluation): Pick<Outcome, 'testFee'> {
  if (evaluation.facts.platform.requestedTest === undefined) return {};
  return { testFee: evaluation.check(testFeeRule).testFee };
}

/** A seller-fault outcome whose goods may travel back; settles freight and return risk. */
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

function qualityProof(evaluation: Evaluation): { result: ProofResult; ruleId: string } {
  const visible = evaluation.check(qualVisibilityRule).applies;
  const rule = visible ? qualVisibleRule : qualInvisibleRule;
  return { result: evaluation.check(rule).result, ruleId: rule.meta.id };
}

/** 质量问题. */
export function qualityProblem(evaluation: Evaluation): Outcome {
  const { result, ruleId } = qualityProof(evaluation);
  const fee = testFee(evaluation);
  if (result === 'not-established') return { ...rejected(ruleId, 'pay-seller'), ...fee };
  if (result === 'seller-cannot-prove-source') return unprovenSource(evaluation, fee);
  let resolution = evaluation.check(qualRemedyRule).resolution;
  let decidingRuleId = 'R-QUAL-REMEDY';
  let options: readonly Resolution[] | undefined;
  if (evaluation.facts.goods.threeGuarantees) {
    const law = evaluation.check(lawThreeGuaranteesRule);
    resolution = law.resolution;
    options = law.options;
    decidingRuleId = 'R-LAW-3BAO';
  }
  const defeats = movesGoodsBack(resolution) ? evaluation.facts.issue?.defeatsPurpose : undefined;
  const riskBasis = defeats === undefined ? 'default' : defeats ? 'seller-all' : 'minor-defect';
  return sellerFaultRemedy(evaluation, resolution, decidingRuleId, riskBasis, { ...fee, ...(options ? { options } : {}) });
}

/** 假冒商品. */
export function counterfeit(evaluation: Evaluation): Outcome {
  const result = evaluation.check(qualInvisibleRule).result;
  const fee = testFee(evaluation);
  if (result === 'not-established') return { ...rejected('R-QUAL-INVISIBLE-OR-FAKE', 'pay-seller'), ...fee };
  if (result === 'seller-cannot-prove-source') return unprovenSource(evaluation, fee);
  const fake = evaluation.check(fakeRefundRule);
  if (fake.applies) {
    const { compensationMultiple } = evaluation.check(penaltyPromiseRule);
    return {
      resolution: 'refund',
      decidingRuleId: 'R-FAKE-REFUND',
      freight: freightFor(evaluation, { kind: 'fault', party: 'seller' }, { outbound: true, return: false }),
      transitRisk: null,
      ...fee,
      ...(compensationMultiple ? { compensationMultiple } : {}),
    };
  }
  return sellerFaultRemedy(evaluation, evaluation.check(qualRemedyRule).resolution, 'R-QUAL-REMEDY', 'default', fee);
}

/** 描述不当. */
export function misdescribed(evaluation: Evaluation): Outcome {
  if (evaluation.check(descDisclosedRule).applies) return rejected('R-DESC-DISCLOSED-DEFECT', 'pay-seller');
  const adLaw = evaluation.check(descAdLawRule);
  if (adLaw.applies) {
    return sellerFaultRemedy(evaluation, 'return-and-refund', 'R-DESC-ADLAW', adLaw.blocksCore ? 'seller-all' : 'default');
  }
  if (evaluation.check(descInvisibleRule).applies) {
    const result = evaluation.check(qualInvisibleRule).result;
    if (result === 'not-established') return rejected('R-DESC-INVISIBLE', 'pay-seller');
    if (result === 'seller-cannot-prove-source') return unprovenSource(evaluation, {}, 'R-DESC-INVISIBLE');
    return sellerFaultRemedy(evaluation, 'return-and-refund', 'R-DESC-INVISIBLE', 'default');
  }
  if (!evaluation.check(descVisibleRule).applies) return rejected('R-DESC-VISIBLE', 'pay-seller');
  if (!evaluation.check(descIntactRule).applies) return rejected('R-DESC-INTACT', 'pay-seller');
  return sellerFaultRemedy(evaluation, 'return-and-refund', 'R-DESC-INTACT', 'default');
}

/** 表面不一致 after signing: 破损、少件、空包、错发. */
export function surfaceMismatch(evaluation: Evaluation): Outcome {
  const missing = evaluation.facts.issue?.mismatchKind === 'missing-items';
  let established: boolean;
  let decidingIfRejected = 'R-SURFACE-BURDEN';
  let burden: BurdenOfProof;
  const merged = missing ? evaluation.check(shipSeparateParcelsRule) : undefined;
  if (merged?.applies) {
    established = !merged.sellerProved;
    decidingIfRejected = 'R-SHIP-SEPARATE-PARCELS';
    burden = { party: 'seller', matter: '证明合并包裹内商品数量齐全', ruleId: 'R-SHIP-SEPARATE-PARCELS' };
  } else {
    const valid = evaluation.check(signWhoRule).applies && evaluation.facts.delivery?.sellerHasDeliveryProof === true;
    const checked = evaluation.check(surfaceBurdenRule, valid);
    established = checked.applies;
    burden = {
      party: checked.burdenOn,
      matter: checked.burdenOn === 'seller' ? '证明收件人已按签收规范签收' : '证明签收时即存在表面不一致',
      ruleId: 'R-SURFACE-BURDEN',
    };
  }
  if (!established) return rejected(decidingIfRejected, 'pay-seller', [burden]);
  const remedy = evaluation.check(remedyChoiceRule);
  const damaged = evaluation.facts.issue?.mismatchKind === 'damaged';
  return sellerFaultRemedy(evaluation, remedy.resolution, 'R-REMEDY-CHOICE', damaged ? 'seller-all' : 'default', {
    options: remedy.options,
    burdenOfProof: [burden],
  });
}

/** 赠品问题 (not the 7-day gift deduction, which belongs to the return). */
export function giftProblem(evaluation: Evaluation): Outcome {
  evaluation.check(giftIndependentRule);
  const issue = evaluation.facts.gift?.issue;
  const rule = issue && issue !== 'returned-damaged' ? giftIssueRules[issue] : undefined;
  if (!rule) {
    const checked = evaluation.check(giftIssueRules['not-shipped']);
    return rejected(checked.applies ? 'R-GIFT-SHIPTIME' : 'R-GIFT-INDEPENDENT');
  }
  evaluation.check(rule);
  const value = evaluation.check(giftValueRule).value;
  return {
    resolution: 'partial-refund',
    decidingRuleId: rule.meta.id,
    freight: null,
    transitRisk: null,
    refundAmount: value,
  };
}

/** The seller says the buyer's return never arrived. */
export function returnNotReceived(evaluation: Evaluation): Outcome {
  const proof = evaluation.check(returnProofRule);
  if (proof.applies) {
    return {
      resolution: 'refund',
      decidingRuleId: signNonreceiptBurdenMeta.id,
      freight: null,
      transitRisk: null,
      burdenOfProof: [{ party: 'buyer', matter: '证明退货已送达卖家', ruleId: signNonreceiptBurdenMeta.id }],
    };
  }
  const breach = evaluation.check(retBreachRule);
  const atFault = breach.resolution === 'refund' ? 'seller' : 'buyer';
  return {
    resolution: breach.resolution,
    decidingRuleId: 'R-RET-BREACH',
    freight: freightFor(evaluation, { kind: 'return-failed', party: atFault }, { outbound: true, return: true }),
    transitRisk: breach.resolution === 'pay-seller' ? { leg: 'return', minor: 'buyer', destroyed: 'buyer', lost: 'buyer', ruleId: 'R-RET-BREACH' } : null,
    burdenOfProof: [{ party: 'buyer', matter: '证明退货已送达卖家', ruleId: signNonreceiptBurdenMeta.id }],
  };
}
