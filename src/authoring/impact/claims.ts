import { sameAnswer, type AnswerValue, type AskedField } from '../../quiz/index.ts';
import { answerText } from '../asked-field-text.ts';
import type { AnswerReader, Flip } from './flip.ts';
import { answerTo, questionLabel, type ImpactAnswer } from './questions.ts';
import type { Decided, DecidedPair } from './side-by-side.ts';

/** Reads whether "the ruling's `ask` is `equals`" holds: the answer a true/false item or a statement keys on. */
export const readClaim =
  (ask: AskedField, equals: AnswerValue): AnswerReader =>
  (decided, facts) =>
    'error' in decided ? { error: decided.error } : { value: sameAnswer(answerTo(ask, decided.ruling, facts), equals) };

/** Whether a claim holds, in Chinese; the engine's own value is added by `describeClaimFlip`. */
export const claimHoldsText = (answer: ImpactAnswer) => ('error' in answer ? `无法裁决：${answer.error}` : answer.value ? '成立' : '不成立');

/** Rewrites a claim flip's texts: the question quotes the claim, each answer says whether it holds and what the engine found. */
export function describeClaimFlip(flip: Flip, ask: AskedField, equals: AnswerValue, pair: DecidedPair): Flip {
  const holds = (answer: ImpactAnswer, side: Decided) =>
    'ruling' in side && !('error' in answer) ? `${claimHoldsText(answer)}，引擎判定 ${answerText(ask, answerTo(ask, side.ruling, pair.facts))}` : claimHoldsText(answer);
  return {
    ...flip,
    questionText: `断言“${questionLabel(ask)}为 ${answerText(ask, equals)}”是否成立`,
    beforeText: holds(flip.before, pair.before),
    afterText: holds(flip.after, pair.after),
  };
}
