import type { ShopPolicy } from '../shop-policy.ts';
import { isNegotiated, isProductProblem, persuasionYieldsTo } from './scope.ts';
import type { SopSituation } from './situation.ts';
import { defineSopRule, guide, sopMeta } from './sop-rule.ts';
import { resolutionPhrases } from '../labels.ts';
import { compensationAuthority, numberedChain } from './wording.ts';

export interface LadderStep {
  /** 1 for the first proposal. */
  readonly order: number;
  readonly action: string;
  /** The approval limits, on the step that pays compensation. */
  readonly note?: string;
}

/** The shop's negotiation ladder, first proposal first; the compensation step carries the approval limits. */
export function negotiationLadder(policy: ShopPolicy): readonly LadderStep[] {
  return policy.ladder.map((action, index) =>
    action.includes('补偿') ? { order: index + 1, action, note: compensationAuthority(policy) } : { order: index + 1, action },
  );
}

/** The sentence a persuasion step adds when the ruling lets the buyer insist. */
function yieldSentence(situation: SopSituation, ruleId: string): string {
  return `本案平台规则（${ruleId}）支持买家${resolutionPhrases[situation.resolution]}：这些只是协商建议，买家坚持时必须按平台结果办理，不得拒绝或拖延。`;
}

const LADDER_ID = 'SOP-LADDER';

export const ladderRule = defineSopRule({
  meta: sopMeta({
    id: LADDER_ID,
    title: '协商阶梯',
  }),
  stage: 'handle',
  isRelevant: isNegotiated,
  irrelevantNote: '本案不是买家签收后的质量问题或不满意退换（如未收到货、在途退款、错发、假货），不走协商阶梯。',
  evaluate: (read, situation) => {
    const policy = read.shopPolicy;
    const ladder = `按协商阶梯逐级提出方案：${numberedChain(policy.ladder)}；买家不接受上一步再进入下一步，除非必须不主动先提退换货。${compensationAuthority(policy)}。`;
    const yieldsTo = persuasionYieldsTo(situation);
    if (!yieldsTo) return guide(LADDER_ID, '本案可按协商阶梯处理。', ladder);
    return guide(LADDER_ID, `协商阶梯只是劝说，平台规则 ${yieldsTo} 支持买家，买家坚持时以平台为准。`, `${ladder}${yieldSentence(situation, yieldsTo)}`, yieldsTo);
  },
});

const RETAIN_ID = 'SOP-RETAIN';

export const retainRule = defineSopRule({
  meta: sopMeta({
    id: RETAIN_ID,
    title: '挽留退换货',
  }),
  stage: 'handle',
  isRelevant: (situation, lookup) => {
    const type = lookup('claim.type');
    const asksToUndo = type === 'refund-only' || type === 'return-and-refund' || type === 'exchange';
    return asksToUndo && isNegotiated(situation, lookup);
  },
  irrelevantNote: '买家没有在签收后因质量问题或不满意申请退款、退货或换货，无需挽留。',
  evaluate: (_read, situation) => {
    const retention = '先了解买家退换的真正原因，尝试挽留（解释、推荐更合适的款式等），不要一口答应。';
    const shopFault = isProductProblem(situation.reason)
      ? '本案是商品质量或描述问题，属于店铺责任：买家坚持时要及时承担来回运费，为买家调换或退款。'
      : '';
    const yieldsTo = persuasionYieldsTo(situation);
    if (!yieldsTo) return guide(RETAIN_ID, '买家申请退换，可以先挽留。', `${retention}${shopFault}`);
    return guide(
      RETAIN_ID,
      `挽留只能是劝说：平台规则 ${yieldsTo} 支持买家${resolutionPhrases[situation.resolution]}。`,
      `${retention}${shopFault}${yieldSentence(situation, yieldsTo)}`,
      yieldsTo,
    );
  },
});

const ESCALATE_ID = 'SOP-MANAGER-ESCALATE';

export const managerEscalateRule = defineSopRule({
  meta: sopMeta({
    id: ESCALATE_ID,
    title: '投诉维权及时上报',
  }),
  stage: 'handle',
  // The fact model has no "buyer threatens to complain"; 淘宝 intervening, or a counterfeit claim, is the
  // observable form of that intent.
  isRelevant: (situation, lookup) => lookup('platform.intervened') === true || situation.reason === 'counterfeit',
  irrelevantNote: '淘宝未介入，买家也未主张假货，没有投诉维权的迹象。',
  evaluate: (read, situation) => {
    // The shop's most senior decision-maker is configured once, as the approver of large compensation.
    const manager = read.shopPolicy.compensation.approverAbove;
    const sign = situation.reason === 'counterfeit' ? '买家主张假货' : '淘宝已介入';
    return guide(
      ESCALATE_ID,
      `${sign}，买家已有投诉维权意向。`,
      `${sign}，买家已有投诉维权意向：立即咨询${manager}，协助处理；疑难问题由客服和运营领导共同解决，事后把话术归类总结。`,
      undefined,
      { escalateTo: manager },
    );
  },
});
