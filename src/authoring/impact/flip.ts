import type { EditionId } from '../../rules/index.ts';
import { isSopField, sopFieldRule } from '../../quiz/index.ts';
import { attributeFlip } from './attribution.ts';
import { answerTo, impactAnswerText, questionLabel, sameImpactAnswer, type ImpactAnswer, type ImpactQuestion } from './questions.ts';
import type { Decided, DecidedPair } from './side-by-side.ts';

export type ContentKind = 'case' | 'item' | 'template';

/** One answer that differs between the two policies. */
export interface Flip {
  readonly kind: ContentKind;
  /** Case slug, item id or template id. */
  readonly contentId: string;
  /** Where inside the content, in Chinese: `第 2 条陈述`, `种子 7`, `参数 freeShipping=false…`. */
  readonly detail?: string;
  /** The id a stored answer carries (`templateId~seed`), for template variants drawn from a seed. */
  readonly variantId?: string;
  readonly question: ImpactQuestion;
  /** The question in Chinese, e.g. `发货运费`. */
  readonly questionText: string;
  readonly before: ImpactAnswer;
  readonly after: ImpactAnswer;
  readonly beforeText: string;
  readonly afterText: string;
  /** The rule whose change caused the flip (see `attributeFlip`). */
  readonly ruleId: string;
  /** The edition the content declares (a case or item pinned to `legacy` keeps being keyed under it on the site). */
  readonly declaredEdition: EditionId;
  /** The rule that decided the old ruling: what a certificate that examined this content lists as covered. */
  readonly decidingRuleBefore: string | null;
}

/** How a flip's answer is read off a decided scenario; true/false and statement items compare whether a claim holds. */
export type AnswerReader = (decided: Decided, facts: unknown) => ImpactAnswer;

export const readField =
  (question: ImpactQuestion): AnswerReader =>
  (decided, facts) =>
    'error' in decided ? { error: decided.error } : { value: answerTo(question, decided.ruling, facts) };

// A refusal on one side is caused by the rule that asked for the missing fact, when the module names it.
function causeOf(pair: DecidedPair, question: ImpactQuestion, declared: ReadonlySet<string>): string {
  if ('ruling' in pair.before && 'ruling' in pair.after) return attributeFlip(question, pair.before.ruling, pair.after.ruling, declared);
  for (const side of [pair.after, pair.before]) if ('error' in side && side.ruleId) return side.ruleId;
  for (const side of [pair.after, pair.before]) if ('ruling' in side) return side.ruling.decidingRuleId;
  return '（未知）';
}

/**
 * Compares one question of a scenario under both policies; returns the flip, or undefined when both give the same
 * answer. `declared` is the set of rules the policies declare changed (it steers attribution only).
 */
export function compareQuestion(
  pair: DecidedPair,
  question: ImpactQuestion,
  where: { readonly kind: ContentKind; readonly contentId: string; readonly detail?: string; readonly variantId?: string },
  declared: ReadonlySet<string>,
  read: AnswerReader = readField(question),
  describe: (answer: ImpactAnswer) => string = (answer) => impactAnswerText(question, answer),
): Flip | undefined {
  const before = read(pair.before, pair.facts);
  const after = read(pair.after, pair.facts);
  if (sameImpactAnswer(before, after)) return undefined;
  const ruleId = causeOf(pair, question, declared);
  return {
    ...where,
    question,
    questionText: questionLabel(question),
    before,
    after,
    beforeText: describe(before),
    afterText: describe(after),
    ruleId,
    declaredEdition: pair.edition,
    // A shop-SOP answer is decided by its SOP rule, which is also what a certificate that examined it covers.
    decidingRuleBefore: isSopField(question) ? sopFieldRule(question) : 'ruling' in pair.before ? pair.before.ruling.decidingRuleId : null,
  };
}
