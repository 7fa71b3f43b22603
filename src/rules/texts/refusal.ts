import type { RuleTexts } from '../rule-meta.ts';
import { tb } from '../citations.ts';

/** What the rules of `refusal.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const refusalTexts: RuleTexts = {
  'R-REFUSE-SELLER-FAULT': {
    statement: '因表面不一致、违反发货规范、未约定到付、未约定自提或买家申请退款后发货而拒签的，支持退款，运费与风险由卖家承担。',
    sources: [tb(27), tb(31), tb(37), tb(50)],
  },
  'R-REFUSE-7DAY-ITEM': {
    statement: '支持七天无理由退货的商品被买家拒签成功的，支持退款，卖家应及时召回并承担损毁、灭失风险；运费按七天无理由运费规则处理。',
    sources: [tb(40), tb(53)],
  },
  'R-REFUSE-NON7DAY-ITEM': {
    statement:
      '买家无正当理由拒签不支持七天无理由且不宜拒签的商品：卖家拒收退回件的打款卖家、由买家召回；卖家已签收的可退款或再次发回（运费买家承担），不宜再发回的打款卖家。',
    sources: [tb(39)],
  },
};
