import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

export const refuseSellerFaultMeta: RuleHead = {
  id: 'R-REFUSE-SELLER-FAULT',
  title: '因卖家原因拒签',
  kind: 'platform',
  area: 'refusal',
  editions: both,
  decides: true,
};

/** `breaches` are the ids of the 发货规范 rules the seller broke. */
export const refuseSellerFaultRule = defineRule(refuseSellerFaultMeta, (read: FactReader, breaches: readonly string[]) => {
  const reason = read.fact('delivery.refusal.reason');
  const sellerFault = breaches.length > 0;
  return {
    applies: sellerFault,
    note: sellerFault
      ? `买家因卖家违反发货规范（${breaches.join('、')}）拒签，支持退款，运费与风险由卖家承担。`
      : reason === 'seller-breach'
        ? '买家称因卖家违规拒签，但事实中没有卖家违反发货规范的情形，按无理由拒签处理。'
        : '拒签不是卖家原因造成的。',
  };
});

export const refuseSevenDayItemMeta: RuleHead = {
  id: 'R-REFUSE-7DAY-ITEM',
  title: '支持七天无理由商品的无理由拒签',
  kind: 'platform',
  area: 'refusal',
  editions: both,
  decides: true,
};

export const refuseSevenDayItemRule = defineRule(refuseSevenDayItemMeta, (read: FactReader) => {
  const reason = read.fact('delivery.refusal.reason');
  return {
    applies: true,
    note: `${reason === 'no-reason' ? '买家无理由拒签' : '拒签不能归责于卖家'}支持七天无理由退货的商品，拒签成功即支持退款；卖家应及时召回并承担损毁、灭失风险，运费按七天无理由规则承担。`,
  };
});

export const refuseNonSevenDayItemMeta: RuleHead = {
  id: 'R-REFUSE-NON7DAY-ITEM',
  title: '不支持七天无理由商品的无理由拒签',
  kind: 'platform',
  area: 'refusal',
  editions: both,
  decides: true,
};

export const refuseNonSevenDayItemRule = defineRule(refuseNonSevenDayItemMeta, (read: FactReader) => {
  const outcome = read.fact('delivery.refusal.returnedOutcome');
  const results = {
    'seller-refused': { resolution: 'pay-seller', note: '商品退回后卖家拒收，支持打款卖家，由买家召回商品并承担毁损、灭失风险。' },
    'seller-signed-refunded': { resolution: 'refund', note: '卖家签收了退回的商品并选择退款。' },
    'seller-signed-resent': { resolution: 'resend', note: '卖家签收后选择把商品再次发回，发回运费由买家承担，发回后的破损风险由买家承担。' },
    'unfit-to-resend': { resolution: 'pay-seller', note: '商品性质已不适宜再次发回，支持打款卖家。' },
  } as const;
  return { applies: true, ...results[outcome] };
});
