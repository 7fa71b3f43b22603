import type { RuleTexts } from '../rule-meta.ts';
import { cite, citeSecondary, tb } from '../citations.ts';

/** What the rules of `seven-day.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sevenDayTexts: RuleTexts = {
  'R-7DAY-SCOPE': {
    statement:
      '网购商品自收到之日起七日内可无理由退货，但定作、鲜活易腐、拆封的数字化商品、报纸期刊除外；其他商品只有经买家购买时确认方可不适用。',
    sources: [cite('consumerLaw', 25), cite('sevenDayMeasures', 6), cite('sevenDayMeasures', 7), cite('consumerRegulation', 19)],
  },
  'R-GEN-FORMAT-CLAUSE': {
    statement: '卖家对买家有重大利害关系的格式条款须显著，且不得低于平台规则、免除自身责任或排除买家主要权利，否则无效；如“特价不退不换”。',
    sources: [tb(13), cite('consumerLaw', 26), cite('consumerRegulation', 17)],
  },
  'R-7DAY-WINDOW': {
    statement:
      '七天期限自签收次日零时起算，满 168 小时止；退货申请须在此前发出。快递员放在收件人没有指定的地点的不算签收（第三十六条），从买家实际取件的次日零时起算。',
    sources: [
      cite('sevenDayMeasures', 10),
      tb(36),
      citeSecondary(
        '《淘宝网七天无理由退货规范》（转引）',
        '第二条',
        '七天无理由退换货时间自物流显示签收商品的次日零时开始起算，满168小时为7天。',
      ),
    ],
  },
  'R-7DAY-INTACT': {
    statement: '七天无理由退回的商品应当完好；为检查拆封或合理试用不影响完好，超出必要限度使用、剪标、污损等使价值明显贬损的不属于完好。',
    sources: [cite('sevenDayMeasures', 8), cite('sevenDayMeasures', 9)],
  },
  'R-7DAY-GIFT': {
    statement: '七天无理由退货时赠品应一并完好退回；因买家原因无法退回或途中毁损的，卖家不得拒绝退货，但可按赠品价值扣款。',
    sources: [tb(61), cite('sevenDayMeasures', 12)],
  },
  'R-7DAY-REFUND-DEADLINE': {
    statement: '经营者应自收到退回商品之日起七日内返还价款（自然日，参数）。',
    sources: [cite('consumerLaw', 25), cite('sevenDayMeasures', 13)],
  },
  'R-7DAY-GOOD-FAITH': {
    statement: '消费者不得滥用七天无理由退货权利；滥用会员权利的，所有运费由买家承担（由七天无理由运费规则一并判断）。',
    sources: [cite('consumerRegulation', 19), tb(53)],
  },
  'R-7DAY-REFUND-AMOUNT': {
    statement:
      '退还买家实际支付的价款，原路退回；只退一单中的部分商品（部分退货、部分拒签）的，退的是这部分商品按购买时价格结算的价款，不是整单；部分退货致使不再满足包邮条件的，运费由买家承担，卖家可在退款时扣除。',
    sources: [cite('sevenDayMeasures', 14), cite('sevenDayMeasures', 17), cite('sevenDayMeasures', 18), tb(53)],
  },
  'R-7DAY-ADDRESS': {
    statement: '收到退货通知后，卖家应及时提供真实的退货地址和联系方式；不得限制退货方式。',
    sources: [cite('sevenDayMeasures', 11), cite('sevenDayMeasures', 19)],
  },
  'R-7DAY-RESALE': {
    statement: '七天无理由退回且无法恢复原状的商品再次销售时，应当明示。',
    sources: [cite('sevenDayMeasures', 25)],
  },
};
