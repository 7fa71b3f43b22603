import type { RuleTexts } from '../rule-meta.ts';
import { cite, tb } from '../citations.ts';

/** What the rules of `signing.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const signingTexts: RuleTexts = {
  'R-SIGN-RISK': {
    statement: '卖家将商品交付承运人后、买家签收前，商品风险由卖家承担。',
    sources: [tb(10), cite('ecommerceLaw', 20)],
  },
  'R-SIGN-WHO': {
    statement: '收件人本人签收、其委托的人签收、或承运人按收件人指示放在指定地点的，视为本人签收；其他情形不构成有效签收。',
    sources: [tb(36), cite('ecommerceLaw', 52)],
  },
  'R-SIGN-NONRECEIPT-BURDEN': {
    statement: '买家主张未收到商品（或卖家主张未收到退货）的，由相对方举证；举证无效的，支持退款买家（或打款卖家）。',
    sources: [tb(38)],
  },
  'R-SIGN-ADDRESS-INFO': {
    statement: '买家须确保收件信息真实准确；因收件信息错误未收到商品的，由买家承担相应不利后果。',
    sources: [tb(34)],
  },
  'R-SIGN-ADDRESS-CHANGE': {
    statement:
      '买家修改收件信息须征得卖家同意（在阿里旺旺上提出并确认，留存记录供淘宝核实）；卖家同意修改收件信息但实际未改成功、商品按原信息被签收，且新旧地址均与买家无显著关联的，支持退款买家，卖家承担商品风险。',
    sources: [tb(35), tb(3)],
  },
  'R-SIGN-INSPECT-REFUSE': {
    statement:
      '收件人应当场检视商品表面；发现表面不一致可以拍照并拒签（拍照是可选的证据，不是条件）：表面不一致能证实的，卖家发货的支持退款买家，买家退货的支持打款卖家。',
    sources: [tb(37)],
  },
};
