import { formatBeijingTime, addDays } from './beijing-time.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';
import type { Resolution } from './ruling.ts';

const both = ['2025-08-15', 'legacy'] as const;

export const orderOfSourcesMeta: RuleHead = {
  id: 'R-GEN-ORDER-OF-SOURCES',
  title: '约定优先，规则次之',
  kind: 'platform',
  area: 'general',
  editions: both,
  decides: true,
};

export const fakeTxnMeta: RuleHead = {
  id: 'R-FAKE-TXN',
  title: '虚假交易与套现',
  kind: 'platform',
  area: 'fake-transaction',
  editions: both,
  decides: true,
};

export const fakeTxnRule = defineRule(fakeTxnMeta, (read: FactReader) => {
  if (!read.fact('order.fakeTransaction')) return { applies: false, note: '不是虚假交易或套现。' };
  const completed = read.fact('order.completed');
  return {
    applies: true,
    resolution: (completed ? 'not-accepted' : 'refund') as Resolution,
    note: completed ? '虚假交易（或套现）且交易已成功，淘宝不予受理。' : '虚假交易（或套现）在交易成功前，做退款处理。',
  };
});

export const acceptExclusionsMeta: RuleHead = {
  id: 'R-ACCEPT-EXCLUSIONS',
  title: '不予受理的情形',
  kind: 'platform',
  area: 'acceptance',
  editions: both,
  decides: true,
};

/** A performed refund/return agreement that a party regrets is not reopened (第六条(三)). */
export const performedAgreementRule = defineRule(acceptExclusionsMeta, (read: FactReader) => {
  const performed = read.fact('agreement.performed');
  const regretted = performed ? read.fact('agreement.regretted') : false;
  const applies = performed && regretted;
  return {
    applies,
    note: applies ? '双方自行协商的协议已履行完毕，一方反悔再起争议，淘宝不予受理。' : '协议尚未履行完毕，或无人反悔。',
  };
});

export const acceptDeadlineMeta: RuleHead = {
  id: 'R-ACCEPT-DEADLINE',
  title: '维权受理期限',
  kind: 'platform',
  area: 'acceptance',
  editions: both,
  decides: true,
};

export const acceptDeadlineRule = defineRule(acceptDeadlineMeta, (read: FactReader) => {
  const days = read.parameters.acceptanceDeadlineDays;
  if (days === null) {
    return { applies: false, late: false, note: '受理期限天数规则原文未给出（参数未设置），不据此拒绝受理。' };
  }
  const reason = read.fact('claim.reason');
  const exempt = reason === 'not-received' || reason === 'quality' || reason === 'counterfeit';
  if (exempt) return { applies: false, late: false, note: '未收到货、质量问题、假冒商品的维权不受受理期限限制。' };
  const signedAt = read.fact('delivery.signedAt');
  const claimAt = read.fact('claim.at');
  const limit = addDays(signedAt, days);
  const late = claimAt > limit;
  return {
    applies: late,
    late,
    note: late ? `维权时间 ${formatBeijingTime(claimAt)} 已超过受理期限 ${formatBeijingTime(limit)}，不予受理。` : '在受理期限内。',
  };
});

export const agreementFirstMeta: RuleHead = {
  id: 'R-GEN-PARTIAL-REFUND',
  title: '折价（部分退款）须双方协商',
  kind: 'platform',
  area: 'general',
  editions: both,
  decides: true,
};

export const agreementRule = defineRule(orderOfSourcesMeta, (read: FactReader) => {
  const resolution = read.fact('agreement.resolution');
  const map = {
    refund: 'refund',
    'return-and-refund': 'return-and-refund',
    'partial-refund': 'partial-refund',
    exchange: 'exchange',
    resend: 'resend',
    repair: 'repair',
  } as const satisfies Record<string, Resolution>;
  return {
    applies: true,
    resolution: map[resolution] as Resolution,
    note: '双方已就处理方式达成一致，依约定处理（约定优先于规则）。',
  };
});

export const partialRefundClaimRule = defineRule(agreementFirstMeta, (read: FactReader) => {
  read.fact('claim.type');
  return {
    applies: false,
    note: '买家要求部分退款（折价），但双方没有达成协议；淘宝不强制折价，驳回这一诉求。买家可另以退货退款等平台规定的方式维权。',
  };
});

const findingMeta = (id: string, title: string, extra: Partial<RuleHead> = {}): RuleHead => ({
  id,
  title,
  kind: 'platform',
  area: 'general',
  editions: both,
  decides: true,
  ...extra,
});

export const badFaithMeta = findingMeta('R-GEN-BAD-FAITH', '大量劣质视为拒绝履约');
export const recallMeta = findingMeta('R-GEN-RECALL', '须召回的商品');
export const prohibitedMeta = findingMeta('R-GEN-PROHIBITED', '禁售商品');
export const bigDataMeta = findingMeta('R-GEN-BIGDATA', '平台大数据认定', { editions: ['2025-08-15'] });

