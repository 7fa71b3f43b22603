import type { RuleTexts } from '../rule-meta.ts';
import { citeSecondary, tb } from '../citations.ts';

/** What the rules of `returns.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const returnsTexts: RuleTexts = {
  'R-RET-RISK-DEFAULT': {
    statement:
      '退货退款或卖家无确切证据有责而同意退货的，买家将退货交给承运人后，破损风险由卖家承担，损毁、灭失风险由买家承担（买家可向承运人求偿）。',
    sources: [tb(11)],
    editionNotes: [
      {
        edition: 'legacy',
        summary: '旧版措辞：卖家无证据有责而同意退货的，退货途中的破损、损毁、灭失风险全部由买家承担。',
        source: citeSecondary('旧版争议处理规则（第三方协议转载）', '四§5.6', '退货途中商品破损、损毁、灭失的风险由买家承担'),
      },
    ],
  },
  'R-RET-RISK-SELLER-FAULT': {
    statement:
      '质量问题致合同目的不能实现、签收时即破损、描述不当致无法使用核心功能的，退货途中的破损、损毁、灭失风险都由卖家承担；瑕疵未影响合同目的的，破损归卖家，损毁、灭失则打款卖家。',
    sources: [tb(68), tb(70), tb(78), tb(81)],
  },
  'R-RET-NO-RETURN-NEEDED': {
    statement:
      '因卖家责任支持退货退款，若双方协商一致退款、属于无法或无需退回的虚拟商品或服务、或商品无法退还且交易目的完全无法实现的，支持退款，买家无需退货。',
    sources: [tb(21)],
  },
  'R-RET-BREACH': {
    statement:
      '卖家违反退换货规范致买家无法退货的，支持退款；买家违反退换货规范致卖家未收到退货或拒签的，支持打款，买家承担损毁、灭失风险。',
    sources: [tb(47), tb(48)],
  },
  'R-REMEDY-CHOICE': {
    statement:
      '买家已证明签收时存在表面不一致的，可视商品性质与损失大小选择补寄、换货或退货；卖家拒绝的，支持退货退款。卖家证明签收时不存在表面不一致的，支持打款。',
    sources: [tb(79), tb(80)],
  },
  'R-RET-ADDRESS': {
    statement: '卖家应确保默认退货地址正确；达成协议后指定其他地址须经买家同意，否则买家可按系统地址退货，无法送达的风险由卖家承担。',
    sources: [tb(41), tb(42)],
  },
  'R-RET-DEADLINE': {
    statement: '线下达成退货协议的，买家应在系统规定的退货时间内退货；超时后就同一问题再次要求退货的，须与卖家协商一致。',
    sources: [tb(43)],
  },
  'R-RET-CARRIER': {
    statement: '买家退货应采用与卖家发货时相同类型的承运人。',
    sources: [tb(44)],
  },
  'R-RET-TRACKING': {
    statement: '买家退货后应及时填写承运单号或告知卖家；卖家签收时仍不知单号而主张表面不一致的，由淘宝分配举证责任。',
    sources: [tb(45)],
  },
  'R-RET-ASSIST': {
    statement: '因卖家责任退货、换货或维修而商品客观上难以退回的，卖家应提供必要协助，买家应合理配合。',
    sources: [tb(22)],
  },
};
