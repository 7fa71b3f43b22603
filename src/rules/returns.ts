import { tb } from './citations.ts';
import type { EditionId } from './editions.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleMeta } from './rule-meta.ts';
import { citeSecondary } from './citations.ts';
import type { Party, Resolution } from './ruling.ts';

const both = ['2025-08-15', 'legacy'] as const;

/** What puts the return-transit risk where it is. */
export type ReturnRiskBasis = 'default' | 'seller-all' | 'minor-defect';

/**
 * Who bears 破损 / 损毁 / 灭失 after the buyer hands the return to the carrier (第十一、六十八、七十、七十八、八十一条).
 * Default: 破损 seller, 损毁/灭失 buyer; the older wording put all three on the buyer.
 */
export function returnTransitRisk(basis: ReturnRiskBasis, edition: EditionId): { minor: Party; destroyed: Party; lost: Party } {
  if (basis === 'seller-all') return { minor: 'seller', destroyed: 'seller', lost: 'seller' };
  if (basis === 'default' && edition === 'legacy') return { minor: 'buyer', destroyed: 'buyer', lost: 'buyer' };
  return { minor: 'seller', destroyed: 'buyer', lost: 'buyer' };
}

export const retRiskDefaultMeta: RuleMeta = {
  id: 'R-RET-RISK-DEFAULT',
  title: '退货途中的风险（一般情形）',
  statement: '退货退款或卖家无确切证据有责而同意退货的，买家将退货交给承运人后，破损风险由卖家承担，损毁、灭失风险由买家承担（买家可向承运人求偿）。',
  kind: 'platform',
  area: 'return',
  sources: [tb(11)],
  editions: both,
  editionNotes: [
    {
      edition: 'legacy',
      summary: '旧版措辞：卖家无证据有责而同意退货的，退货途中的破损、损毁、灭失风险全部由买家承担。',
      source: citeSecondary('旧版争议处理规则（第三方协议转载）', '四§5.6', '退货途中商品破损、损毁、灭失的风险由买家承担'),
    },
  ],
  decides: true,
};

export const retRiskSellerFaultMeta: RuleMeta = {
  id: 'R-RET-RISK-SELLER-FAULT',
  title: '卖家责任时退货途中的风险',
  statement: '质量问题致合同目的不能实现、签收时即破损、描述不当致无法使用核心功能的，退货途中的破损、损毁、灭失风险都由卖家承担；瑕疵未影响合同目的的，破损归卖家，损毁、灭失则打款卖家。',
  kind: 'platform',
  area: 'return',
  sources: [tb(68), tb(70), tb(78), tb(81)],
  editions: both,
  decides: true,
};

const riskNames = { minor: '破损', destroyed: '损毁', lost: '灭失' } as const;
const partyNames: Record<Party, string> = { buyer: '买家', seller: '卖家' };

/** Applies the return-leg risk to what actually happened in transit; `damagedResolution` is set when it matters. */
export const returnRiskRule = (meta: RuleMeta) =>
  defineRule(meta, (read: FactReader, basis: ReturnRiskBasis) => {
    const risk = returnTransitRisk(basis, read.edition);
    const damage = read.optional('returnLeg.transitDamage');
    const split = `破损归${partyNames[risk.minor]}，损毁归${partyNames[risk.destroyed]}，灭失归${partyNames[risk.lost]}`;
    if (damage === undefined || damage === 'none') return { applies: true, risk, note: `退货途中风险：${split}。` };
    const bearer = risk[damage];
    const damagedResolution: Resolution = bearer === 'seller' ? 'refund' : 'pay-seller';
    return {
      applies: true,
      risk,
      damagedResolution,
      note: `退货途中商品${riskNames[damage]}，风险由${partyNames[bearer]}承担（${split}），${bearer === 'seller' ? '支持退款，卖家向承运人求偿' : '支持打款卖家，买家向承运人求偿'}。`,
    };
  });

export const retRiskDefaultRule = returnRiskRule(retRiskDefaultMeta);
export const retRiskSellerFaultRule = returnRiskRule(retRiskSellerFaultMeta);

export const retNoReturnNeededMeta: RuleMeta = {
  id: 'R-RET-NO-RETURN-NEEDED',
  title: '卖家责任时无需退货的情形',
  statement: '因卖家责任支持退货退款，若双方协商一致退款、属于无法或无需退回的虚拟商品或服务、或商品无法退还且交易目的完全无法实现的，支持退款，买家无需退货。',
  kind: 'platform',
  area: 'return',
  sources: [tb(21)],
  editions: both,
  decides: true,
};

