import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

export const giftValueMeta: RuleHead = {
  id: 'R-GIFT-VALUE',
  title: '赠品价值的计算',
  kind: 'platform',
  area: 'gift',
  editions: both,
  decides: true,
};

export const giftValueRule = defineRule(giftValueMeta, (read: FactReader) => {
  const declared = read.optional('gift.declaredValue');
  const value = declared ?? read.fact('gift.marketValue');
  return {
    applies: true,
    value,
    note: declared !== undefined ? `赠品按卖家声明价值 ${value} 元计算。` : `卖家未声明赠品价值，按市场公允价 ${value} 元计算。`,
  };
});

export const giftIndependentMeta: RuleHead = {
  id: 'R-GIFT-INDEPENDENT',
  title: '赠品争议不影响主商品',
  kind: 'platform',
  area: 'gift',
  editions: both,
  decides: true,
};

export const giftIndependentRule = defineRule(giftIndependentMeta, (read: FactReader) => {
  const status = read.fact('delivery.status');
  const signed = status === 'signed';
  return {
    applies: signed,
    note: signed ? '买家已签收主商品，赠品争议单独处理，不影响主商品交易。' : '买家尚未签收主商品，赠品争议随主商品一并处理。',
  };
});

export const giftClarityMeta: RuleHead = {
  id: 'R-GIFT-CLARITY',
  title: '赠品描述含混按有利于消费者认定',
  kind: 'platform',
  area: 'gift',
  editions: both,
  decides: true,
};

export const giftLicenseMeta: RuleHead = {
  id: 'R-GIFT-LICENSE',
  title: '需资质的赠品',
  kind: 'platform',
  area: 'gift',
  editions: both,
  decides: true,
};

export const giftShipTimeMeta: RuleHead = {
  id: 'R-GIFT-SHIPTIME',
  title: '赠品与主商品同时发货',
  kind: 'platform',
  area: 'gift',
  editions: both,
  decides: true,
};

const giftIssueRule = (meta: RuleHead, issue: 'not-shipped' | 'unlicensed' | 'ambiguous-description', note: string) =>
  defineRule(meta, (read: FactReader) => {
    const actual = read.fact('gift.issue');
    return { applies: actual === issue, note: actual === issue ? note : '不是本条所说的赠品问题。' };
  });

/** The rule for each gift problem; every one of them pays the buyer the gift's value (部分退款). */
export const giftIssueRules = {
  'not-shipped': giftIssueRule(giftShipTimeMeta, 'not-shipped', '赠品未随主商品同时发出（或缺货），按赠品价值依延迟发货、缺货规则处理，部分退款。'),
  unlicensed: giftIssueRule(giftLicenseMeta, 'unlicensed', '赠品需要法定售卖资质而卖家没有，买家可要求按赠品价值退还价款。'),
  'ambiguous-description': giftIssueRule(
    giftClarityMeta,
    'ambiguous-description',
    '赠品描述含混，按有利于买家的理解认定；卖家未按此履行，按赠品价值部分退款。',
  ),
} as const;

export const giftProcedureMetas: readonly RuleHead[] = [
  {
    id: 'R-GIFT-DEF',
    title: '赠品与组合商品的定义',
    kind: 'platform',
    area: 'gift',
    editions: both,
    decides: false,
  },
  {
    id: 'R-GIFT-NEGOTIATE',
    title: '由双方协商的赠品退货',
    kind: 'platform',
    area: 'gift',
    editions: both,
    decides: false,
  },
];
