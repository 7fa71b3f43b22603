import { cite, tb } from './citations.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleMeta } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

export const giftValueMeta: RuleMeta = {
  id: 'R-GIFT-VALUE',
  title: '赠品价值的计算',
  statement: '赠品价值按卖家事先声明的价值计算；未声明的，由淘宝参照市场公允价格酌定。',
  kind: 'platform',
  area: 'gift',
  sources: [tb(63)],
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

export const giftIndependentMeta: RuleMeta = {
  id: 'R-GIFT-INDEPENDENT',
  title: '赠品争议不影响主商品',
  statement: '买家签收交易商品后，赠品的争议处理结果不影响交易商品的争议处理。',
  kind: 'platform',
  area: 'gift',
  sources: [tb(59)],
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

export const giftClarityMeta: RuleMeta = {
  id: 'R-GIFT-CLARITY',
  title: '赠品描述含混按有利于消费者认定',
  statement: '卖家应明示赠品的品种、规格、数量等；表述含混不清或有歧义的，按有利于消费者的原则认定。',
  kind: 'platform',
  area: 'gift',
  sources: [tb(56), cite('advertisingLaw', 8)],
  editions: both,
  decides: true,
};

export const giftLicenseMeta: RuleMeta = {
  id: 'R-GIFT-LICENSE',
  title: '需资质的赠品',
  statement: '赠品本身需要法定售卖资质（如食品）的，卖家须具备资质方可附赠，否则买家可要求按赠品价值退还价款。',
  kind: 'platform',
  area: 'gift',
  sources: [tb(57)],
  editions: both,
  decides: true,
};

export const giftShipTimeMeta: RuleMeta = {
  id: 'R-GIFT-SHIPTIME',
  title: '赠品与主商品同时发货',
  statement: '赠品或组合商品的子商品应与交易商品同时发货；延迟发货或缺货的，按其价值依延迟发货、缺货规则处理。',
  kind: 'platform',
  area: 'gift',
  sources: [tb(58), tb(60)],
  editions: both,
  decides: true,
};

const giftIssueRule = (meta: RuleMeta, issue: 'not-shipped' | 'unlicensed' | 'ambiguous-description', note: string) =>
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

export const giftProcedureMetas: readonly RuleMeta[] = [
  {
    id: 'R-GIFT-DEF',
    title: '赠品与组合商品的定义',
    statement: '赠品是以购买交易商品为前提、卖家承诺或双方约定赠予的物品或服务，合法有奖销售的奖品视为赠品；组合商品由两个及以上商品组成。',
    kind: 'platform',
    area: 'gift',
    sources: [tb(55)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-GIFT-NEGOTIATE',
    title: '由双方协商的赠品退货',
    statement: '卖家违反赠品规范且买家要求退还赠品价款、卖家过错致交易退款或退货退款、或赠品依其性质不宜退回的，赠品退货由双方协商。',
    kind: 'platform',
    area: 'gift',
    sources: [tb(62)],
    editions: both,
    decides: false,
  },
];
