import type { Facts, Ruling } from '../rules/index.ts';
import { answerOf, sameAnswer, type AnswerValue } from './asked-fields.ts';
import type { Claim, ReplyItem } from './item-schema.ts';

/** What the engine finds about one promise of a reply. */
export interface PromiseVerdict {
  readonly claim: Claim;
  /** The engine's value of the promised field. */
  readonly value: AnswerValue;
  readonly holds: boolean;
}

/** What the engine finds about one reply option. */
export interface ReplyVerdict {
  readonly index: number;
  readonly polite: boolean;
  readonly promises: readonly PromiseVerdict[];
  /** Polite and every promise holds: a reply the agent may send. */
  readonly right: boolean;
}

/**
 * Judges every reply of a 回复话术 item against one ruling: a reply is right when its tone is polite and each promise
 * (a claim on the platform ruling or the shop SOP) agrees with the engine. A rude reply is wrong however correct its
 * content, and a polite one is wrong as soon as it promises what the ruling or the SOP does not give.
 */
export function judgeReplies(item: ReplyItem, ruling: Ruling, factsInput: unknown, parse?: (facts: unknown) => Facts): ReplyVerdict[] {
  return item.options.map((option, index) => {
    const promises = option.promises.map((claim) => {
      const value = answerOf(claim.ask, ruling, factsInput, parse);
      return { claim, value, holds: sameAnswer(value, claim.equals) };
    });
    const polite = option.tone === 'polite';
    return { index, polite, promises, right: polite && promises.every((promise) => promise.holds) };
  });
}

/** A reply item where not exactly one reply is right. */
export class UnkeyableReplyError extends Error {
  readonly itemId: string;
  readonly verdicts: readonly ReplyVerdict[];
  constructor(itemId: string, verdicts: readonly ReplyVerdict[]) {
    const right = verdicts.filter((verdict) => verdict.right).map((verdict) => verdict.index);
    super(
      right.length === 0
        ? '引擎核对后，没有一条回复既礼貌、承诺又全部成立：请改正一条回复的承诺或语气，让它成为正确答案。'
        : `有 ${right.length} 条回复（${right.join('、')}）都礼貌且承诺全部成立，题目有歧义：请只保留一条正确回复。`,
    );
    this.itemId = itemId;
    this.verdicts = verdicts;
  }
}