const findingRule = (meta: RuleHead, resolution: Resolution, note: string) =>
  defineRule(meta, (read: FactReader) => {
    read.fact('platform.finding');
    if (!meta.editions.includes(read.edition)) {
      return { applies: false, resolution, note: '所选版本没有此条，仍按一般举证规则处理。' };
    }
    return { applies: true, resolution, note };
  });

/** One rule per platform finding (第十八、十九、二十、二十四条); `none` has no rule. */
export const platformFindingRules = {
  'bad-faith': findingRule(badFaithMeta, 'refund', '大量严重劣质、货不对板，视为卖家拒绝履约，支持退款。'),
  recall: findingRule(recallMeta, 'return-and-refund', '商品被曝光、通报或抽检确认须召回，支持退货退款。'),
  prohibited: defineRule(prohibitedMeta, (read: FactReader) => {
    read.fact('platform.finding');
    // 第二十条 says 视情形: goods that cannot or need not go back are simply refunded.
    const noReturn = read.fact('goods.virtualOrService') || read.fact('goods.cannotBeReturned');
    return {
      applies: true,
      resolution: (noReturn ? 'refund' : 'return-and-refund') as Resolution,
      note: noReturn
        ? '卖家出售禁售商品（服务），视情形处理：商品无法或无需退回，支持退款。'
        : '卖家出售禁售商品，视情形处理：商品可以退回，支持退货退款。',
    };
  }),
  'big-data': findingRule(bigDataMeta, 'return-and-refund', '平台基于大数据认定描述不当、混淆误导或伪劣，减轻买家举证，支持退货退款。'),
} as const;

export const generalProcedureMetas: readonly RuleHead[] = [
  {
    id: 'R-GEN-EVIDENCE',
    title: '举证与证据',
    kind: 'platform',
    area: 'general',
    editions: both,
    decides: false,
  },
  {
    id: 'R-GEN-INTERVENTION',
    title: '平台介入',
    kind: 'platform',
    area: 'general',
    editions: both,
    decides: false,
  },
  {
    id: 'R-GEN-DENIED-AGREEMENT',
    title: '否认补充协议',
    kind: 'platform',
    area: 'general',
    editions: both,
    decides: false,
  },
  {
    id: 'R-GEN-DEPOSIT',
    title: '定金罚则',
    kind: 'platform',
    area: 'general',
    editions: both,
    decides: false,
  },
];

export const penaltyPromiseMeta: RuleHead = {
  id: 'R-GEN-PENALTY-MAX',
  title: '承诺违约金就高',
  kind: 'platform',
  area: 'general',
  editions: both,
  decides: true,
};

/**
 * Extra compensation for a counterfeit: only what the seller itself promised (第十五条). No edition orders a default
 * multiple; a statutory 三倍 for fraud (消法第五十五条) is for a court, and 淘宝 does not accept such claims (第六条).
 */
export const penaltyPromiseRule = defineRule(penaltyPromiseMeta, (read: FactReader) => {
  const multiple = read.optional('issue.sellerPromisedMultiple');
  return {
    applies: multiple !== undefined,
    compensationMultiple: multiple,
    note:
      multiple !== undefined
        ? `卖家自己承诺过“假一赔${multiple}”，依第十五条应当兑现，按价款的 ${multiple} 倍赔付。`
        : '卖家没有承诺额外赔付；平台规则没有“假一赔三”的默认赔偿。买家主张法定赔偿（消法第五十五条）须向法院等主张，淘宝不予受理（第六条）。',
  };
});

export const lawFraudDamagesMeta: RuleHead = {
  id: 'R-LAW-FRAUD-DAMAGES',
  title: '欺诈的法定增加赔偿（由法院等认定）',
  kind: 'law',
  area: 'quality',
  editions: both,
  decides: false,
};

export const procedureMetas: readonly RuleHead[] = [
  {
    id: 'R-PROC-SUSPEND',
    title: '争议处理的中止与恢复',
    kind: 'platform',
    area: 'procedure',
    editions: both,
    decides: false,
  },
  {
    id: 'R-PROC-EXECUTE',
    title: '处理结果的执行',
    kind: 'platform',
    area: 'procedure',
    editions: both,
    decides: false,
  },
  {
    id: 'R-PROC-VERSION',
    title: '规则变更的适用',
    kind: 'platform',
    area: 'procedure',
    editions: both,
    decides: false,
  },
  {
    id: 'R-PROC-SELLER-METRIC',
    title: '卖家未依规处理计入服务指标',
    kind: 'platform',
    area: 'procedure',
    editions: both,
    decides: false,
  },
];

/** An agreed 折价: the platform enforces the amount the buyer accepted. */
export const partialRefundAgreedRule = defineRule(agreementFirstMeta, (read: FactReader) => {
  const amount = read.fact('agreement.amount');
  return { applies: true, amount, note: `双方协商一致部分退款 ${amount} 元，依约定执行。` };
});
