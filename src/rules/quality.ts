import { calendarDaysBetween } from './beijing-time.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';
import type { Resolution } from './ruling.ts';

const both = ['2025-08-15', 'legacy'] as const;

/** Outcome of a burden-of-proof chain: established, rejected (打款), or unproven either way (退货退款). */
export type ProofResult = 'established' | 'not-established' | 'seller-cannot-prove-source';

export const qualVisibleMeta: RuleHead = {
  id: 'R-QUAL-VISIBLE',
  title: '肉眼可识别的质量问题的举证',
  kind: 'platform',
  area: 'quality',
  editions: both,
  decides: true,
};

export const qualVisibleRule = defineRule(qualVisibleMeta, (read: FactReader) => {
  if (!read.fact('issue.buyerProof')) {
    return { applies: true, result: 'not-established' as ProofResult, note: '买家没有提供照片等初步凭证，质量问题不成立，支持打款卖家。' };
  }
  if (!read.fact('issue.sellerRebuttal')) {
    return { applies: true, result: 'established' as ProofResult, note: '买家提供了初步凭证，卖家未作出合理解释或反证，认定质量问题属实。' };
  }
  const report = read.fact('issue.buyerTestReport');
  return {
    applies: true,
    result: (report ? 'established' : 'not-established') as ProofResult,
    note: report
      ? '卖家提出反证后，买家提供了有效质检凭证，认定质量问题属实。'
      : '卖家提出有效反证，买家无法提供质检凭证，支持打款卖家。',
  };
});

/** Whether the claimed problem is visible decides who proves first (第六十五条 vs 第六十六条). */
export const qualVisibilityRule = defineRule(qualVisibleMeta, (read: FactReader) => {
  const visible = read.fact('issue.visible');
  return {
    applies: visible,
    note: visible ? '质量问题肉眼可识别，由买家先提供初步凭证。' : '质量问题肉眼不可识别，由卖家先提供来源与合规凭证。',
  };
});

export const qualInvisibleMeta: RuleHead = {
  id: 'R-QUAL-INVISIBLE-OR-FAKE',
  title: '肉眼不可识别的质量问题或假冒商品的举证',
  kind: 'platform',
  area: 'quality',
  editions: both,
  decides: true,
};

export const qualInvisibleRule = defineRule(qualInvisibleMeta, (read: FactReader) => {
  if (!read.fact('issue.sellerRebuttal')) {
    // A buyer who already holds a test or appraisal report has proved the problem outright; without one, the
    // seller's missing papers only support 退货退款.
    if (read.optional('issue.buyerTestReport') === true) {
      return {
        applies: true,
        result: 'established' as ProofResult,
        note: '卖家无法提供来源或合规凭证，买家已提供有效质检或鉴定凭证，认定问题属实。',
      };
    }
    return {
      applies: true,
      result: 'seller-cannot-prove-source' as ProofResult,
      note: '卖家无法提供经销凭证、合格证等来源或合规凭证，支持退货退款。',
    };
  }
  const report = read.fact('issue.buyerTestReport');
  return {
    applies: true,
    result: (report ? 'established' : 'not-established') as ProofResult,
    note: report
      ? '卖家提供了来源凭证，买家也提供了有效质检或鉴定凭证，认定问题属实。'
      : '卖家提供了来源凭证，买家无法提供质检或鉴定凭证，支持打款卖家。',
  };
});

export const qualRemedyMeta: RuleHead = {
  id: 'R-QUAL-REMEDY',
  title: '质量问题属实后的处理',
  kind: 'platform',
  area: 'quality',
  editions: both,
  decides: true,
};

const remedyByClaim: Partial<Record<string, Resolution>> = { exchange: 'exchange', repair: 'repair' };

export const qualRemedyRule = defineRule(qualRemedyMeta, (read: FactReader) => {
  const claimType = read.fact('claim.type');
  const resolution = remedyByClaim[claimType] ?? 'return-and-refund';
  const names = { exchange: '更换', repair: '维修', 'return-and-refund': '退货退款' } as const;
  return {
    applies: true,
    resolution,
    note: `质量问题属实，按买家诉求${names[resolution as keyof typeof names]}，来回运费由卖家承担。`,
  };
});

