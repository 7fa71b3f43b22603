import {
  formatBeijingTime,
  isValidSigning,
  parseFacts,
  sevenDayEligibility,
  type Facts,
  type Ruling,
} from '../rules/index.ts';
import { isSopField, sopAnswer, sopFieldIds, type SopField } from './sop-fields.ts';

/**
 * The parts of a ruling a question can ask about. Each maps a scenario's ruling (and facts) to a comparable
 * value, so every answer key comes from the rule module, never from the author.
 */
export const askedFields = {
  resolution: (ruling: Ruling) => ruling.resolution,
  supported: (ruling: Ruling) => ruling.supported,
  decidingRule: (ruling: Ruling) => ruling.decidingRuleId,
  'freight.outbound': (ruling: Ruling) => ruling.freight?.outbound ?? null,
  'freight.return': (ruling: Ruling) => ruling.freight?.return ?? null,
  'freight.resend': (ruling: Ruling) => ruling.freight?.resend ?? null,
  'transitRisk.minor': (ruling: Ruling) => ruling.transitRisk?.minor ?? null,
  'transitRisk.destroyed': (ruling: Ruling) => ruling.transitRisk?.destroyed ?? null,
  'transitRisk.lost': (ruling: Ruling) => ruling.transitRisk?.lost ?? null,
  refundAmount: (ruling: Ruling) => ruling.refundAmount ?? null,
  testFee: (ruling: Ruling) => ruling.testFee ?? null,
  shippedLate: (ruling: Ruling) => ruling.deadlines.shippedLate ?? null,
  claimInSevenDayWindow: (ruling: Ruling) => ruling.deadlines.claimInSevenDayWindow ?? null,
  sevenDayWindowEnd: (ruling: Ruling) => timeOrNull(ruling.deadlines.sevenDayWindowEnd),
  shipBy: (ruling: Ruling) => timeOrNull(ruling.deadlines.shipBy),
  refundDueBy: (ruling: Ruling) => timeOrNull(ruling.deadlines.refundDueBy),
  validSigning: (_ruling: Ruling, facts: Facts) =>
    facts.delivery?.receivedBy === undefined ? null : isValidSigning(facts.delivery.receivedBy, facts.delivery.placeDesignated),
  sevenDayEligible: (_ruling: Ruling, facts: Facts) =>
    facts.goods.sevenDayClass === undefined
      ? null
      : sevenDayEligibility(facts.goods.sevenDayClass, facts.goods.sevenDayOptOutConfirmed).eligible,
} as const satisfies Record<string, (ruling: Ruling, facts: Facts) => AnswerValue>;

/** A part of the platform ruling (`askedFields`) or a shop-SOP finding (`sop.*`, see sop-fields.ts). */
export type AskedField = keyof typeof askedFields | SopField;
export const askedFieldIds: readonly AskedField[] = [...(Object.keys(askedFields) as (keyof typeof askedFields)[]), ...sopFieldIds];

/** A value a question's option stands for: a resolution id, a party, a rule id, a Beijing time, a number, yes/no. */
export type AnswerValue = string | number | boolean | null;

function timeOrNull(instant: number | undefined): string | null {
  return instant === undefined ? null : formatBeijingTime(instant);
}

/**
 * Reads `field` off a ruling. `factsInput` is parsed again (with `parse`, `parseFacts` unless a caller remembers
 * parses) so helper fields see the same facts `decide()` saw.
 */
export function answerOf(field: AskedField, ruling: Ruling, factsInput: unknown, parse: (facts: unknown) => Facts = parseFacts): AnswerValue {
  if (isSopField(field)) return sopAnswer(field, ruling);
  return askedFields[field](ruling, parse(factsInput));
}

/** Whether two answer values mean the same thing (times compare by instant, whatever their spelling). */
export function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  return normalise(a) === normalise(b);
}

function normalise(value: AnswerValue): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.replace('T', ' ').replace(/:00$/, '').slice(0, 16);
  return JSON.stringify(value);
}
