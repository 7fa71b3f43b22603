import type { Deadlines, Ruling } from '../../rules/index.ts';
import {
  deadlineLabels,
  deadlineText,
  optionsText,
  partyText,
  resolutionText,
  testFeeText,
  transitRiskText,
  yuanText,
} from './ruling-format.ts';

export interface RulingChange {
  /** What changed, e.g. 结果. */
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

type Aspect = readonly [label: string, text: (ruling: Ruling) => string];

const aspects: readonly Aspect[] = [
  ['结果', (r) => resolutionText(r.resolution)],
  ['支持', (r) => partyText(r.supported)],
  ['决定规则', (r) => r.decidingRuleId],
  ['买家可选', (r) => optionsText(r.options)],
  ['发货运费', (r) => partyText(r.freight?.outbound)],
  ['退货运费', (r) => partyText(r.freight?.return)],
  ['再次发货运费', (r) => partyText(r.freight?.resend)],
  ['运输风险', (r) => transitRiskText(r.transitRisk)],
  ['退款金额', (r) => yuanText(r.refundAmount)],
  ['检测费', (r) => testFeeText(r.testFee)],
  ...(Object.keys(deadlineLabels) as (keyof Deadlines)[]).map(
    (key): Aspect => [deadlineLabels[key], (r) => deadlineText(r.deadlines[key])],
  ),
];

/** What differs between two rulings, most important first; empty when the edit changed nothing a learner sees. */
export function rulingChanges(before: Ruling, after: Ruling): RulingChange[] {
  return aspects
    .map(([label, text]) => ({ label, from: text(before), to: text(after) }))
    .filter((change) => change.from !== change.to);
}

/** One change as a sentence: 结果由 退货退款 变为 驳回买家诉求. */
export function changeSentence(change: RulingChange): string {
  return `${change.label}由 ${change.from} 变为 ${change.to}`;
}
