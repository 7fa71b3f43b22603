import { involvesReturnLeg, isProductProblem, refundYieldsTo } from './scope.ts';
import { defineSopRule, guide, skip, sopMeta } from './sop-rule.ts';
import { resolutionPhrases } from '../labels.ts';
import { at } from './wording.ts';

const NO_COD_ID = 'SOP-NO-COD';

export const noCodRule = defineSopRule({
  meta: sopMeta({
    id: NO_COD_ID,
    title: '不接收到付退货件',
  }),
  stage: 'handle',
  isRelevant: involvesReturnLeg,
  irrelevantNote: '本案没有退货或换货寄回，不涉及到付件。',
  evaluate: (read) => {
    if (read.shopPolicy.acceptsCodReturns) return skip('本店接收到付退货件，本条不适用。');
    const cod = read.optional('returnLeg.cashOnDelivery');
    if (cod === 'unagreed') {
      return guide(
        NO_COD_ID,
        '买家未经同意到付寄回；本店不收到付件，但后果按平台规则判断。',
        '本店不接收到付件（到付件到库房会被直接拒收），这一点必须在给退货地址时就事先告诉买家。买家未经同意到付寄回的，拒收后退货是否失败、到付运费和途中风险由谁承担，按平台规则（R-FREIGHT-COD-RETURN）判断，不能拒收了事：先联系买家说明情况，并在旺旺上留下记录。',
        'R-FREIGHT-COD-RETURN',
        { signsForCod: false },
      );
    }
    if (cod === 'agreed') {
      return guide(
        NO_COD_ID,
        '本案已同意买家到付寄回，约定优先于本店不收到付件的做法。',
        '本店平时不接收到付件，但本案已同意买家到付寄回：约定优先（R-FREIGHT-COD-RETURN），要通知仓库签收这个到付件，不得拒收。',
        'R-FREIGHT-COD-RETURN',
        { signsForCod: true },
      );
    }
    return guide(
      NO_COD_ID,
      '本店不接收到付件，须事先告知买家。',
      '本店不接收到付件：给退货地址时就告诉买家自付运费寄回（质量问题先垫付，收到后退还），并说明到付件会被仓库拒收。',
      undefined,
      { signsForCod: false },
    );
  },
});

const PREPAY_ID = 'SOP-FREIGHT-PREPAY';

export const freightPrepayRule = defineSopRule({
  meta: sopMeta({
    id: PREPAY_ID,
    title: '退换货运费垫付与承担',
  }),
  stage: 'handle',
  isRelevant: involvesReturnLeg,
  irrelevantNote: '本案没有退货或换货寄回，不涉及退换货运费。',
  evaluate: (read, situation) => {
    const isExchange = read.optional('claim.type') === 'exchange';
    const agreedSeller = read.optional('returnLeg.freightAgreement') === 'seller';
    const isShopFault = isProductProblem(situation.reason) || situation.reason === 'surface-mismatch';
    if (isShopFault) {
      return guide(
        PREPAY_ID,
        '商品问题由本店承担运费，买家只是先垫付。',
        '商品质量、描述不符或错发破损的退换货，来回运费由本店承担：请买家先垫付，收到退货后通过平台退款或充值到支付宝退还，或经买家同意留作下次购物抵用运费。垫付只是先后，最终由本店承担。',
        undefined,
        { finalBearer: 'seller', buyerPrepays: true },
      );
    }
    if (agreedSeller) {
      return guide(
        PREPAY_ID,
        '双方已约定运费由卖家承担，约定优先于本店做法。',
        '本店做法是非质量问题的退换运费由买家自理，但本案双方已约定由卖家承担运费：按约定执行（R-GEN-ORDER-OF-SOURCES）。',
        'R-GEN-ORDER-OF-SOURCES',
        { finalBearer: 'seller', buyerPrepays: null },
      );
    }
    if (isExchange) {
      return guide(
        PREPAY_ID,
        '非本店原因换货，来回运费由买家自理。',
        '非本店原因的换货，来回运费由买家自理：请买家拍下补邮费链接付款，千万不要把现金放在包裹里。',
        undefined,
        { finalBearer: 'buyer', buyerPrepays: false },
      );
    }
    return guide(
      PREPAY_ID,
      '非质量问题退货，退货运费由买家承担。',
      '非质量问题的退货，退货运费由买家承担，具体按平台七天无理由运费规则（包邮与非包邮不同）计算。',
      undefined,
      { finalBearer: 'buyer', buyerPrepays: false },
    );
  },
});

