import { defaultParameters, formatBeijingTime, parseBeijingTime, sevenDayWindow, shippingDeadline, type Channel } from '../rules/index.ts';

function instant(text: string): number {
  const value = parseBeijingTime(text);
  if (value === null) throw new Error(`模板参数“${text}”不是北京时间“YYYY-MM-DD HH:mm”`);
  return value;
}

export function addMinutesText(text: string, minutes: number): string {
  return formatBeijingTime(instant(text) + minutes * 60_000);
}

/** The 7-day window's (exclusive) end for goods signed at `signedAt`. */
export function sevenDayEndText(signedAt: string): string {
  return formatBeijingTime(sevenDayWindow(instant(signedAt), defaultParameters).end);
}

/** The shipping deadline for an order paid at `paidAt`. */
export function shipByText(paidAt: string, channel: string, promisedHours: number | undefined): string {
  return formatBeijingTime(shippingDeadline(instant(paidAt), channel as Channel, promisedHours, defaultParameters));
}
