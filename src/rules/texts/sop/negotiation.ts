import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/negotiation.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopNegotiationTexts: RuleTexts = {
  'SOP-LADDER': {
    statement: '质量问题和不满意的售后按 解释 → 解释+优惠券 → 补偿 → 换货 → 退货 逐级协商，除非必须不先提出退换货。',
    sources: [
      citeSecondary(
        seedDocuments.operatingNorms,
        '一、2.第二阶段:售后问题沟通,提出解决问题的第一方案',
        '③根据不同的问题提出比较合理的第一方案(解释—优惠券—补偿),除非必须情况下,不得直接提出退换货。',
      ),
      citeSecondary(seedDocuments.operatingNorms, '一、3.第三阶段:讨价还价', '⑤换货不能解决的,最终退货解决。'),
    ],
  },
  'SOP-RETAIN': {
    statement: '买家提出退换货时先了解真正原因并尽量挽留，但店铺责任的问题要及时承担来回运费调换或退款。',
    sources: [
      citeSecondary(seedDocuments.workNorms, '原则', '1.不管是质量问题还是非质量问题能不退换尽量不要退换。'),
      citeSecondary(seedDocuments.workNorms, '原则', '2.是店铺自身的问题的,要及时负责来回邮费帮客人调换或退款。'),
      citeSecondary(
        seedDocuments.operatingNorms,
        '一、2.第二阶段:售后问题沟通,提出解决问题的第一方案',
        '④对于买家自己提出的退换货,除非必须情况下不得一口答应,需进行挽留。',
      ),
    ],
  },
  'SOP-MANAGER-ESCALATE': {
    statement: '买家表露投诉维权意向时立即咨询店长协助处理；疑难问题由客服和运营领导共同解决。',
    sources: [
      citeSecondary(
        seedDocuments.operatingNorms,
        '一、2.第二阶段:售后问题沟通,提出解决问题的第一方案',
        '⑤如客户因为材质问题而表露出投诉维权意向,需及时咨询店长,协助处理。',
      ),
      citeSecondary(
        seedDocuments.csWorkflow,
        '疑难问题的处理流程',
        '对于疑难问题的处理流程,需要客服和运营领导共同解决,归类总结话术文档并反馈相应部门认识,以减少此类问题的发生。',
      ),
    ],
  },
};
