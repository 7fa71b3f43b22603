import type { RuleTexts } from '../rule-meta.ts';
import { cite, citeSecondary, tb } from '../citations.ts';

/** What the rules of `freight.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const freightTexts: RuleTexts = {
  'R-FREIGHT-PRE-INTERVENTION': {
    statement:
      '买卖双方在淘宝介入前自行达成退换货或维修协议、但未约定运费的，运费由卖家承担；要由买家承担运费，须在阿里旺旺上明确约定并保留记录。',
    sources: [tb(49), tb(3)],
  },
  'R-FREIGHT-FAULT': {
    statement:
      '淘宝介入后，运费按“谁过错、谁承担”处理；双方都有过错的，由先有过错的一方承担。卖家责任（质量问题、描述不当、错发漏发、表面不一致、假货、违反发货规范）的来回运费由卖家承担。',
    sources: [tb(49), cite('consumerLaw', 24)],
  },
  'R-FREIGHT-UNCLEAR': {
    statement: '仍无法确定争议责任的，支持退货退款，发货运费由卖家承担、退货运费由买家承担。',
    sources: [tb(7)],
  },
  'R-FREIGHT-7DAY-RETURN': {
    statement:
      '七天无理由退货或无理由拒签：包邮商品买家只承担退回运费；非包邮或部分退货致不满足包邮条件的，所有运费由买家承担；滥用会员权利的，所有运费由买家承担。',
    sources: [tb(53), cite('sevenDayMeasures', 18)],
    editionNotes: [
      {
        edition: 'legacy',
        summary: '旧版措辞：七天无理由退货的买家“仅承担退回运费”，不区分包邮与非包邮。',
        source: citeSecondary('旧版争议处理规则（第三方协议转载）', '五§4.6', '买家仅承担退回运费'),
      },
    ],
  },
  'R-FREIGHT-7DAY-EXCHANGE': {
    statement: '七天无理由换货的，换货产生的所有运费由买家承担。',
    sources: [tb(54)],
  },
  'R-FREIGHT-COD-RETURN': {
    statement: '买家未经卖家同意到付退货且卖家签收的，若退货运费本由买家承担，到付运费由买家承担；到付退货须事先征得对方同意。',
    sources: [tb(46), tb(51)],
  },
  'R-FREIGHT-ADDRESS-DIFF': {
    statement: '由买家承担退货运费时，卖家的退货地址与商品页显示的发货地不一致导致运费增加的，差额由卖家承担。',
    sources: [tb(52), tb(42)],
  },
  'R-FREIGHT-INSURANCE': {
    statement: '退货运费险赔付的是买家的退货运费，不改变争议规则下谁承担运费；赔付金额与条件未找到权威来源。',
    sources: [
      citeSecondary('淘宝商品页消费者保障文案（转引）', '运费险', '卖家为您购买的商品投保退货运费险(保单生效以确认订单页展示的运费险为准)'),
    ],
  },
};
