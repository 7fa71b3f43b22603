import { addHours, formatBeijingTime, startOfBeijingDay, type Instant, addDays } from './beijing-time.ts';
import type { SevenDayClass } from './facts.ts';
import type { PolicyParameters } from './parameters.ts';
import { defineRule, type FactReader } from './rule.ts';
import { isPlaceReceiver, isValidSigning } from './signing.ts';
import type { RuleHead } from './rule-meta.ts';

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

export const sevenDayScopeMeta: RuleHead = {
  id: 'R-7DAY-SCOPE',
  title: '七天无理由退货的适用范围',
  kind: 'law',
  area: 'seven-day',
  editions: both,
  decides: true,
};

export const sevenDayScopeRule = defineRule(sevenDayScopeMeta, (read: FactReader) => {
  const sevenDayClass = read.fact('goods.sevenDayClass');
  const confirmed = needsOptOutConfirmation(sevenDayClass) ? read.fact('goods.sevenDayOptOutConfirmed') : undefined;
  const { eligible, reason } = sevenDayEligibility(sevenDayClass, confirmed);
  return { applies: eligible, note: `${reason}。` };
});

export const formatClauseMeta: RuleHead = {
  id: 'R-GEN-FORMAT-CLAUSE',
  title: '不利于买家的格式条款无效',
  kind: 'platform',
  area: 'general',
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

export const sevenDayWindowMeta: RuleHead = {
  id: 'R-7DAY-WINDOW',
  title: '七天无理由退货期限',
  kind: 'law',
  area: 'seven-day',
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

export const sevenDayIntactMeta: RuleHead = {
  id: 'R-7DAY-INTACT',
  title: '退回商品应当完好',
  kind: 'law',
  area: 'seven-day',
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

export const sevenDayGiftMeta: RuleHead = {
  id: 'R-7DAY-GIFT',
  title: '七天无理由退货与赠品',
  kind: 'platform',
  area: 'seven-day',
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

export const sevenDayRefundDeadlineMeta: RuleHead = {
  id: 'R-7DAY-REFUND-DEADLINE',
  title: '收到退货后七日内退款',
  kind: 'law',
  area: 'seven-day',
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

export const sevenDayGoodFaithMeta: RuleHead = {
  id: 'R-7DAY-GOOD-FAITH',
  title: '不得滥用七天无理由退货',
  kind: 'law',
  area: 'seven-day',
  editions: both,
  decides: false,
};

export const refundAmountMeta: RuleHead = {
  id: 'R-7DAY-REFUND-AMOUNT',
  title: '退款金额与方式',
  kind: 'law',
  area: 'seven-day',
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

export const sevenDayProcedureMetas: readonly RuleHead[] = [
  {
    id: 'R-7DAY-ADDRESS',
    title: '退货地址与退货方式',
    kind: 'law',
    area: 'seven-day',
    editions: both,
    decides: false,
  },
  {
    id: 'R-7DAY-RESALE',
    title: '退回商品再次销售须明示',
    kind: 'law',
    area: 'seven-day',
    editions: both,
    decides: false,
  },
];
