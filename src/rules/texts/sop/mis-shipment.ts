import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/mis-shipment.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopMisShipmentTexts: RuleTexts = {
  'SOP-PHOTO-CONFIRM-MISSHIP': {
    statement: '买家反映发错货时先代表店铺致歉，请买家把收到的商品拍照核实，核实后让买家退回错发商品并立即发出正确商品。',
    sources: [
      citeSecondary(
        seedDocuments.standards,
        '售后考核题 5',
        '【小花】:亲,首先小花代表工作人员向您表示最真挚的歉意,还麻烦亲把您收到的衣服拍照给我核实下,核实后会尽快给您处理的哈!',
      ),
      citeSecondary(
        seedDocuments.emergencyPlan,
        '二、退換貨應急處理方案 2、返回和退款',
        '在消費者證明照片確認,客戶服務向消費者道歉,安撫消費者,提出解決方案,如允許消費者發送錯誤的貨物返回,并立即發送正確的貨物。',
      ),
    ],
  },
  'SOP-MISSHIP-ACCOUNTABILITY': {
    statement: '少发先核实订单信息与发货重量（底单称重）再补发；少发错发都要找到打包责任人，告知本人并提醒避免再犯。',
    sources: [
      citeSecondary(seedDocuments.flowChart, '售后流程图', '少发 核实信息与重量 确定少发 补发 告知单号 跟踪物流 回访顾客'),
      citeSecondary(seedDocuments.flowChart, '基本步骤 备注', '少发错发问题需要找到责任人,并告知责任人。提醒避免下次再犯'),
    ],
  },
  'SOP-OVERSHIP': {
    statement: '错发、多发的商品相应下架；买家手上多出的商品，买家不承认的上传发货底单，承认但不退回的联系物流上门取件或交投诉客服申诉。',
    sources: [
      citeSecondary(
        seedDocuments.techniques,
        '一、退换货问题（发错货）',
        '错发、多发的商品需相应下架,涉及退换货由客服进展换货下单或客服引导做退款处理。',
      ),
      citeSecondary(
        seedDocuments.techniques,
        '一、退换货问题（发错货）',
        '其中,多发件里,客户假设不予成认,客服将相应底单上传淘宝处理;买家成认但不予退回,一、可联络物流上门取件;二、交投诉客服上诉淘宝。',
      ),
    ],
  },
};
