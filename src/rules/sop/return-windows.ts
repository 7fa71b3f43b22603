import { addHours, type Instant } from '../beijing-time.ts';
import { sevenDayWindow } from '../seven-day.ts';
import { involvesReturnLeg } from './scope.ts';
import { defineSopRule, guide, sopMeta } from './sop-rule.ts';
import { resolutionPhrases } from '../labels.ts';
import { at } from './wording.ts';

/**
 * End (exclusive) of the shop's own window: the shop counts `days` × 24 h from the signing instant, unlike the law,
 * which starts at 00:00 of the next day. So the shop window always closes earlier than the legal one.
 */
export function shopWindowEnd(signedAt: Instant, days: number): Instant {
  return addHours(signedAt, days * 24);
}

const ID = 'SOP-RETURN-WINDOWS';

export const returnWindowsRule = defineSopRule({
  meta: sopMeta({
    id: ID,
    title: '本店退换货受理期限',
  }),
  stage: 'verify',
  isRelevant: (situation, lookup) => involvesReturnLeg(situation, lookup) && lookup('delivery.status') === 'signed',
  irrelevantNote: '本案不是签收后的退货或换货申请，不涉及本店受理期限。',
  evaluate: (read, situation) => {
    const signedAt = read.fact('delivery.signedAt');
    const claimAt = read.fact('claim.at');
    const isExchange = read.optional('claim.type') === 'exchange';
    const { returnDaysAfterSigning, exchangeDaysAfterSigning } = read.shopPolicy.windows;
    const days = isExchange ? exchangeDaysAfterSigning : returnDaysAfterSigning;
    const kind = isExchange ? '换货' : '退货';
    const shopEnd = shopWindowEnd(signedAt, days);
    const window = `本店受理${kind}的期限是签收后 ${days} 天，从签收时刻起算 ${days}×24 小时，到 ${at(shopEnd)} 为止`;
    const values = { windowEnd: shopEnd, inWindow: claimAt < shopEnd };
    if (claimAt < shopEnd) {
      return guide(ID, `${at(claimAt)} 申请，在本店${kind}期限内。`, `${window}；本案 ${at(claimAt)} 申请，在期限内，按流程受理。`, undefined, values);
    }
    const legalEnd = situation.deadlines.sevenDayWindowEnd ?? sevenDayWindow(signedAt, read.parameters).end;
    if (!isExchange && claimAt < legalEnd) {
      return guide(
        ID,
        `已过本店退货期限，但仍在法定七天无理由期限内（至 ${at(legalEnd)}），平台规则优先。`,
        `${window}；本案 ${at(claimAt)} 申请，已过本店期限，但法定七天无理由期限从签收次日零时起算满 7 天，到 ${at(legalEnd)} 才结束：以平台规则（R-7DAY-WINDOW）为准，照常受理，不能以本店期限拒绝。`,
        'R-7DAY-WINDOW',
        values,
      );
    }
    if (situation.supported === 'buyer') {
      return guide(
        ID,
        `已过本店${kind}期限，但平台裁决（${situation.decidingRuleId}）支持买家。`,
        `${window}；本案已过本店期限，但平台规则（${situation.decidingRuleId}）支持买家${resolutionPhrases[situation.resolution]}：按平台结果办理，本店期限只用于分流。`,
        situation.decidingRuleId,
        values,
      );
    }
    return guide(
      ID,
      `已过本店${kind}期限，平台也未支持买家。`,
      `${window}；本案 ${at(claimAt)} 申请，已过本店期限，也已过法定七天无理由期限。可以礼貌说明，但买家主张质量问题的，仍按质量问题流程核实，不能只以超期拒绝。`,
      undefined,
      values,
    );
  },
});
