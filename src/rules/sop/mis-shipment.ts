import { defineSopRule, guide, sopMeta, type SopRelevance } from './sop-rule.ts';

const isWrongItem: SopRelevance = (situation, lookup) =>
  situation.reason === 'surface-mismatch' && lookup('issue.mismatchKind') === 'wrong-item';

const PHOTO_ID = 'SOP-PHOTO-CONFIRM-MISSHIP';

export const missShipPhotoRule = defineSopRule({
  meta: sopMeta({
    id: PHOTO_ID,
    title: '发错货先致歉再拍照核实',
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
