import { addHours, formatBeijingTime, startOfBeijingDay, type Instant } from './beijing-time.ts';
import { tb, cite, citeSecondary } from './citations.ts';
import type { Channel } from './facts.ts';
import type { PolicyParameters } from './parameters.ts';
import { defineRule, type Evaluation, type FactReader } from './rule.ts';
import type { RuleMeta } from './rule-meta.ts';

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

export const shipTimeDefMeta: RuleMeta = {
  id: 'R-SHIP-TIME-DEF',
  title: '发货时间的认定',
  statement: '发货时间以承运人官网系统首条记录为准；承运人没有系统记录的，取面单日期与点击发货日期中较晚者。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(25)],
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

export const shipDeadlineMeta: RuleMeta = {
  id: 'R-SHIP-DEADLINE',
  title: '发货时限',
  statement: '卖家应在承诺或约定的时限内发货；未约定的，按本站默认时限（参数 shipDeadlineHours：淘宝 72 小时、天猫 48 小时、天猫国际 120 小时；2025 版规则原文没有规定默认时限，二手来源说法不一，负责人可修改）。',
  kind: 'platform',
  area: 'shipping',
  sources: [
    tb(27),
    citeSecondary(
      '渠道发货时限（参数，来源互相矛盾）',
      'RULES.md S13',
      '淘宝“如无约定 72 小时内发货”；天猫“实际72小时内发货”；另有“48小时内在系统上操作发货”。官方《天猫发货管理规范》原文未找到，故作为可配置参数。',
    ),
  ],
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

export const shipAfterRefundRequestMeta: RuleMeta = {
  id: 'R-SHIP-AFTER-REFUND-REQUEST',
  title: '超时或申请退款后发货须经买家同意',
  statement: '卖家超过约定发货时间，或买家申请退款时尚未发货的，须征得买家同意方可发货；擅自发货且买家未收到或拒收的，费用与风险由卖家承担，支持退款。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(27)],
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

export const shipInterceptMeta: RuleMeta = {
  id: 'R-SHIP-INTERCEPT',
  title: '发货后签收前申请退款的拦截义务',
  statement: '卖家点击发货后、买家签收前，买家基于合理需求申请退款的，卖家应及时通知快递拦截；拦截的，支持退款，运费按运费规范处理。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(23)],
  editions: ['2025-08-15'],
  editionNotes: [
    { edition: 'legacy', summary: '旧版措辞没有拦截义务，也没有驳回签收前退款申请的规定（沉默不是驳回的依据）；它只规定签收前风险由卖家承担，买家可在送达时拒签或签收后退货。' },
  ],
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

export const shipSeparateParcelsMeta: RuleMeta = {
  id: 'R-SHIP-SEPARATE-PARCELS',
  title: '独立订单单独发货',
  statement: '独立付款的订单应单独发货；未经买家同意合并包裹，买家签收后主张少件的，由卖家举证。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(26)],
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

export const shipAddressMeta: RuleMeta = {
  id: 'R-SHIP-ADDRESS',
  title: '送货上门与自提',
  statement: '卖家应将商品送到订单地址交收件人签收；需要买家自提的，须事先显著明示或征得买家同意。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(28)],
  editions: both,
  decides: true,
};

export const shipCarrierMeta: RuleMeta = {
  id: 'R-SHIP-CARRIER',
  title: '按承诺使用指定快递',
  statement: '卖家承诺或约定使用特定承运人的应当履行；否则非包邮订单买家签收后可要求退还已付运费。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(29)],
  editions: both,
  decides: true,
};

export const shipCodFreightMeta: RuleMeta = {
  id: 'R-SHIP-COD-FREIGHT',
  title: '运费到付须事先约定',
  statement: '卖家以运费到付发货须事先明确承运人和运费并征得买家同意；未经同意的，买家可拒签，或签收后要求卖家承担到付运费。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(30), tb(50)],
  editions: both,
  decides: true,
};

export const shipBreachMeta: RuleMeta = {
  id: 'R-SHIP-BREACH',
  title: '违反发货规范的后果',
  statement: '卖家违反发货规范：买家未收到或拒收的支持退款、费用与风险归卖家；买家已收到的支持退货退款；买家已使用或已确认收货的须协商，卖家诱导确认的除外。',
  kind: 'platform',
  area: 'shipping',
  sources: [tb(31), tb(32), tb(33)],
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

export const shipLateCompensationMeta: RuleMeta = {
  id: 'R-SHIP-LATE-COMPENSATION',
  title: '延迟发货赔付（旧规则）',
  statement: '旧《淘宝规则》（2015 年试行）：违背发货时间承诺的，卖家向买家支付商品实际成交金额 5% 的违约金，最低 5 元、最高 30 元；现行金额未找到，仅作参考。',
  kind: 'platform',
  area: 'shipping',
  sources: [
    citeSecondary(
      '旧《淘宝规则》违背发货时间承诺（二手转述，RULES.md S12）',
      '转述',
      '违背发货时间承诺：按商品实际成交金额的 5% 赔付，最低 5 元（部分类目 1 元），最高 30 元；2015年10月29日起试行。',
    ),
  ],
  editions: ['legacy'],
  decides: false,
};

export const ecommerceDeliveryMeta: RuleMeta = {
  id: 'R-SIGN-DELIVERY-TIME',
  title: '快递交付时间为签收时间',
  statement: '采用快递物流方式交付商品的，收货人签收时间为交付时间。',
  kind: 'law',
  area: 'signing',
  sources: [cite('ecommerceLaw', 51)],
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
