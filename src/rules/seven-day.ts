import { addHours, formatBeijingTime, startOfBeijingDay, type Instant, addDays } from './beijing-time.ts';
import { cite, citeSecondary, tb } from './citations.ts';
import type { SevenDayClass } from './facts.ts';
import type { PolicyParameters } from './parameters.ts';
import { defineRule, type FactReader } from './rule.ts';
import { isPlaceReceiver, isValidSigning } from './signing.ts';
import type { RuleMeta } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

/**
 * The 7-day no-reason window: from 00:00 Beijing time of the day after signing, for `sevenDayHours` (168) hours.
 * `end` is exclusive: a claim at 23:59:59 of the seventh day is inside, one at 00:00 after is outside.
 */
export function sevenDayWindow(signedAt: Instant, parameters: Pick<PolicyParameters, 'sevenDayHours'>): { start: Instant; end: Instant } {
  const start = addHours(startOfBeijingDay(signedAt), 24);
  return { start, end: addHours(start, parameters.sevenDayHours) };
}

/** Whether a claim made at `claimAt` falls inside the 7-day window of goods signed at `signedAt`. */
export function isInSevenDayWindow(signedAt: Instant, claimAt: Instant, parameters: Pick<PolicyParameters, 'sevenDayHours'>): boolean {
  return claimAt < sevenDayWindow(signedAt, parameters).end;
}

const statutoryExclusions: Partial<Record<SevenDayClass, string>> = {
  custom: '消费者定作的商品',
  perishable: '鲜活易腐的商品',
  digital: '在线下载或者消费者拆封的音像制品、计算机软件等数字化商品',
  periodical: '交付的报纸、期刊',
};

const confirmableExclusions: Partial<Record<SevenDayClass, string>> = {
  'sealed-health': '拆封后易影响人身安全或者生命健康、或易导致品质发生改变的商品',
  activation: '一经激活或者试用后价值贬损较大的商品',
  'disclosed-clearance': '销售时已明示的临近保质期、有瑕疵的商品',
};

/**
 * Whether goods support 7-day no-reason return. Statutory exclusions always apply; the three confirmable classes are
 * excluded only when the buyer confirmed at purchase; every other class must support it, whatever the listing says.
 */
export function sevenDayEligibility(
  sevenDayClass: SevenDayClass,
  optOutConfirmed: boolean | undefined,
): { eligible: boolean; reason: string } {
  const statutory = statutoryExclusions[sevenDayClass];
  if (statutory) return { eligible: false, reason: `${statutory}属于法定不适用七天无理由退货的商品` };
  const confirmable = confirmableExclusions[sevenDayClass];
  if (confirmable) {
    return optOutConfirmed
      ? { eligible: false, reason: `${confirmable}，且买家购买时已确认不适用七天无理由退货` }
      : { eligible: true, reason: `${confirmable}只有经买家购买时确认才可不适用，本单买家未确认，仍须支持` };
  }
  return { eligible: true, reason: '一般商品必须支持七天无理由退货' };
}

/** Whether `sevenDayClass` lets the answer depend on the buyer's confirmation at purchase. */
export function needsOptOutConfirmation(sevenDayClass: SevenDayClass): boolean {
  return sevenDayClass in confirmableExclusions;
}

export const sevenDayScopeMeta: RuleMeta = {
  id: 'R-7DAY-SCOPE',
  title: '七天无理由退货的适用范围',
  statement: '网购商品自收到之日起七日内可无理由退货，但定作、鲜活易腐、拆封的数字化商品、报纸期刊除外；其他商品只有经买家购买时确认方可不适用。',
  kind: 'law',
  area: 'seven-day',
  sources: [cite('consumerLaw', 25), cite('sevenDayMeasures', 6), cite('sevenDayMeasures', 7), cite('consumerRegulation', 19)],
  editions: both,
  decides: true,
};

export const sevenDayScopeRule = defineRule(sevenDayScopeMeta, (read: FactReader) => {
  const sevenDayClass = read.fact('goods.sevenDayClass');
  const confirmed = needsOptOutConfirmation(sevenDayClass) ? read.fact('goods.sevenDayOptOutConfirmed') : undefined;
  const { eligible, reason } = sevenDayEligibility(sevenDayClass, confirmed);
  return { applies: eligible, note: `${reason}。` };
});