const RETURN_FIRST_ID = 'SOP-RETURN-THEN-REFUND';

export const returnThenRefundRule = defineSopRule({
  meta: sopMeta({
    id: RETURN_FIRST_ID,
    title: '先退货后退款',
  }),
  stage: 'handle',
  isRelevant: involvesReturnLeg,
  irrelevantNote: '本案没有退货或换货寄回，不涉及先退货后退款。',
  evaluate: (read, situation) => {
    const yieldsTo = situation.resolution === 'refund' ? refundYieldsTo(situation) : undefined;
    if (yieldsTo) {
      return guide(
        RETURN_FIRST_ID,
        `平台裁决直接退款（${yieldsTo}），买家无需先退货。`,
        `本店通常等退货寄回后再退款，但本案平台规则（${yieldsTo}）裁决${resolutionPhrases.refund}、买家无需退货：按平台结果直接退款，不得以未收到退货为由拖延。`,
        yieldsTo,
      );
    }
    const receivedAt = read.optional('returnLeg.sellerReceivedAt');
    const status = receivedAt === undefined ? '' : `本案已于 ${at(receivedAt)} 签收退货，应及时验货并退款或换出新货。`;
    const exception = isProductProblem(situation.reason) || situation.reason === 'surface-mismatch'
      ? '本案是本店过错：买家急需换货的，可以在买家寄出并提供快递单号后先发出新货。'
      : '';
    return guide(
      RETURN_FIRST_ID,
      '退货寄回并验货后再退款或换货。',
      `正常情况下，买家寄回商品、仓库签收验货后再退款或换出新货。${exception}${status}`,
    );
  },
});

const EXPLAIN_ID = 'SOP-7DAY-EXPLAIN';

export const sevenDayExplainRule = defineSopRule({
  meta: sopMeta({
    id: EXPLAIN_ID,
    title: '七天无理由退换的说明与验货',
  }),
  stage: 'handle',
  isRelevant: (situation, lookup) => situation.reason === 'no-reason' && lookup('delivery.status') === 'signed',
  irrelevantNote: '本案不是签收后的七天无理由退换。',
  evaluate: (read) => {
    const explain =
      '七天无理由退换：告诉买家退回的商品不能影响二次销售（吊牌未剪、未洗涤、未使用），订单备注“买家不喜欢退货”；收到退货后检查商品是否完好。';
    if (read.optional('goods.condition') === 'opened-for-inspection') {
      return guide(
        EXPLAIN_ID,
        '买家只是为检查拆封或合理试用，商品仍属完好，平台规则优先。',
        `${explain}本案买家只是为检查拆封或合理试用，按平台规则（R-7DAY-INTACT）仍属完好，不能以“影响二次销售”为由拒绝退货。`,
        'R-7DAY-INTACT',
      );
    }
    return guide(EXPLAIN_ID, '七天无理由退换，须提前说明完好要求并在收货后验货。', explain);
  },
});

const SPU_ID = 'SOP-EXCHANGE-SPU';

export const exchangeSpuRule = defineSopRule({
  meta: sopMeta({
    id: SPU_ID,
    title: '换货限同一商品链接有货款式',
  }),
  stage: 'handle',
  isRelevant: (situation, lookup) => lookup('claim.type') === 'exchange' || situation.resolution === 'exchange',
  irrelevantNote: '本案不是换货。',
  evaluate: () =>
    guide(
      SPU_ID,
      '换货须在同一商品链接内、有库存的款式中选择。',
      '换货只能换同一商品链接（SPU）下当前有库存的款式：审核时先确认库存（申请到审核之间可能已卖完），需要改换款式的先与买家协商一致；同意换货后生成 0 元订单锁定换货商品的库存。',
    ),
});
