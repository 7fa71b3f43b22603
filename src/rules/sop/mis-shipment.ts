import { citeSecondary } from '../citations.ts';
import { seedDocuments } from './seed-documents.ts';
import { defineSopRule, guide, sopMeta, type SopRelevance } from './sop-rule.ts';

const isWrongItem: SopRelevance = (situation, lookup) =>
  situation.reason === 'surface-mismatch' && lookup('issue.mismatchKind') === 'wrong-item';

const PHOTO_ID = 'SOP-PHOTO-CONFIRM-MISSHIP';

export const missShipPhotoRule = defineSopRule({
  meta: sopMeta({
    id: PHOTO_ID,
    title: '发错货先致歉再拍照核实',
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
  }),
  stage: 'verify',
  isRelevant: isWrongItem,
  irrelevantNote: '买家反映的不是发错货。',
  evaluate: () =>
    guide(
      PHOTO_ID,
      '发错货，先致歉并请买家拍照核实。',
      '发错货：先代表店铺向买家真诚致歉，请买家把收到的商品拍照发来核实；核实后尽快处理，让买家寄回错发的商品，并立即发出正确的商品。',
    ),
});

const ACCOUNTABILITY_ID = 'SOP-MISSHIP-ACCOUNTABILITY';

export const missShipAccountabilityRule = defineSopRule({
  meta: sopMeta({
    id: ACCOUNTABILITY_ID,
    title: '少发错发核实与追责',
    statement: '少发先核实订单信息与发货重量（底单称重）再补发；少发错发都要找到打包责任人，告知本人并提醒避免再犯。',
    sources: [
      citeSecondary(seedDocuments.flowChart, '售后流程图', '少发 核实信息与重量 确定少发 补发 告知单号 跟踪物流 回访顾客'),
      citeSecondary(seedDocuments.flowChart, '基本步骤 备注', '少发错发问题需要找到责任人,并告知责任人。提醒避免下次再犯'),
    ],
  }),
  stage: 'verify',
  isRelevant: (situation, lookup) => {
    const kind = lookup('issue.mismatchKind');
    return situation.reason === 'surface-mismatch' && (kind === 'missing-items' || kind === 'wrong-item');
  },
  irrelevantNote: '买家反映的不是少发或错发。',
  evaluate: (read) => {
    const isMissing = read.optional('issue.mismatchKind') === 'missing-items';
    const verify = isMissing
      ? '少发：先核实订单信息，并核对发货底单称重，确定少发后补发、告知单号、跟踪物流、回访买家。'
      : '错发：核实后安排退换，同时查明错发的原因。';
    return guide(
      ACCOUNTABILITY_ID,
      isMissing ? '少发，须核实重量后补发并追责。' : '错发，须追查打包责任人。',
      `${verify}事后找到打包责任人，告知本人，提醒避免再犯。`,
    );
  },
});

const OVERSHIP_ID = 'SOP-OVERSHIP';

export const overshipRule = defineSopRule({
  meta: sopMeta({
    id: OVERSHIP_ID,
    title: '错发多发的商品下架与追回',
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
  }),
  stage: 'handle',
  // The fact model has no "over-shipped" kind: a wrong item is an unordered item in the buyer's hands, which is
  // exactly what the manual's 多发 steps recover.
  isRelevant: isWrongItem,
  irrelevantNote: '本案没有错发或多发到买家手上的商品。',
  evaluate: () =>
    guide(
      OVERSHIP_ID,
      '错发的商品须下架核对，并追回买家手上不该收到的商品。',
      '错发、多发的商品要相应下架核对库存；换货由客服下换货单，或引导买家退款。买家手上多出的商品：买家不承认的，把发货底单上传淘宝处理；买家承认但不退回的，联系物流上门取件，或交投诉客服向淘宝申诉。',
    ),
});
