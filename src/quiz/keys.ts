import { negotiationLadder, serviceFlow, type Ruling, type ShopPolicy } from '../rules/index.ts';
import { answerOf, sameAnswer, type AnswerValue } from './asked-fields.ts';
import { isReplyItem, type Claim, type Item, type Scenario, type Sequence } from './item-schema.ts';
import { judgeReplies, UnkeyableReplyError, type ReplyVerdict } from './replies.ts';
import { decideScenario, type ScenarioContext } from './scenario.ts';

/**
 * The engine's answer to an item, with the rulings that justify it (for feedback and coverage). A reply item
 * (回复话术) is keyed as `single`; its `value` is null, since its options stand for replies, not values.
 */
export type Key =
  | {
      readonly type: 'single';
      readonly answer: number;
      readonly value: AnswerValue;
      readonly rulings: readonly Ruling[];
      /** A reply item's verdict on each reply (tone and promises), for per-option feedback after an exam. */
      readonly verdicts?: readonly ReplyVerdict[];
    }
  | { readonly type: 'multiple'; readonly answer: readonly number[]; readonly rulings: readonly Ruling[] }
  | { readonly type: 'truefalse'; readonly answer: boolean; readonly value: AnswerValue; readonly rulings: readonly Ruling[] }
  | { readonly type: 'ordering'; readonly answer: readonly string[]; readonly rulings: readonly Ruling[] };

/** An item whose options do not single out the engine's answer. */
export class UnkeyableItemError extends Error {
  readonly itemId: string;
  readonly engineValue: AnswerValue;
  readonly matches: readonly number[];
  constructor(itemId: string, engineValue: AnswerValue, matches: readonly number[]) {
    super(
      matches.length === 0
        ? `引擎判定的答案是 ${JSON.stringify(engineValue)}，但没有任何选项代表这个取值。请把正确取值加入选项。`
        : `有 ${matches.length} 个选项（${matches.join('、')}）都代表引擎的答案 ${JSON.stringify(engineValue)}，题目有歧义。请保留一个。`,
    );
    this.itemId = itemId;
    this.engineValue = engineValue;
    this.matches = matches;
  }
}

/** The steps of a shop sequence, in the order the shop policy configures. */
export function sequenceSteps(sequence: Sequence, policy: ShopPolicy): string[] {
  return sequence === 'service-flow' ? serviceFlow(policy).map((step) => step.step) : negotiationLadder(policy).map((step) => step.action);
}

function evaluateClaim(claim: Claim, scenario: Scenario, context: ScenarioContext): { holds: boolean; value: AnswerValue; ruling: Ruling } {
  const { ruling, facts } = decideScenario(scenario, context);
  const value = answerOf(claim.ask, ruling, facts, context.rules?.parseFacts);
  return { holds: sameAnswer(value, claim.equals), value, ruling };
}

/**
 * Derives an item's key from the rule module (scenario items) or the shop policy (ordering items).
 * Throws what `decide()` throws for bad scenarios, `UnkeyableItemError` when no single option is right, and
 * `UnkeyableReplyError` when not exactly one reply of a reply item is right.
 */
export function deriveKey(item: Item, context: ScenarioContext): Key {
  switch (item.type) {
    case 'single': {
      const { ruling, facts } = decideScenario(item.scenario, context);
      if (isReplyItem(item)) {
        const verdicts = judgeReplies(item, ruling, facts, context.rules?.parseFacts);
        const right = verdicts.filter((verdict) => verdict.right);
        if (right.length !== 1) throw new UnkeyableReplyError(item.id, verdicts);
        return { type: 'single', answer: right[0]!.index, value: null, rulings: [ruling], verdicts };
      }
      const value = answerOf(item.ask, ruling, facts, context.rules?.parseFacts);
      const matches = item.options.flatMap((option, index) => (sameAnswer(option.value, value) ? [index] : []));
      if (matches.length !== 1) throw new UnkeyableItemError(item.id, value, matches);
      return { type: 'single', answer: matches[0]!, value, rulings: [ruling] };
    }
    case 'truefalse': {
      const { holds, value, ruling } = evaluateClaim(item.claim, item.scenario, context);
      return { type: 'truefalse', answer: holds, value, rulings: [ruling] };
    }
    case 'multiple': {
      const results = item.statements.map((statement) => {
        const scenario = statement.scenario ?? item.scenario;
        if (!scenario) throw new Error(`题目 ${item.id} 的陈述“${statement.text}”没有情景：请给题目或这条陈述写 scenario。`);
        return evaluateClaim(statement.claim, scenario, context);
      });
      return {
        type: 'multiple',
        answer: results.flatMap((result, index) => (result.holds ? [index] : [])),
        rulings: results.map((result) => result.ruling),
      };
    }
    case 'ordering':
      return { type: 'ordering', answer: sequenceSteps(item.sequence, context.shopPolicy), rulings: [] };
  }
}
