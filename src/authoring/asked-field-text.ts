import type { Ruling } from '../rules/index.ts';
import { optionText, type AnswerValue, type AskedField } from '../quiz/index.ts';
import { isSopField, isSopTimeField, sopFieldLabel, sopFieldRule } from '../quiz/index.ts';
import type { TraceLine } from './author-error.ts';
import { decidingChain, singleStep } from './deciding-chain.ts';
import { ruleText } from './value-text.ts';

/** What each askable part of the platform ruling is called in messages (SOP fields: `askedFieldLabel`). */
export const askedFieldLabels = {
  resolution: '处理结果',
  supported: '支持哪方',
  decidingRule: '决定性规则',
  'freight.outbound': '发货运费',
  'freight.return': '退货运费',
  'freight.resend': '再次发货运费',
  'transitRisk.minor': '运输破损风险',
  'transitRisk.destroyed': '运输损毁风险',
  'transitRisk.lost': '运输灭失风险',
  refundAmount: '退款金额',
  testFee: '检测费',
  shippedLate: '是否延迟发货',
  claimInSevenDayWindow: '是否在七天无理由期限内',
  sevenDayWindowEnd: '七天无理由期限截止',
  shipBy: '最晚发货时间',
  refundDueBy: '退款期限',
  validSigning: '是否有效签收',
  sevenDayEligible: '是否支持七天无理由',
} as const satisfies Record<Exclude<AskedField, `sop.${string}`>, string>;

/** What an askable field is called in messages. */
export function askedFieldLabel(field: AskedField): string {
  return isSopField(field) ? sopFieldLabel(field) : askedFieldLabels[field];
}

const timeFields: ReadonlySet<AskedField> = new Set(['sevenDayWindowEnd', 'shipBy', 'refundDueBy']);

/** `sevenDayWindowEnd（七天无理由期限截止）` */
export function askedFieldText(field: AskedField): string {
  return `${field}（${askedFieldLabel(field)}）`;
}

/** A value as the author wrote it, with what it means: `seller（卖家承担）`, `2025-09-11 00:00`, `null（不适用）`. */
export function answerText(field: AskedField, value: AnswerValue): string {
  if (field === 'decidingRule' && typeof value === 'string') return ruleText(value);
  if (value !== null && (timeFields.has(field) || (isSopField(field) && isSopTimeField(field)))) return String(value);
  // optionText looks labels up by value: a value the field never takes comes back with "undefined" in it.
  const meaning = optionText(field, value);
  return `${value === null ? 'null' : String(value)}（${meaning.includes('undefined') ? `${field} 没有这个取值` : meaning}）`;
}

// Deadlines and helper fields are computed by one rule: its own step is the whole explanation.
const singleStepRule: Partial<Record<AskedField, string>> = {
  shippedLate: 'R-SHIP-DEADLINE',
  shipBy: 'R-SHIP-DEADLINE',
  claimInSevenDayWindow: 'R-7DAY-WINDOW',
  sevenDayWindowEnd: 'R-7DAY-WINDOW',
  refundDueBy: 'R-7DAY-REFUND-DEADLINE',
  validSigning: 'R-SIGN-WHO',
  sevenDayEligible: 'R-7DAY-SCOPE',
};

/** The rule whose trace step explains `field` in this ruling (its facts are what the author should re-check). */
export function ruleBehind(field: AskedField, ruling: Ruling): string {
  if (isSopField(field)) return sopFieldRule(field);
  const single = singleStepRule[field];
  if (single) return single;
  if (field.startsWith('freight.') && ruling.freight) return ruling.freight.ruleId;
  if (field.startsWith('transitRisk.') && ruling.transitRisk) return ruling.transitRisk.ruleId;
  if (field === 'testFee' && ruling.trace.some((step) => step.ruleId === 'R-TEST-FEE')) return 'R-TEST-FEE';
  if (field === 'refundAmount' && ruling.trace.some((step) => step.ruleId === 'R-7DAY-REFUND-AMOUNT' && step.applied)) return 'R-7DAY-REFUND-AMOUNT';
  return ruling.decidingRuleId;
}

/** The rules that led to the engine's value of `field`, as the case gate shows them for the same field. */
export function traceFor(field: AskedField, ruling: Ruling): TraceLine[] {
  const target = ruleBehind(field, ruling);
  return singleStepRule[field] || isSopField(field) ? singleStep(ruling, target) : decidingChain(ruling, target);
}
