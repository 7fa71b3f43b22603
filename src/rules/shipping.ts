import { addHours, formatBeijingTime, startOfBeijingDay, type Instant } from './beijing-time.ts';
import type { Channel } from './facts.ts';
import type { PolicyParameters } from './parameters.ts';
import { defineRule, type Evaluation, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

/**
 * The legal shipping instant (第二十五条): the carrier's first system record; for a carrier without a system, the later
 * of the waybill date and the 点击发货 date. A waybill carries only a date, so it counts from 00:00 of that day, and
 * comparing it with 点击发货 is done by calendar day as the article says ("日期 … 取晚者").
 * Returns null when the facts given cannot fix the instant.
 */
export function legalShippingTime(shipment: {
  carrierHasSystem?: boolean | undefined;
  carrierRecordedAt?: Instant | undefined;
  waybillDate?: Instant | undefined;
  clickedAt?: Instant | undefined;
}): Instant | null {
  if (shipment.carrierHasSystem !== false) return shipment.carrierRecordedAt ?? null;
  if (shipment.waybillDate === undefined || shipment.clickedAt === undefined) return null;
  const waybillDay = startOfBeijingDay(shipment.waybillDate);
  return waybillDay > startOfBeijingDay(shipment.clickedAt) ? waybillDay : shipment.clickedAt;
}

/** The instant by which the seller must ship: payment + the promised hours, else the channel's default. */
export function shippingDeadline(
  paidAt: Instant,
  channel: Channel,
  promisedHours: number | undefined,
  parameters: PolicyParameters,
): Instant {
  return addHours(paidAt, promisedHours ?? parameters.shipDeadlineHours[channel]);
}

/** Late iff shipped strictly after the deadline: shipping at the deadline's exact minute is on time. */
export function isShippedLate(shippedAt: Instant, deadline: Instant): boolean {
  return shippedAt > deadline;
}

const channelNames: Record<Channel, string> = { taobao: '淘宝', tmall: '天猫', tmallGlobal: '天猫国际' };

export const shipTimeDefMeta: RuleHead = {
  id: 'R-SHIP-TIME-DEF',
  title: '发货时间的认定',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipTimeDefRule = defineRule(shipTimeDefMeta, (read: FactReader) => {
  const hasSystem = read.optional('shipment.carrierHasSystem');
  const shippedAt =
    hasSystem === false
      ? legalShippingTime({
          carrierHasSystem: false,
          waybillDate: read.fact('shipment.waybillDate'),
          clickedAt: read.fact('shipment.clickedAt'),
        })
      : read.fact('shipment.carrierRecordedAt');
  const source = hasSystem === false ? '面单日期与点击发货日期中较晚者' : '承运人系统首条揽收记录';
  return { applies: true, shippedAt: shippedAt!, note: `发货时间按${source}认定为 ${formatBeijingTime(shippedAt!)}。` };
});

export const shipDeadlineMeta: RuleHead = {
  id: 'R-SHIP-DEADLINE',
  title: '发货时限',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipDeadlineRule = defineRule(shipDeadlineMeta, (read: FactReader, shippedAt: Instant) => {
  const paidAt = read.fact('order.paidAt');
  const channel = read.fact('channel');
  const promised = read.optional('shipment.promisedHours');
  const deadline = shippingDeadline(paidAt, channel, promised, read.parameters);
  const late = isShippedLate(shippedAt, deadline);
  const basis =
    promised === undefined
      ? `${channelNames[channel]} ${read.parameters.shipDeadlineHours[channel]} 小时（本站默认，参数 shipDeadlineHours.${channel}；规则原文没有规定默认时限）`
      : `约定 ${promised} 小时`;
  return {
    applies: late,
    deadline,
    note: `发货时限为付款后${basis}，即 ${formatBeijingTime(deadline)}；实际发货 ${formatBeijingTime(shippedAt)}，${late ? '已超时，属延迟发货' : '未超时'}。`,
  };
});

export const shipAfterRefundRequestMeta: RuleHead = {
  id: 'R-SHIP-AFTER-REFUND-REQUEST',
  title: '超时或申请退款后发货须经买家同意',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

/** The buyer applied before the goods were shipped (or nothing has been shipped): the seller may not ship unasked. */
export const shipAfterRefundRequestRule = defineRule(
  shipAfterRefundRequestMeta,
  (read: FactReader, shippedAt: Instant | null) => {
    const claimAt = read.fact('claim.at');
    if (shippedAt !== null && shippedAt <= claimAt) {
      return { applies: false, shippedWithoutConsent: false, note: '买家申请退款时商品已发出，本条不适用。' };
    }
    if (shippedAt === null) {
      return { applies: true, shippedWithoutConsent: false, note: '买家申请退款时卖家尚未发货：未经买家同意不得再发货，支持退款。' };
    }
    const consented = read.fact('shipment.buyerConsentedToShip');
    return {
      applies: true,
      shippedWithoutConsent: !consented,
      note: consented
        ? `卖家在买家申请退款（${formatBeijingTime(claimAt)}）后征得买家同意才发货，发货有效。`
        : `买家 ${formatBeijingTime(claimAt)} 已申请退款，卖家未经同意于 ${formatBeijingTime(shippedAt)} 发货，违反发货规范。`,
    };
  },
);

export const shipInterceptMeta: RuleHead = {
  id: 'R-SHIP-INTERCEPT',
  title: '发货后签收前申请退款的拦截义务',
  kind: 'platform',
  area: 'shipping',
  editions: ['2025-08-15'],
  decides: true,
};

export const shipInterceptRule = defineRule(shipInterceptMeta, (read: FactReader) => {
  const status = read.fact('delivery.status');
  if (read.edition === 'legacy') {
    return {
      applies: false,
      note: '旧版措辞没有签收前的拦截义务，也没有驳回运输途中退款申请的规定；买家可在送达时拒签。',
    };
  }
  const intercepted = status === 'intercepted';
  return {
    applies: true,
    note: intercepted
      ? '商品在签收前被拦截退回，依第二十三条支持退款。'
      : '买家签收前申请退款，卖家应及时通知快递拦截；拦截后支持退款。',
  };
});

export const shipSeparateParcelsMeta: RuleHead = {
  id: 'R-SHIP-SEPARATE-PARCELS',
  title: '独立订单单独发货',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipSeparateParcelsRule = defineRule(shipSeparateParcelsMeta, (read: FactReader) => {
  const merged = read.fact('shipment.mergedWithoutConsent');
  if (!merged) return { applies: false, sellerProved: false, note: '未合并包裹，按一般签收规则分配举证责任。' };
  const sellerProved = read.fact('issue.sellerRebuttal');
  return {
    applies: true,
    sellerProved,
    note: sellerProved
      ? '卖家未经同意合并包裹，须由卖家证明不少件；卖家提供了打包视频等有效凭证，证明签收时不存在少件，支持打款卖家（第八十条）。'
      : '卖家未经同意合并包裹发货，须由卖家证明不少件；卖家不能证明，少件主张成立。',
  };
});

export const shipAddressMeta: RuleHead = {
  id: 'R-SHIP-ADDRESS',
  title: '送货上门与自提',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipCarrierMeta: RuleHead = {
  id: 'R-SHIP-CARRIER',
  title: '按承诺使用指定快递',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipCodFreightMeta: RuleHead = {
  id: 'R-SHIP-COD-FREIGHT',
  title: '运费到付须事先约定',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipBreachMeta: RuleHead = {
  id: 'R-SHIP-BREACH',
  title: '违反发货规范的后果',
  kind: 'platform',
  area: 'shipping',
  editions: both,
  decides: true,
};

export const shipCodFreightRule = defineRule(shipCodFreightMeta, (read: FactReader) => {
  const cod = read.fact('shipment.cashOnDelivery');
  return {
    applies: cod === 'unagreed',
    note:
      cod === 'unagreed'
        ? '卖家未经买家同意使用运费到付，违反发货规范。'
        : cod === 'agreed'
          ? '运费到付事先经买家同意。'
          : cod === 'buyer-requested'
            ? '运费到付是买家自己要求的，不违反发货规范。'
            : '不是运费到付。',
  };
});

export const shipPickupRule = defineRule(shipAddressMeta, (read: FactReader) => {
  const pickup = read.fact('shipment.pickupRequired');
  return {
    applies: pickup === 'unagreed',
    note: pickup === 'unagreed' ? '要求买家自提却未事先显著明示或征得同意，违反发货规范。' : '送货方式符合约定。',
  };
});

export const shipCarrierRule = defineRule(shipCarrierMeta, (read: FactReader) => {
  const carrier = read.fact('shipment.promisedCarrier');
  return {
    applies: carrier === 'not-used',
    note: carrier === 'not-used' ? '卖家没有使用承诺的快递，违反发货规范。' : '快递的使用符合承诺。',
  };
});

export const shipLateWithoutConsentRule = defineRule(shipDeadlineMeta, (read: FactReader, late: boolean) => {
  if (!late) return { applies: false, note: '按时发货。' };
  const consented = read.optional('shipment.buyerConsentedToShip') === true;
  return {
    applies: !consented,
    note: consented ? '超时后征得买家同意才发货。' : '超过发货时限且未征得买家同意就发货，违反发货规范。',
  };
});

/** Records whether any 发货规范 breach was found, so a claim of breach is decided by a traced rule. */
export const shipBreachFoundRule = defineRule(shipBreachMeta, (_read: FactReader, breaches: readonly string[]) => ({
  applies: breaches.length > 0,
  note: breaches.length > 0 ? `卖家违反发货规范：${breaches.join('、')}。` : '没有发现卖家违反发货规范的情形，买家的这一主张不成立。',
}));

/**
 * Checks each 发货规范 obligation and returns the ids of those breached; the verdict on what a breach entails is
 * 第三十一～三十三条 (R-SHIP-BREACH).
 */
export function shippingBreaches(evaluation: Evaluation, late: boolean): string[] {
  const checks = [
    evaluation.check(shipLateWithoutConsentRule, late).applies ? shipDeadlineMeta.id : null,
    evaluation.check(shipCodFreightRule).applies ? shipCodFreightMeta.id : null,
    evaluation.check(shipPickupRule).applies ? shipAddressMeta.id : null,
    evaluation.check(shipCarrierRule).applies ? shipCarrierMeta.id : null,
  ];
  return checks.filter((id): id is string => id !== null);
}

export const shipLateCompensationMeta: RuleHead = {
  id: 'R-SHIP-LATE-COMPENSATION',
  title: '延迟发货赔付（旧规则）',
  kind: 'platform',
  area: 'shipping',
  editions: ['legacy'],
  decides: false,
};

export const ecommerceDeliveryMeta: RuleHead = {
  id: 'R-SIGN-DELIVERY-TIME',
  title: '快递交付时间为签收时间',
  kind: 'law',
  area: 'signing',
  editions: both,
  decides: false,
};

/** 第三十一～三十三条 applied to where the goods ended up after a breach. */
export const shipBreachConsequenceRule = defineRule(shipBreachMeta, (read: FactReader) => {
  const status = read.fact('delivery.status');
  if (status !== 'signed') {
    const cameBack = status === 'refused' || status === 'intercepted' || status === 'undeliverable';
    return {
      applies: true,
      received: false,
      cameBack,
      blocked: false,
      note: `违反发货规范且买家${cameBack ? '拒收（商品退回）' : '未收到'}，支持退款，由此产生的运费与风险由卖家承担。`,
    };
  }
  const confirmation = read.fact('delivery.confirmation');
  const condition = read.fact('goods.condition');
  const blocked = confirmation === 'buyer-clicked' || condition === 'used' || condition === 'damaged-by-buyer';
  return {
    applies: !blocked,
    received: true,
    cameBack: false,
    blocked,
    note: blocked
      ? '买家已实际使用商品或自行点击确认收货，以违反发货规范为由退货须与卖家协商一致，淘宝不予支持。'
      : `买家已收到商品，卖家违反发货规范，支持退货退款，运费由卖家承担${confirmation === 'induced-by-seller' ? '（确认收货系卖家诱导，不影响维权）' : ''}。`,
  };
});
