import type { Channel } from './facts.ts';

/**
 * Values the sources leave open or contradict (RULES.md §6, §7). Each is a named parameter with the default below;
 * callers override any of them through `decide(facts, { parameters })`.
 */
export interface PolicyParameters {
  /**
   * Default shipping deadline per channel, in hours after payment, used when the seller promised nothing.
   * 淘宝 72 h and 天猫 48 h / 天猫国际 120 h are the values most sources give; one secondary source says 淘宝 48 h and
   * another 天猫 72 h, and the official 《天猫发货管理规范》 text was not found (RULES.md S13).
   */
  readonly shipDeadlineHours: Readonly<Record<Channel, number>>;
  /** Length of the 7-day window from 00:00 of the day after signing: 7 × 24 h (《淘宝网七天无理由退货规范》第二条). */
  readonly sevenDayHours: number;
  /** Calendar days the seller has to refund after receiving a 7-day return (《消费者权益保护法》第二十五条). */
  readonly refundAfterReturnDays: number;
  /**
   * Days after signing within which 淘宝 accepts a claim (第四条). The number is not in the rule text: null means
   * unknown, and the acceptance-deadline rule is then reported as not evaluated instead of guessed.
   */
  readonly acceptanceDeadlineDays: number | null;
  /** 三包: a performance fault within this many days of sale may be returned (部分商品修理更换退货责任规定 第九条). */
  readonly threeGuaranteesReturnDays: number;
  /** 三包: within this many days, exchange or repair (第十条). */
  readonly threeGuaranteesExchangeDays: number;
  /**
   * Who pays a test 淘宝 requested whose result did not confirm the problem. 第七十一条 covers a confirmed problem
   * (seller) and 第七十二条 a test 淘宝 did not request (negotiated); neither says who pays here, so the default is
   * 'negotiate' (本站默认) and a lead may set another value.
   */
  readonly unconfirmedTestFee: 'buyer' | 'seller' | 'negotiate';
}

export const defaultParameters: PolicyParameters = {
  shipDeadlineHours: { taobao: 72, tmall: 48, tmallGlobal: 120 },
  sevenDayHours: 168,
  refundAfterReturnDays: 7,
  acceptanceDeadlineDays: null,
  threeGuaranteesReturnDays: 7,
  threeGuaranteesExchangeDays: 15,
  unconfirmedTestFee: 'negotiate',
};
