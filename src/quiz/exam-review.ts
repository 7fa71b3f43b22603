import type { Ruling } from '../rules/index.ts';
import type { AnswerValue } from './asked-fields.ts';
import type { AttemptEntry } from './exam-assembly.ts';
import { displayAnswer, examQuestion, keyResponse, type ExamQuestion, type KeyedQuestion } from './exam-paper.ts';
import { grade, type Response } from './grade.ts';
import { isReplyItem, type Claim, type Item } from './item-schema.ts';
import { explanationSteps, type ExplanationStep } from './practice-item.ts';
import { isSopField, sequenceRules, sopFieldRule } from './sop-fields.ts';

export type ReviewPolicy = 'score-only' | 'mistakes' | 'full';

/**
 * Why one choice of a reviewed question is right or wrong, as data: the rule whose finding settles it (with that
 * finding's note from the ruling's trace), what the engine found for the asked field, and for a reply (回复话术) its
 * tone and the promises the engine finds false. Wording is the presentation layer's (src/present/exam-review-view.ts).
 */
export interface OptionBasis {
  readonly isKey: boolean;
  readonly isChosen: boolean;
  readonly ruleId: string | null;
  readonly note: string | null;
  /** The asked field and the engine's value of it (single and true/false items). */
  readonly finding?: { readonly ask: Claim['ask']; readonly value: AnswerValue };
  readonly reply?: { readonly isPolite: boolean; readonly broken: readonly { readonly claim: Claim; readonly value: AnswerValue }[] };
}

/** One reviewed question: what was asked, what the trainee answered, the key in display order and the rules behind it. */
export interface ReviewItem {
  readonly question: ExamQuestion;
  readonly response: Response | null;
  readonly correct: boolean;
  readonly answer: Response;
  readonly explanation: readonly ExplanationStep[];
  readonly authorExplanation?: string;
  /** Per displayed choice, in display order; empty for ordering items (their key is the order itself). */
  readonly options: readonly OptionBasis[];
}

/** The rule that settles `field` in `ruling`: the SOP rule of a SOP field, the freight or risk rule, else the deciding one. */
function fieldRule(field: Claim['ask'], ruling: Ruling): string {
  if (isSopField(field)) return sopFieldRule(field);
  if (field.startsWith('freight.') && ruling.freight) return ruling.freight.ruleId;
  if (field.startsWith('transitRisk.') && ruling.transitRisk) return ruling.transitRisk.ruleId;
  return ruling.decidingRuleId;
}

function basisOf(field: Claim['ask'], ruling: Ruling | undefined, value: AnswerValue): Pick<OptionBasis, 'ruleId' | 'note' | 'finding'> {
  if (!ruling) return { ruleId: null, note: null };
  const ruleId = fieldRule(field, ruling);
  return { ruleId, note: ruling.trace.find((step) => step.ruleId === ruleId)?.note ?? null, finding: { ask: field, value } };
}

const chosenIndices = (type: Item['type'], response: Response | undefined): readonly number[] => {
  if (response === undefined) return [];
  if (type === 'truefalse') return typeof response === 'boolean' ? [response ? 0 : 1] : [];
  if (typeof response === 'number') return [response];
  return Array.isArray(response) && response.every((value) => typeof value === 'number') ? (response as number[]) : [];
};

/**
 * The basis of every displayed choice of one question (display order follows the attempt's option order). Statement
 * items read each statement's own ruling; a reply item reads the engine's verdict on each reply.
 */
export function optionBases(entry: AttemptEntry, { item, key }: KeyedQuestion, response: Response | undefined): OptionBasis[] {
  if (item.type === 'ordering' || key.type === 'ordering') return [];
  const chosen = chosenIndices(item.type, response);
  const keyShown = displayAnswer(entry, key);
  const keyIndices = chosenIndices(item.type, keyShown);
  const count = examQuestion(entry, { item, key }).choices.length;
  const authoredOf = (shown: number) => (entry.optionOrder && item.type !== 'truefalse' ? entry.optionOrder[shown]! : shown);
  return Array.from({ length: count }, (_, shown): OptionBasis => {
    const authored = authoredOf(shown);
    const common = { isKey: keyIndices.includes(shown), isChosen: chosen.includes(shown) };
    if (item.type === 'multiple' && key.type === 'multiple') {
      const ruling = key.rulings[authored];
      const claim = item.statements[authored]!.claim;
      // Whether the statement holds is the verdict; its ruling's note says why (the engine's value is not kept per statement).
      const { ruleId, note } = basisOf(claim.ask, ruling, null);
      return { ...common, ruleId, note };
    }
    const ruling = key.rulings[0];
    if (item.type === 'single' && isReplyItem(item) && key.type === 'single' && key.verdicts) {
      const verdict = key.verdicts[authored]!;
      const broken = verdict.promises.filter((promise) => !promise.holds).map(({ claim, value }) => ({ claim, value }));
      const field = broken[0]?.claim.ask ?? verdict.promises[0]?.claim.ask;
      // A reply wrong by its tone alone breaks the shop's service flow, whose first step is 安抚顾客.
      const rule =
        !verdict.polite && broken.length === 0
          ? { ruleId: sequenceRules['service-flow'], note: null }
          : field && ruling
            ? basisOf(field, ruling, null)
            : { ruleId: null, note: null };
      return { ...common, ruleId: rule.ruleId, note: rule.note, reply: { isPolite: verdict.polite, broken } };
    }
    if (item.type === 'single' && 'ask' in item && key.type === 'single') return { ...common, ...basisOf(item.ask, ruling, key.value) };
    if (item.type === 'truefalse' && key.type === 'truefalse') return { ...common, ...basisOf(item.claim.ask, ruling, key.value) };
    return { ...common, ruleId: null, note: null };
  });
}

/**
 * The review a policy allows after submission: nothing item by item for `score-only`; for `mistakes` every question,
 * but the key, rules and per-choice reasons only for the ones answered wrong (a right answer is already known to the
 * trainee); for `full` everything. Questions no longer in the bank are left out rather than guessed.
 */
export function examReview(
  policy: ReviewPolicy,
  entries: readonly AttemptEntry[],
  responses: Readonly<Record<string, Response | undefined>>,
  lookup: (itemId: string) => KeyedQuestion | undefined,
): ReviewItem[] {
  if (policy === 'score-only') return [];
  const reviewed: ReviewItem[] = [];
  for (const entry of entries) {
    const question = lookup(entry.itemId);
    if (!question) continue;
    const response = responses[entry.itemId];
    const correct = response !== undefined && grade(question.key, keyResponse(entry, question.item.type, response)).correct;
    const isExplained = policy === 'full' || !correct;
    reviewed.push({
      question: examQuestion(entry, question),
      response: response ?? null,
      correct,
      answer: isExplained ? displayAnswer(entry, question.key) : response!,
      explanation: isExplained ? explanationSteps(question.key.rulings) : [],
      ...(isExplained && question.item.explanation ? { authorExplanation: question.item.explanation } : {}),
      options: isExplained ? optionBases(entry, question, response) : [],
    });
  }
  return reviewed;
}
