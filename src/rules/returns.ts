import type { EditionId } from './editions.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';
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

export const retRiskDefaultMeta: RuleHead = {
  id: 'R-RET-RISK-DEFAULT',
  title: '退货途中的风险（一般情形）',
  kind: 'platform',
  area: 'return',
  editions: both,
  decides: true,
};

export const retRiskSellerFaultMeta: RuleHead = {
  id: 'R-RET-RISK-SELLER-FAULT',
  title: '卖家责任时退货途中的风险',
  kind: 'platform',
  area: 'return',
  editions: both,
  decides: true,
};

const riskNames = { minor: '破损', destroyed: '损毁', lost: '灭失' } as const;
const partyNames: Record<Party, string> = { buyer: '买家', seller: '卖家' };

/** Applies the return-leg risk to what actually happened in transit; `damagedResolution` is set when it matters. */
export const returnRiskRule = (meta: RuleHead) =>
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

export const retNoReturnNeededMeta: RuleHead = {
  id: 'R-RET-NO-RETURN-NEEDED',
  title: '卖家责任时无需退货的情形',
  kind: 'platform',
  area: 'return',
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

export const retBreachMeta: RuleHead = {
  id: 'R-RET-BREACH',
  title: '违反退货规范的后果',
  kind: 'platform',
  area: 'return',
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

export const remedyChoiceMeta: RuleHead = {
  id: 'R-REMEDY-CHOICE',
  title: '表面不一致属实后的补救方式',
  kind: 'platform',
  area: 'return',
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

export const returnProcedureMetas: readonly RuleHead[] = [
  {
    id: 'R-RET-ADDRESS',
    title: '退货地址',
    kind: 'platform',
    area: 'return',
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-DEADLINE',
    title: '按时退货',
    kind: 'platform',
    area: 'return',
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-CARRIER',
    title: '退货使用同类承运人',
    kind: 'platform',
    area: 'return',
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-TRACKING',
    title: '及时填写退货单号',
    kind: 'platform',
    area: 'return',
    editions: both,
    decides: false,
  },
  {
    id: 'R-RET-ASSIST',
    title: '大件退回的协助义务',
    kind: 'platform',
    area: 'return',
    editions: both,
    decides: false,
  },
];
