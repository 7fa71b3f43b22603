import type { ShopPolicy } from '../shop-policy.ts';
import { isCompensable } from './scope.ts';
import { defineSopRule, guide, skip, sopMeta } from './sop-rule.ts';
import { compensationAuthority } from './wording.ts';

export interface CompensationApproval {
  /** Whether the agent may promise the amount without asking anyone. */
  readonly allowed: boolean;
  /** Who must approve when not allowed; null when no approval is needed. */
  readonly approver: string | null;
  /** Chinese explanation for the agent. */
  readonly note: string;
}

/**
 * Whether an agent may pay `amountYuan` of cash compensation on their own (SOP-COMP-RANGE). The upper limit is
 * inclusive: exactly `maxYuanWithoutApproval` needs no approval. Amounts under `minYuan` are allowed; the note
 * suggests virtual compensation instead. Throws RangeError for a negative or non-finite amount.
 */
export function compensationApproval(amountYuan: number, policy: ShopPolicy): CompensationApproval {
  if (!Number.isFinite(amountYuan) || amountYuan < 0) {
    throw new RangeError(`补偿金额必须是不小于 0 的数字，收到的是 ${amountYuan}。`);
  }
  const { minYuan, maxYuanWithoutApproval: max, approverAbove } = policy.compensation;
  if (amountYuan > max) {
    return {
      allowed: false,
      approver: approverAbove,
      note: `${amountYuan} 元超过客服可直接处理的 ${max} 元，须先请${approverAbove}决定，再答复买家。`,
    };
  }
  if (amountYuan < minYuan) {
    return {
      allowed: true,
      approver: null,
      note: `${amountYuan} 元低于本店常用补偿下限 ${minYuan} 元，客服可直接处理；金额很小时可改用优惠券等虚拟补偿。`,
    };
  }
  return { allowed: true, approver: null, note: `${amountYuan} 元在 ${minYuan}–${max} 元之间，客服可直接处理。` };
}

const RANGE_ID = 'SOP-COMP-RANGE';

/** Who decides an amount the agent may pay on their own (the `decidedBy` value of the compensation rules). */
export const AGENT = '客服';

export const compensationRangeRule = defineSopRule({
  meta: sopMeta({
    id: RANGE_ID,
    title: '现金补偿权限',
  }),
  stage: 'handle',
  isRelevant: isCompensable,
  irrelevantNote: '本案不是可以用补偿了结的问题（未收货、假货、延迟发货等），不涉及补偿权限。',
  evaluate: (read) => {
    const policy = read.shopPolicy;
    const agreed = read.optional('agreement.resolution') === 'partial-refund' ? read.optional('agreement.amount') : undefined;
    const authority = `${compensationAuthority(policy)}。`;
    const partial = '折价补偿须买家同意，并在旺旺上写明金额。';
    if (agreed === undefined) return guide(RANGE_ID, '本案可能以补偿了结，按补偿权限处理。', `${authority}${partial}`);
    const approval = compensationApproval(agreed, policy);
    return guide(RANGE_ID, `双方约定部分退款 ${agreed} 元：${approval.note}`, `${authority}本案约定补偿 ${agreed} 元：${approval.note}${partial}`, undefined, {
      amount: agreed,
      decidedBy: approval.approver ?? AGENT,
    });
  },
});

const POSTAGE_ID = 'SOP-COMP-POSTAGE-CAP';

export const compensationPostageCapRule = defineSopRule({
  meta: sopMeta({
    id: POSTAGE_ID,
    title: '轻微质量问题折价以邮费为限',
  }),
  stage: 'handle',
  isRelevant: (situation) => situation.reason === 'quality',
  irrelevantNote: '买家申请的不是质量问题，不涉及质量问题折价。',
  evaluate: (read) => {
    const { minorQualityCapIsPostage, minorQualityApprover } = read.shopPolicy.compensation;
    if (!minorQualityCapIsPostage) return skip('本店未设“折价不超过邮费”的上限，折价补偿按补偿权限（SOP-COMP-RANGE）处理。');
    if (read.optional('issue.defeatsPurpose') === true) {
      return skip('质量问题已导致商品无法正常使用，不是可以折价了结的轻微问题。');
    }
    const freight = read.optional('order.outboundFreight');
    const hasCap = freight !== undefined && freight > 0;
    const cap = hasCap ? `本单运费 ${freight} 元` : '按本单实际运费计算';
    const agreed = read.optional('agreement.resolution') === 'partial-refund' ? read.optional('agreement.amount') : undefined;
    // Who decides is known only when both the agreed amount and the postage it is capped at are facts of the case.
    const decidedBy = agreed !== undefined && hasCap ? (agreed > freight ? minorQualityApprover : AGENT) : null;
    const verdict =
      decidedBy === null || agreed === undefined
        ? ''
        : decidedBy === AGENT
          ? `本案约定折价 ${agreed} 元，不超过邮费，客服可直接处理。`
          : `本案约定折价 ${agreed} 元，超过邮费 ${freight} 元，须先请示${minorQualityApprover}。`;
    return guide(
      POSTAGE_ID,
      '质量问题可能轻微，买家不愿换货时可折价补偿。',
      `商品有轻微质量问题、买家不愿花时间换货时，可以折价补偿，金额通常不超过邮费（${cap}）；超过须请示${minorQualityApprover}，同意后在订单备注质量问题、补偿金额、处理人、时间，并问买家用平台退款（由买家申请部分退款）还是支付宝转账收取补偿。折价须买家同意，买家坚持退换时按质量问题流程处理。${verdict}`,
      undefined,
      { capYuan: hasCap ? freight : null, decidedBy },
    );
  },
});

const VIRTUAL_ID = 'SOP-VIRTUAL-COMP';

export const virtualCompensationRule = defineSopRule({
  meta: sopMeta({
    id: VIRTUAL_ID,
    title: '虚拟补偿',
  }),
  stage: 'handle',
  isRelevant: isCompensable,
  irrelevantNote: '本案不是可以用补偿了结的问题，不涉及虚拟补偿。',
  evaluate: (read) => {
    const forms = read.shopPolicy.virtualCompensation;
    if (forms.length === 0) return skip('本店未配置虚拟补偿形式。');
    return guide(
      VIRTUAL_ID,
      '本案可以考虑虚拟补偿。',
      `补偿也可以用虚拟方式：${forms.join('、')}；根据买家的不满程度和性格灵活选择，不要生搬硬套，以免引起更多不满。`,
    );
  },
});
