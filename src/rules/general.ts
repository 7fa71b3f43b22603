import { formatBeijingTime, addDays } from './beijing-time.ts';
import { cite, tb } from './citations.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleMeta } from './rule-meta.ts';
import type { Resolution } from './ruling.ts';

const both = ['2025-08-15', 'legacy'] as const;

export const orderOfSourcesMeta: RuleMeta = {
  id: 'R-GEN-ORDER-OF-SOURCES',
  title: '约定优先，规则次之',
  statement: '双方有约定的从约定；未约定的可补充协议；仍无法达成的按本规则处理，特别规定优先；仍无法确定责任的按交易习惯或支持退货退款。改变交易内容的约定（收件信息、运费、部分退款、送货安排）在阿里旺旺上达成并保留记录，淘宝才能据以认定。',
  kind: 'platform',
  area: 'general',
  sources: [tb(2), tb(7), tb(3)],
  editions: both,
  decides: true,
};

export const fakeTxnMeta: RuleMeta = {
  id: 'R-FAKE-TXN',
  title: '虚假交易与套现',
  statement: '买卖双方虚假交易或利用信用卡、花呗套现的：交易成功前做退款处理；交易成功后淘宝不予受理。',
  kind: 'platform',
  area: 'fake-transaction',
  sources: [tb(17), tb(6)],
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

export const acceptExclusionsMeta: RuleMeta = {
  id: 'R-ACCEPT-EXCLUSIONS',
  title: '不予受理的情形',
  statement: '逾期维权、订单与实际交易不符、已履行完毕的协商协议反悔、虚假交易或套现且交易成功、退款后卖家要求取回商品、主张额外损失或法定赔偿的，淘宝可不予受理。',
  kind: 'platform',
  area: 'acceptance',
  sources: [tb(6)],
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

export const acceptDeadlineMeta: RuleMeta = {
  id: 'R-ACCEPT-DEADLINE',
  title: '维权受理期限',
  statement: '买家应在淘宝规定的时限内在线维权；行政机关认定假冒或违禁、生效法律文书、能证明未收到货或有质量问题、卖家承诺更长售后期的，不受期限限制（天数为参数，规则原文未给出）。',
  kind: 'platform',
  area: 'acceptance',
  sources: [tb(4), tb(5)],
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

export const agreementFirstMeta: RuleMeta = {
  id: 'R-GEN-PARTIAL-REFUND',
  title: '折价（部分退款）须双方协商',
  statement: '部分退款是双方协商的结果：淘宝除赠品、组合商品、运费等规定的扣减外不强制折价；折价须买家同意，金额和方式在阿里旺旺上约定并保留记录，淘宝据此认定。',
  kind: 'platform',
  area: 'general',
  sources: [tb(6), tb(7), tb(3)],
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

const findingMeta = (id: string, title: string, statement: string, article: number, extra: Partial<RuleMeta> = {}): RuleMeta => ({
  id,
  title,
  statement,
  kind: 'platform',
  area: 'general',
  sources: [tb(article)],
  editions: both,
  decides: true,
  ...extra,
});

export const badFaithMeta = findingMeta(
  'R-GEN-BAD-FAITH',
  '大量劣质视为拒绝履约',
  '卖家交付的商品存在大量严重劣质、大量货不对板，经淘宝判断无履约意图的，视为拒绝履约，支持退款。',
  18,
);
export const recallMeta = findingMeta(
  'R-GEN-RECALL',
  '须召回的商品',
  '商品被媒体曝光、被行政部门通报，或经平台抽检确认描述不当、质量不合格须召回的，卖家应主动召回，支持退货退款。',
  19,
);
export const prohibitedMeta = findingMeta(
  'R-GEN-PROHIBITED',
  '禁售商品',
  '卖家出售禁售商品或提供禁售服务的，视情形退款或退货退款。',
  20,
);
export const bigDataMeta = findingMeta(
  'R-GEN-BIGDATA',
  '平台大数据认定',
  '淘宝基于大数据（商品处置、店铺指标、客诉）判断商品存在描述不当、混淆误导、伪劣的，减轻买家举证，支持退货退款。',
  24,
  {
    editions: ['2025-08-15'],
    editionNotes: [{ edition: 'legacy', summary: '旧版没有此条：买家仍须按一般举证规则证明描述不当或伪劣。' }],
  },
);

const findingRule = (meta: RuleMeta, resolution: Resolution, note: string) =>
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

export const generalProcedureMetas: readonly RuleMeta[] = [
  {
    id: 'R-GEN-EVIDENCE',
    title: '举证与证据',
    statement: '双方按本规则举证；规则未规定或账号异常时由淘宝分配举证责任；淘宝基于普通人的认知认定，并可向第三方核实。',
    kind: 'platform',
    area: 'general',
    sources: [tb(3), tb(8), tb(9), tb(16)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-GEN-INTERVENTION',
    title: '平台介入',
    statement: '买家维权或任一方投诉的，淘宝依本规则处理；店铺异常大量维权时淘宝可主动介入；部分争议可交大众评审。',
    kind: 'platform',
    area: 'general',
    sources: [tb(2)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-GEN-DENIED-AGREEMENT',
    title: '否认补充协议',
    statement: '双方达成补充协议但一方否认的，主张协议无效的一方应举证，否则承担不利后果；协议在阿里旺旺上达成并保留的聊天记录是最直接的凭证。',
    kind: 'platform',
    area: 'general',
    sources: [tb(12), tb(3)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-GEN-DEPOSIT',
    title: '定金罚则',
    statement: '定金类交易适用定金罚则。',
    kind: 'platform',
    area: 'general',
    sources: [tb(14)],
    editions: both,
    decides: false,
  },
];

export const penaltyPromiseMeta: RuleMeta = {
  id: 'R-GEN-PENALTY-MAX',
  title: '承诺违约金就高',
  statement: '卖家就特定违约行为承诺赔付违约金的应当赔付；与平台规定数额不一致的，就高。平台规则本身没有“假一赔三”等默认赔偿：额外赔偿只来自卖家自己的承诺，或由法院等依法判定（消法第五十五条）。',
  kind: 'platform',
  area: 'general',
  sources: [tb(15)],
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

export const lawFraudDamagesMeta: RuleMeta = {
  id: 'R-LAW-FRAUD-DAMAGES',
  title: '欺诈的法定增加赔偿（由法院等认定）',
  statement: '经营者有欺诈行为的，消费者可要求增加赔偿价款的三倍（不足五百元的为五百元）；这是法院或行政机关依法认定的赔偿，不是平台争议处理的默认结果，淘宝对主张法定赔偿的维权不予受理。',
  kind: 'law',
  area: 'quality',
  sources: [cite('consumerLaw', 55), tb(6)],
  editions: both,
  decides: false,
};

export const procedureMetas: readonly RuleMeta[] = [
  {
    id: 'R-PROC-SUSPEND',
    title: '争议处理的中止与恢复',
    statement: '双方一致要求或一方拟诉讼、报案的，中止处理；30 日内未自行处理、7 个工作日内未提供受理凭证、撤诉、判决生效或公安六个月无结论的，恢复处理。',
    kind: 'platform',
    area: 'procedure',
    sources: [tb(82), tb(83)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-PROC-EXECUTE',
    title: '处理结果的执行',
    statement: '淘宝通知支付机构按处理结果支付款项，必要时划拨保证金；余额不足的由双方另行解决；对处理有异议的可向法院起诉。',
    kind: 'platform',
    area: 'procedure',
    sources: [tb(84), tb(85), tb(86), tb(87), tb(93)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-PROC-VERSION',
    title: '规则变更的适用',
    statement: '规则生效或变更后尚未处理完结的交易，适用生效或变更后的规则。',
    kind: 'platform',
    area: 'procedure',
    sources: [tb(92)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-PROC-SELLER-METRIC',
    title: '卖家未依规处理计入服务指标',
    statement: '卖家未依法律或平台规则处理买家维权或投诉的，视为卖家有责，计入服务体验指标。',
    kind: 'platform',
    area: 'procedure',
    sources: [tb(91)],
    editions: both,
    decides: false,
  },
];

/** An agreed 折价: the platform enforces the amount the buyer accepted. */
export const partialRefundAgreedRule = defineRule(agreementFirstMeta, (read: FactReader) => {
  const amount = read.fact('agreement.amount');
  return { applies: true, amount, note: `双方协商一致部分退款 ${amount} 元，依约定执行。` };
});
