import { isReplyItem, isValueItem, sameAnswer, scenarioFacts, type ReplyItem, type Item, type QuestionSource, type Scenario, type ScenarioContext } from '../../quiz/index.ts';
import { claimHoldsText, describeClaimFlip, readClaim } from './claims.ts';
import { compareQuestion, type Flip } from './flip.ts';
import type { ImpactPolicy } from './policy.ts';
import { decidePair, type DecidedPair } from './side-by-side.ts';

/** An item's flip; `noOption` when a single-choice item offers no option for the new answer (it can no longer be keyed). */
export type ItemFlip = Flip & { readonly noOption?: true };

function pairOf(scenario: Scenario, context: ScenarioContext, from: ImpactPolicy, to: ImpactPolicy): DecidedPair | undefined {
  let resolved: ReturnType<typeof scenarioFacts>;
  try {
    resolved = scenarioFacts(scenario, context);
  } catch {
    // An unknown case is the content gate's finding, not a policy change.
    return undefined;
  }
  return decidePair(from, to, resolved.facts, resolved.edition);
}

/**
 * A reply item flips where a promise of one of its replies flips: the reply that was right may now promise what the
 * ruling or the SOP no longer gives (or the other way round). Each promise is reported like a statement.
 */
function replyFlips(item: ReplyItem, context: ScenarioContext, from: ImpactPolicy, to: ImpactPolicy, declared: ReadonlySet<string>): ItemFlip[] {
  const pair = pairOf(item.scenario, context, from, to);
  if (!pair) return [];
  return item.options.flatMap((option, index) =>
    option.promises.flatMap(({ ask, equals }) => {
      const where = { kind: 'item' as const, contentId: item.id, detail: `回复 ${index} 的承诺` };
      const flip = compareQuestion(pair, ask, where, declared, readClaim(ask, equals), claimHoldsText);
      return flip ? [describeClaimFlip(flip, ask, equals, pair)] : [];
    }),
  );
}

function itemFlips(item: Item, context: ScenarioContext, from: ImpactPolicy, to: ImpactPolicy, declared: ReadonlySet<string>): ItemFlip[] {
  const where = { kind: 'item' as const, contentId: item.id };
  switch (item.type) {
    case 'single': {
      if (isReplyItem(item)) return replyFlips(item, context, from, to, declared);
      if (!isValueItem(item)) return [];
      const pair = pairOf(item.scenario, context, from, to);
      const flip = pair && compareQuestion(pair, item.ask, where, declared);
      if (!flip) return [];
      const after = flip.after;
      const hasOption = 'value' in after && item.options.some((option) => sameAnswer(option.value, after.value));
      return [hasOption ? flip : { ...flip, noOption: true }];
    }
    case 'truefalse': {
      const pair = pairOf(item.scenario, context, from, to);
      const flip = pair && compareQuestion(pair, item.claim.ask, where, declared, readClaim(item.claim.ask, item.claim.equals), claimHoldsText);
      return flip && pair ? [describeClaimFlip(flip, item.claim.ask, item.claim.equals, pair)] : [];
    }
    case 'multiple':
      return item.statements.flatMap((statement, index) => {
        const scenario = statement.scenario ?? item.scenario;
        const pair = scenario && pairOf(scenario, context, from, to);
        const { ask, equals } = statement.claim;
        const flip = pair && compareQuestion(pair, ask, { ...where, detail: `第 ${index + 1} 条陈述` }, declared, readClaim(ask, equals), claimHoldsText);
        return flip && pair ? [describeClaimFlip(flip, ask, equals, pair)] : [];
      });
    case 'ordering':
      // Keyed by the shop policy's sequences, which no rule edition changes.
      return [];
  }
}

/** Every flip of every authored item, in file order. */
export function authoredItemFlips(
  files: readonly QuestionSource[],
  context: ScenarioContext,
  from: ImpactPolicy,
  to: ImpactPolicy,
  declared: ReadonlySet<string>,
): ItemFlip[] {
  return files.flatMap((file) => file.items.flatMap((item) => itemFlips(item, context, from, to, declared)));
}