export const lawThreeGuaranteesMeta: RuleHead = {
  id: 'R-LAW-3BAO',
  title: '三包商品的退换修',
  kind: 'law',
  area: 'quality',
  editions: both,
  decides: true,
};

/** Remedies open to the buyer of 三包 goods `days` after delivery (三包 counts from sale; delivery stands in online). */
export function threeGuaranteesOptions(days: number, returnDays: number, exchangeDays: number): readonly Resolution[] {
  if (days <= returnDays) return ['return-and-refund', 'exchange', 'repair'];
  if (days <= exchangeDays) return ['exchange', 'repair'];
  return ['repair'];
}

export const lawThreeGuaranteesRule = defineRule(lawThreeGuaranteesMeta, (read: FactReader) => {
  const signedAt = read.fact('delivery.signedAt');
  const claimAt = read.fact('claim.at');
  const days = calendarDaysBetween(signedAt, claimAt);
  const { threeGuaranteesReturnDays: returnDays, threeGuaranteesExchangeDays: exchangeDays } = read.parameters;
  const options = threeGuaranteesOptions(days, returnDays, exchangeDays);
  const claimType = read.fact('claim.type');
  const wanted: Resolution = claimType === 'exchange' ? 'exchange' : claimType === 'repair' ? 'repair' : 'return-and-refund';
  const resolution = options.includes(wanted) ? wanted : options[0]!;
  const names = { 'return-and-refund': '退货', exchange: '换货', repair: '修理' } as const;
  const open = options.map((option) => names[option as keyof typeof names]).join('、');
  return {
    applies: true,
    options,
    resolution,
    note: `三包商品签收后第 ${days} 天报修，可选择${open}；${resolution === wanted ? '买家的诉求在可选范围内' : `买家要求的${names[wanted as keyof typeof names]}已超出期限，只能${names[resolution as keyof typeof names]}`}。`,
  };
});

export const fakeRefundMeta: RuleHead = {
  id: 'R-FAKE-REFUND',
  title: '假冒商品支持退款',
  kind: 'platform',
  area: 'quality',
  editions: both,
  decides: true,
};

export const fakeRefundRule = defineRule(fakeRefundMeta, (read: FactReader) => {
  const personal = read.fact('issue.personalConsumption');
  return {
    applies: personal,
    note: personal
      ? '假冒属实且买家为生活消费购买，支持退款，买家无需退货。'
      : '买家不是为生活消费购买，不适用假货直接退款，按质量问题处理为退货退款。',
  };
});

export const testFeeMeta: RuleHead = {
  id: 'R-TEST-FEE',
  title: '检测费用的承担',
  kind: 'platform',
  area: 'quality',
  editions: both,
  decides: true,
};

export const testFeeRule = defineRule(testFeeMeta, (read: FactReader) => {
  const requested = read.fact('platform.requestedTest');
  if (!requested) return { applies: true, testFee: 'negotiate' as const, note: '不是应淘宝要求送检，检测费由双方自行协商。' };
  const confirmed = read.fact('platform.testConfirmedProblem');
  if (confirmed) return { applies: true, testFee: 'seller' as const, note: '应淘宝要求送检并证实质量问题，检测费由卖家承担。' };
  const fee = read.parameters.unconfirmedTestFee;
  const names = { buyer: '买家承担', seller: '卖家承担', negotiate: '双方协商' } as const;
  return {
    applies: true,
    testFee: fee,
    note: `应淘宝要求送检但未证实质量问题：第七十一、七十二条没有规定这种情形谁付检测费，按本站默认参数 unconfirmedTestFee 处理，即${names[fee]}（负责人可修改）。`,
  };
});

export const qualityLawMetas: readonly RuleHead[] = [
  {
    id: 'R-LAW-QUALITY-7DAY',
    title: '不符合质量要求的商品的法定退货',
    kind: 'law',
    area: 'quality',
    editions: both,
    decides: false,
  },
  {
    id: 'R-LAW-DURABLE-BURDEN',
    title: '耐用商品六个月内瑕疵由经营者举证',
    kind: 'law',
    area: 'quality',
    editions: both,
    decides: false,
  },
];
