import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/quality.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopQualityTexts: RuleTexts = {
  'SOP-QUALITY-PHOTO': {
    statement: '质量问题的退换货先请买家拍照，审核后在订单插旗备注问题，再把退货地址发给买家。',
    sources: [
      citeSecondary(seedDocuments.workNorms, '(一)买家退换货基本程序', '1.拍图确定质量问题:是质量问题的退换货,请客人发图片确定后再处理。'),
      citeSecondary(
        seedDocuments.workflow,
        '1:客户联系（第二种 质量问题或个人原因退换货）',
        '质量问题的话客户寄回商品前需要客户提供质量问题商品的照片,我们这边审查后要插旗备注,比如说商品过期。',
      ),
    ],
  },
  'SOP-QUALITY-3DAY': {
    statement: '签收 3 天内且无穿着痕迹的质量问题按常规处理；超过 3 天或已穿着的协商补偿；这只是本店分流，不是质量问题维权的期限。',
    sources: [
      citeSecondary(
        seedDocuments.techniques,
        '一、退换货问题（质量问题）',
        '质量问题:A.签收三天内,并无穿着痕迹,那么客服需尽量要求顾客上传照片,假设买家配合,核实后正常处理(退换或自行修补处理,售后承当一定费用,也可以进展一定的折扣补偿);',
      ),
      citeSecondary(
        seedDocuments.techniques,
        '一、退换货问题（质量问题）',
        'B.超出售后处理时间或已穿着后发现质量问题,协商赔偿,买家不同意那么请示主管处理意见。',
      ),
      citeSecondary(seedDocuments.techniques, '一、退换货问题（质量问题）', 'C.客户责任的,原那么是不退换。'),
    ],
  },
};