export const formatClauseMeta: RuleMeta = {
  id: 'R-GEN-FORMAT-CLAUSE',
  title: '不利于买家的格式条款无效',
  statement: '卖家对买家有重大利害关系的格式条款须显著，且不得低于平台规则、免除自身责任或排除买家主要权利，否则无效；如“特价不退不换”。',
  kind: 'platform',
  area: 'general',
  sources: [tb(13), cite('consumerLaw', 26), cite('consumerRegulation', 17)],
  editions: both,
  decides: true,
};

/** A listing's "no returns" notice on goods that must support 7-day return is void. */
export const formatClauseRule = defineRule(formatClauseMeta, (read: FactReader) => {
  const notice = read.fact('goods.listingNoReturnNotice');
  return {
    applies: notice,
    note: notice
      ? '详情页“特价不退不换”之类的单方声明排除了买家的法定权利，依第十三条无效，不影响七天无理由退货。'
      : '详情页没有排除退货的声明。',
  };
});

export const sevenDayWindowMeta: RuleMeta = {
  id: 'R-7DAY-WINDOW',
  title: '七天无理由退货期限',
  statement: '七天期限自签收次日零时起算，满 168 小时止；退货申请须在此前发出。快递员放在收件人没有指定的地点的不算签收（第三十六条），从买家实际取件的次日零时起算。',
  kind: 'law',
  area: 'seven-day',
  sources: [
    cite('sevenDayMeasures', 10),
    tb(36),
    citeSecondary('《淘宝网七天无理由退货规范》（转引）', '第二条', '七天无理由退换货时间自物流显示签收商品的次日零时开始起算，满168小时为7天。'),
  ],
  editions: both,
  decides: true,
};

export const sevenDayWindowRule = defineRule(sevenDayWindowMeta, (read: FactReader) => {
  const signedAt = read.fact('delivery.signedAt');
  const receivedBy = read.optional('delivery.receivedBy');
  const designated = receivedBy !== undefined && isPlaceReceiver(receivedBy) ? read.fact('delivery.placeDesignated') : undefined;
  // 第三十六条: a drop the buyer never chose is not 签收, so the clock cannot start at the courier's scan.
  const valid = receivedBy === undefined || isValidSigning(receivedBy, designated);
  const receivedAt = valid ? signedAt : read.fact('delivery.collectedAt');
  const claimAt = read.fact('claim.at');
  const window = sevenDayWindow(receivedAt, read.parameters);
  const inside = claimAt < window.end;
  const from = valid
    ? `签收 ${formatBeijingTime(signedAt)}`
    : `物流显示 ${formatBeijingTime(signedAt)} 放置，但不是收件人指定的地点或委托的人，不算签收；买家实际取件 ${formatBeijingTime(receivedAt)}`;
  return {
    applies: inside,
    window,
    note: `${from}，期限自 ${formatBeijingTime(window.start)} 起至 ${formatBeijingTime(window.end)} 止；申请 ${formatBeijingTime(claimAt)}，${inside ? '在期限内' : '已超过期限'}。`,
  };
});

export const sevenDayIntactMeta: RuleMeta = {
  id: 'R-7DAY-INTACT',
  title: '退回商品应当完好',
  statement: '七天无理由退回的商品应当完好；为检查拆封或合理试用不影响完好，超出必要限度使用、剪标、污损等使价值明显贬损的不属于完好。',
  kind: 'law',
  area: 'seven-day',
  sources: [cite('sevenDayMeasures', 8), cite('sevenDayMeasures', 9)],
  editions: both,
  decides: true,
};

export const sevenDayIntactRule = defineRule(sevenDayIntactMeta, (read: FactReader) => {
  const condition = read.fact('goods.condition');
  const intact = condition === 'intact' || condition === 'opened-for-inspection';
  const notes = {
    intact: '商品完好。',
    'opened-for-inspection': '买家只是为检查商品拆封或合理试用，不影响商品完好。',
    used: '买家使用已超出检查、试用的必要限度，商品不再完好。',
    'damaged-by-buyer': '商品被买家损坏、剪标或污损，不再完好。',
  } as const;
  return { applies: intact, note: notes[condition] };
});

export const sevenDayGiftMeta: RuleMeta = {
  id: 'R-7DAY-GIFT',
  title: '七天无理由退货与赠品',
  statement: '七天无理由退货时赠品应一并完好退回；因买家原因无法退回或途中毁损的，卖家不得拒绝退货，但可按赠品价值扣款。',
  kind: 'platform',
  area: 'seven-day',
  sources: [tb(61), cite('sevenDayMeasures', 12)],
  editions: both,
  decides: true,
};

