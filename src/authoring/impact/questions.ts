import type { Ruling } from '../../rules/index.ts';
import { answerOf, sameAnswer, type AnswerValue, type AskedField } from '../../quiz/index.ts';
import { answerText, askedFieldLabel, ruleBehind } from '../asked-field-text.ts';

/** What a flip is about: an askable part of a ruling, or the extra compensation the legacy wording ordered for fakes. */
export type ImpactQuestion = AskedField | 'compensationMultiple';

/** An answer, or the rule module's refusal to decide (a missing or contradictory fact under that policy). */
export type ImpactAnswer = { readonly value: AnswerValue } | { readonly error: string };

/**
 * The parts of a case's ruling the report compares: everything a case page shows and a question can ask about a
 * ruling itself. Deadlines are left out because they follow from parameters, which both sides of a comparison share.
 */
export const caseQuestions: readonly ImpactQuestion[] = [
  'resolution',
  'supported',
  'decidingRule',
  'freight.outbound',
  'freight.return',
  'freight.resend',
  'transitRisk.minor',
  'transitRisk.destroyed',
  'transitRisk.lost',
  'refundAmount',
  'testFee',
  'compensationMultiple',
];

export function questionLabel(question: ImpactQuestion): string {
  return question === 'compensationMultiple' ? '额外赔偿' : askedFieldLabel(question);
}

/** The answer `ruling` gives to `question` (`facts` are the scenario's, for the fields that read facts). */
export function answerTo(question: ImpactQuestion, ruling: Ruling, facts: unknown): AnswerValue {
  if (question === 'compensationMultiple') return ruling.compensationMultiple ?? null;
  return answerOf(question, ruling, facts);
}

export function sameImpactAnswer(a: ImpactAnswer, b: ImpactAnswer): boolean {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b;
  return sameAnswer(a.value, b.value);
}

/** The answer in Chinese, as the report prints it: `buyer（买家承担）`, `无法裁决：…`. */
export function impactAnswerText(question: ImpactQuestion, answer: ImpactAnswer): string {
  if ('error' in answer) return `无法裁决：${answer.error}`;
  if (question === 'compensationMultiple') return answer.value === null ? '无' : `${String(answer.value)} 倍（假一赔${String(answer.value)}）`;
  return answerText(question, answer.value);
}

/** The rule that fixed `question` in `ruling` (its trace step explains the answer). */
export function ruleFixing(question: ImpactQuestion, ruling: Ruling): string {
  return question === 'compensationMultiple' ? ruling.decidingRuleId : ruleBehind(question, ruling);
}
