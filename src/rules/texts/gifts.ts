import type { RuleTexts } from '../rule-meta.ts';
import { cite, tb } from '../citations.ts';

/** What the rules of `gifts.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const giftsTexts: RuleTexts = {
  'R-GIFT-VALUE': {
    statement: '赠品价值按卖家事先声明的价值计算；未声明的，由淘宝参照市场公允价格酌定。',
    sources: [tb(63)],
  },
  'R-GIFT-INDEPENDENT': {
    statement: '买家签收交易商品后，赠品的争议处理结果不影响交易商品的争议处理。',
    sources: [tb(59)],
  },
  'R-GIFT-CLARITY': {
    statement: '卖家应明示赠品的品种、规格、数量等；表述含混不清或有歧义的，按有利于消费者的原则认定。',
    sources: [tb(56), cite('advertisingLaw', 8)],
  },
  'R-GIFT-LICENSE': {
    statement: '赠品本身需要法定售卖资质（如食品）的，卖家须具备资质方可附赠，否则买家可要求按赠品价值退还价款。',
    sources: [tb(57)],
  },
  'R-GIFT-SHIPTIME': {
    statement: '赠品或组合商品的子商品应与交易商品同时发货；延迟发货或缺货的，按其价值依延迟发货、缺货规则处理。',
    sources: [tb(58), tb(60)],
  },
  'R-GIFT-DEF': {
    statement: '赠品是以购买交易商品为前提、卖家承诺或双方约定赠予的物品或服务，合法有奖销售的奖品视为赠品；组合商品由两个及以上商品组成。',
    sources: [tb(55)],
  },
  'R-GIFT-NEGOTIATE': {
    statement: '卖家违反赠品规范且买家要求退还赠品价款、卖家过错致交易退款或退货退款、或赠品依其性质不宜退回的，赠品退货由双方协商。',
    sources: [tb(62)],
  },
};
