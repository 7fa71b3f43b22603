import { refundYieldsTo } from './scope.ts';
import { defineSopRule, guide, sopMeta } from './sop-rule.ts';

const DAMAGE_ID = 'SOP-COURIER-DAMAGE';

export const courierDamageRule = defineSopRule({
  meta: sopMeta({
    id: DAMAGE_ID,
    title: '运输破损让买家拒签',
  }),
  stage: 'handle',
  isRelevant: (situation, lookup) => {
    const status = lookup('delivery.status');
    const refusedDamaged = status === 'refused' && lookup('delivery.refusal.reason') === 'surface-mismatch';
    const damagedBeforeSigning =
      situation.reason === 'surface-mismatch' && lookup('issue.mismatchKind') === 'damaged' && status === 'in-transit';
    return refusedDamaged || damagedBeforeSigning;
  },
  irrelevantNote: '本案不是签收时发现的运输破损（已签收的破包按物流异常处理）。',
  evaluate: (read, situation) => {
    const refused = read.optional('delivery.status') === 'refused';
    const steps = refused
      ? '买家因运输破损已拒签：在订单备注，商品退回后为买家重新发出，并向快递公司追责。'
      : '告诉买家当场拒签并联系客服说明；客服在订单备注，商品退回后为买家重新发出，并向快递公司追责。';
    const yieldsTo = refundYieldsTo(situation);
    if (!yieldsTo) return guide(DAMAGE_ID, '运输破损，按本店拒签流程处理。', steps);
    return guide(
      DAMAGE_ID,
      `平台裁决退款（${yieldsTo}），重新发货须买家同意。`,
      `${steps}但本案平台规则（${yieldsTo}）支持买家退款：重新发货只能作为建议，买家要退款的按平台结果退款。`,
      yieldsTo,
    );
  },
});

const EXCEPTIONS_ID = 'SOP-LOGISTICS-EXCEPTIONS';

export const logisticsExceptionsRule = defineSopRule({
  meta: sopMeta({
    id: EXCEPTIONS_ID,
    title: '物流异常处理',
  }),
  stage: 'handle',
  isRelevant: (situation, lookup) => {
    const status = lookup('delivery.status');
    const brokenOnArrival = situation.reason === 'surface-mismatch' && lookup('issue.mismatchKind') === 'damaged' && status === 'signed';
    return status === 'undeliverable' || status === 'lost' || lookup('delivery.receivedBy') === 'other-person' || brokenOnArrival;
  },
  irrelevantNote: '本案没有无法投递、丢件、送错地址或已签收破包等物流异常。',
  evaluate: (read, situation) => {
    if (read.optional('delivery.status') === 'undeliverable') {
      return guide(
        EXCEPTIONS_ID,
        '包裹无法投递，按疑难件处理。',
        '地址快递无法到达或疑难件：与快递协商转发 EMS，或退回后重新发出，并在订单备注；同时联系买家核对地址。',
      );
    }
    const steps = '快递送错地址、丢件或破包：视情况为买家补发，在订单备注，并提交下架留货，保证补发有货。';
    const yieldsTo = refundYieldsTo(situation);
    if (!yieldsTo) return guide(EXCEPTIONS_ID, '丢件、送错或破包，视情况补发。', steps);
    return guide(
      EXCEPTIONS_ID,
      `平台裁决退款（${yieldsTo}），补发须买家同意。`,
      `${steps}但本案平台规则（${yieldsTo}）支持买家退款：补发只能作为建议，买家要退款的按平台结果退款。`,
      yieldsTo,
    );
  },
});

const IN_TRANSIT_ID = 'SOP-IN-TRANSIT-REFUND';

export const inTransitRefundRule = defineSopRule({
  meta: sopMeta({
    id: IN_TRANSIT_ID,
    title: '运输途中申请退款',
  }),
  stage: 'handle',
  isRelevant: (_situation, lookup) => {
    const status = lookup('delivery.status');
    return status === 'in-transit' || status === 'intercepted';
  },
  irrelevantNote: '买家申请时包裹不在运输途中。',
  evaluate: (read) => {
    const intercepted = read.optional('delivery.status') === 'intercepted';
    const persuade = intercepted
      ? '包裹已拦截退回：收到退回的包裹后及时退款。'
      : '可以先联系买家，劝其等待快递送达；买家实在不想要的，联系快递拦截退回。';
    if (read.edition === 'legacy') {
      return guide(IN_TRANSIT_ID, '旧版规则没有拦截义务，按本店做法处理。', `${persuade}（旧版规则没有拦截条款，退款按旧版规则处理。）`);
    }
    return guide(
      IN_TRANSIT_ID,
      '签收前申请退款，平台规则要求及时拦截，劝说只能是建议。',
      `${persuade}劝说只能是建议：买家坚持退款的，必须及时通知快递拦截并退款（平台规则 R-SHIP-INTERCEPT），不能以“已经发货”为由拒绝或拖延。`,
      'R-SHIP-INTERCEPT',
    );
  },
});
