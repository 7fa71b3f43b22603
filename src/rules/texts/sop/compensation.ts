import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/compensation.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopCompensationTexts: RuleTexts = {
  'SOP-COMP-RANGE': {
    statement: '现金补偿在 5–30 元内由客服自主决定，超过 30 元须请店长决定（金额与审批人可配置）。',
    sources: [citeSecondary(seedDocuments.operatingNorms, '一、3.第三阶段:讨价还价', '补偿金额度限度为5-30元,30元以上须询问店长决定;')],
  },
  'SOP-COMP-POSTAGE-CAP': {
    statement: '商品有轻微质量问题、买家不愿换货时可折价补偿，金额通常不超过邮费，超过须请示主管并备注处理详情。',
    sources: [
      citeSecondary(seedDocuments.workflow, '2:查证情况,并处理（折价）', '但是补偿通常不能超过邮费。'),
      citeSecondary(
        seedDocuments.workflow,
        '2:查证情况,并处理（折价）',
        '主管同意得花可以再后面备注:什么质量问题、补偿金额、处理人、时间。',
      ),
    ],
  },
  'SOP-VIRTUAL-COMP': {
    statement: '补偿可以用优惠券、会员积分、现金红包、小礼物等虚拟方式，按买家的不满程度和性格灵活选择。',
    sources: [
      citeSecondary(
        seedDocuments.emergencyPlan,
        '二、退換貨應急處理方案 2、返回和退款',
        '在這里,您可以使用一些小技巧,比如使用優惠券、會員費、現金(如紅包、禮物等)以虛擬的方式補償消費者。',
      ),
      citeSecondary(
        seedDocuments.emergencyPlan,
        '二、退換貨應急處理方案 2、返回和退款',
        '但不要對這一點感到困惑,要根據消費者的不滿和個性來隨機應變。',
      ),
    ],
  },
};