export const retNoReturnNeededRule = defineRule(retNoReturnNeededMeta, (read: FactReader) => {
  const virtual = read.optional('goods.virtualOrService') === true;
  const cannot = read.optional('goods.cannotBeReturned') === true;
  const applies = virtual || cannot;
  return {
    applies,
    note: applies
      ? virtual
        ? '商品为无法或无需退回的虚拟商品或服务，直接支持退款。'
        : '商品无法退还且交易目的完全无法实现，直接支持退款。'
      : '商品可以退回，需要先退货再退款。',
  };
});

export const retBreachMeta: RuleMeta = {
  id: 'R-RET-BREACH',
  title: '违反退货规范的后果',
  statement: '卖家违反退换货规范致买家无法退货的，支持退款；买家违反退换货规范致卖家未收到退货或拒签的，支持打款，买家承担损毁、灭失风险。',
  kind: 'platform',
  area: 'return',
  sources: [tb(47), tb(48)],
  editions: both,
  decides: true,
};

export const retBreachRule = defineRule(retBreachMeta, (read: FactReader) => {
  const cause = read.fact('returnLeg.failureCause');
  const results = {
    'buyer-breach': { resolution: 'pay-seller', note: '买家违反退货规范导致卖家未收到退货，支持打款卖家，买家承担损毁、灭失风险。' },
    'seller-breach': { resolution: 'refund', note: '卖家违反退货规范导致买家无法完成退货，支持退款。' },
    unknown: { resolution: 'pay-seller', note: '买家无法证明退货已送达卖家，举证无效，支持打款卖家。' },
  } as const;
  return { applies: cause !== 'unknown', ...results[cause] };
});

export const remedyChoiceMeta: RuleMeta = {
  id: 'R-REMEDY-CHOICE',
  title: '表面不一致属实后的补救方式',
  statement: '买家已证明签收时存在表面不一致的，可视商品性质与损失大小选择补寄、换货或退货；卖家拒绝的，支持退货退款。卖家证明签收时不存在表面不一致的，支持打款。',
  kind: 'platform',
  area: 'return',
  sources: [tb(79), tb(80)],
  editions: both,
  decides: true,
};

const remedyNames: Record<string, string> = { resend: '补寄', exchange: '换货', 'return-and-refund': '退货退款', refund: '退还缺少商品的货款' };

const remedyByClaim: Partial<Record<string, Resolution>> = {
  resend: 'resend',
  exchange: 'exchange',
  'return-and-refund': 'return-and-refund',
};

export const remedyChoiceRule = defineRule(remedyChoiceMeta, (read: FactReader) => {
  const claimType = read.fact('claim.type');
  const refuses = read.optional('issue.sellerRefusesRemedy') === true;
  const kind = read.optional('issue.mismatchKind');
  // Missing goods cannot be sent back: asking for the money for them is 退款, with nothing to return.
  const nothingToReturn = claimType === 'refund-only' && (kind === 'missing-items' || kind === 'empty-parcel');
  const chosen = nothingToReturn ? 'refund' : (remedyByClaim[claimType] ?? 'return-and-refund');
  const resolution: Resolution = refuses && !nothingToReturn ? 'return-and-refund' : chosen;
  return {
    applies: true,
    resolution,
    options: ['resend', 'exchange', 'return-and-refund'] as const satisfies readonly Resolution[],
    note: refuses
      ? '表面不一致属实而卖家拒绝补救，支持退货退款。'
      : `表面不一致属实，买家可在补寄、换货、退货中选择；本案买家要求${remedyNames[chosen]}。`,
  };
});

export const returnProcedureMetas: readonly RuleMeta[] = [
  {
    id: 'R-RET-ADDRESS',
    title: '退货地址',
    statement: '卖家应确保默认退货地址正确；达成协议后指定其他地址须经买家同意，否则买家可按系统地址退货，无法送达的风险由卖家承担。',
    kind: 'platform',
    area: 'return',
    sources: [tb(41), tb(42)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-DEADLINE',
    title: '按时退货',
    statement: '线下达成退货协议的，买家应在系统规定的退货时间内退货；超时后就同一问题再次要求退货的，须与卖家协商一致。',
    kind: 'platform',
    area: 'return',
    sources: [tb(43)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-CARRIER',
    title: '退货使用同类承运人',
    statement: '买家退货应采用与卖家发货时相同类型的承运人。',
    kind: 'platform',
    area: 'return',
    sources: [tb(44)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-TRACKING',
    title: '及时填写退货单号',
    statement: '买家退货后应及时填写承运单号或告知卖家；卖家签收时仍不知单号而主张表面不一致的，由淘宝分配举证责任。',
    kind: 'platform',
    area: 'return',
    sources: [tb(45)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-ASSIST',
    title: '大件退回的协助义务',
    statement: '因卖家责任退货、换货或维修而商品客观上难以退回的，卖家应提供必要协助，买家应合理配合。',
    kind: 'platform',
    area: 'return',
    sources: [tb(22)],
    editions: both,
    decides: false,
  },
];
