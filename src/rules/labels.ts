import type { Channel, Receiver } from './facts.ts';
import type { Party, Resolution } from './ruling.ts';

/** Chinese names for the engine's values, for pages, feedback and quiz options. */
export const resolutionLabels: Readonly<Record<Resolution, string>> = {
  refund: '退款（买家无需退货）',
  'return-and-refund': '退货退款',
  'partial-refund': '部分退款',
  'pay-seller': '打款卖家',
  reject: '驳回买家诉求',
  exchange: '换货',
  resend: '补寄',
  repair: '维修',
  'not-accepted': '不予受理',
};

/**
 * The same outcomes as short verb phrases that read inside a sentence (“平台规则支持买家退款”); shop SOP wording and
 * feedback use these, labels and options use `resolutionLabels`.
 */
export const resolutionPhrases: Readonly<Record<Resolution, string>> = {
  refund: '退款',
  'return-and-refund': '退货退款',
  'partial-refund': '部分退款',
  'pay-seller': '打款给卖家',
  reject: '驳回',
  exchange: '换货',
  resend: '补寄',
  repair: '维修',
  'not-accepted': '不予受理',
};

export const partyLabels: Readonly<Record<Party | 'none', string>> = { buyer: '买家', seller: '卖家', none: '无' };

export const channelLabels: Readonly<Record<Channel, string>> = { taobao: '淘宝', tmall: '天猫', tmallGlobal: '天猫国际' };

export const receiverLabels: Readonly<Record<Receiver, string>> = {
  self: '收件人本人',
  'authorised-person': '收件人委托的人',
  door: '门口',
  'property-office': '物业',
  station: '驿站',
  locker: '快递柜',
  'other-person': '未经委托的他人',
};

export const riskLabels = { minor: '破损', destroyed: '损毁', lost: '灭失' } as const;