export const sevenDayGiftRule = defineRule(sevenDayGiftMeta, (read: FactReader) => {
  const issue = read.optional('gift.issue');
  const applies = issue === 'returned-damaged';
  return {
    applies,
    note: applies ? '赠品因买家原因无法完好退回，卖家不得拒绝退货，但可按赠品价值从货款中扣除。' : '赠品随商品一并完好退回。',
  };
});

export const sevenDayRefundDeadlineMeta: RuleMeta = {
  id: 'R-7DAY-REFUND-DEADLINE',
  title: '收到退货后七日内退款',
  statement: '经营者应自收到退回商品之日起七日内返还价款（自然日，参数）。',
  kind: 'law',
  area: 'seven-day',
  sources: [cite('consumerLaw', 25), cite('sevenDayMeasures', 13)],
  editions: both,
  decides: true,
};

/** Latest instant to refund after the seller received the return: end of the Nth calendar day after receipt. */
export function refundDueBy(sellerReceivedAt: Instant, parameters: Pick<PolicyParameters, 'refundAfterReturnDays'>): Instant {
  return addDays(startOfBeijingDay(sellerReceivedAt), parameters.refundAfterReturnDays + 1) - 1;
}

export const sevenDayRefundDeadlineRule = defineRule(sevenDayRefundDeadlineMeta, (read: FactReader) => {
  const receivedAt = read.fact('returnLeg.sellerReceivedAt');
  const due = refundDueBy(receivedAt, read.parameters);
  return {
    applies: true,
    due,
    note: `卖家 ${formatBeijingTime(receivedAt)} 签收退货，须在 ${formatBeijingTime(due)} 前退款（${read.parameters.refundAfterReturnDays} 个自然日）。`,
  };
});

export const sevenDayGoodFaithMeta: RuleMeta = {
  id: 'R-7DAY-GOOD-FAITH',
  title: '不得滥用七天无理由退货',
  statement: '消费者不得滥用七天无理由退货权利；滥用会员权利的，所有运费由买家承担（由七天无理由运费规则一并判断）。',
  kind: 'law',
  area: 'seven-day',
  sources: [cite('consumerRegulation', 19), tb(53)],
  editions: both,
  decides: false,
};

export const refundAmountMeta: RuleMeta = {
  id: 'R-7DAY-REFUND-AMOUNT',
  title: '退款金额与方式',
  statement: '退还买家实际支付的价款，原路退回；只退一单中的部分商品（部分退货、部分拒签）的，退的是这部分商品按购买时价格结算的价款，不是整单；部分退货致使不再满足包邮条件的，运费由买家承担，卖家可在退款时扣除。',
  kind: 'law',
  area: 'seven-day',
  sources: [cite('sevenDayMeasures', 14), cite('sevenDayMeasures', 17), cite('sevenDayMeasures', 18), tb(53)],
  editions: both,
  decides: true,
};

/**
 * The amount a refund is based on: the disputed goods' own price where only part of the order is disputed. Throws
 * `MissingFactError` for `goods.price` when the facts say part of the order was returned but not which amount.
 */
export const refundBaseRule = defineRule(refundAmountMeta, (read: FactReader) => {
  const partial = read.optional('order.freeShippingLostByPartialReturn') === true;
  const orderPrice = read.fact('order.price');
  const price = partial ? read.fact('goods.price') : read.optional('goods.price');
  if (price === undefined) return { applies: false, base: orderPrice, note: `争议整单，按买家实付 ${orderPrice} 元计算退款。` };
  return {
    applies: true,
    base: price,
    note: `只就订单中的部分商品争议：退款按该商品购买时的价格 ${price} 元结算，不是整单 ${orderPrice} 元${partial ? '；不再满足包邮条件产生的运费由买家承担，卖家可在退款时扣除（七日办法第十八条）' : ''}。`,
  };
});

export const sevenDayProcedureMetas: readonly RuleMeta[] = [
  {
    id: 'R-7DAY-ADDRESS',
    title: '退货地址与退货方式',
    statement: '收到退货通知后，卖家应及时提供真实的退货地址和联系方式；不得限制退货方式。',
    kind: 'law',
    area: 'seven-day',
    sources: [cite('sevenDayMeasures', 11), cite('sevenDayMeasures', 19)],
    editions: both,
    decides: false,
  },
  {
    id: 'R-7DAY-RESALE',
    title: '退回商品再次销售须明示',
    statement: '七天无理由退回且无法恢复原状的商品再次销售时，应当明示。',
    kind: 'law',
    area: 'seven-day',
    sources: [cite('sevenDayMeasures', 25)],
    editions: both,
    decides: false,
  },
];
