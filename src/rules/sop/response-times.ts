import { addDays, addHours, type Instant } from '../beijing-time.ts';
import type { ShopPolicy } from '../shop-policy.ts';
import { involvesReturnLeg, isLogisticsProblem } from './scope.ts';
import { defineSopRule, guide, sopMeta } from './sop-rule.ts';
import { at } from './wording.ts';

const MINUTE_MS = 60_000;

/** The instant by which the shop must first reply to a buyer's message sent at `messageAt` (epoch ms). */
export function firstResponseDeadline(messageAt: Instant, policy: ShopPolicy): Instant {
  return messageAt + policy.responseTimes.firstResponseMinutes * MINUTE_MS;
}

const FIRST_ID = 'SOP-FIRST-RESPONSE';

export const firstResponseRule = defineSopRule({
  meta: sopMeta({
    id: FIRST_ID,
    title: '退换货与物流咨询首次响应',
  }),
  stage: 'soothe',
  isRelevant: (situation, lookup) => {
    const type = lookup('claim.type');
    const isReturnOrExchange = type === 'refund-only' || type === 'return-and-refund' || type === 'exchange' || type === 'resend';
    const isLogistics = situation.reason === 'not-received' || situation.reason === 'late-shipment' || situation.reason === 'return-not-received';
    return isReturnOrExchange || isLogistics;
  },
  irrelevantNote: '买家的诉求不是退换货或物流问题（如维修、折价），不适用退换货与物流的首次响应时限。',
  evaluate: (read) => {
    const claimAt = read.fact('claim.at');
    const minutes = read.shopPolicy.responseTimes.firstResponseMinutes;
    const due = at(firstResponseDeadline(claimAt, read.shopPolicy));
    return guide(
      FIRST_ID,
      `买家 ${at(claimAt)} 发起，首次回复最迟 ${due}。`,
      `退换货和物流咨询须在 ${minutes} 分钟内首次回复并安抚买家（本案买家 ${at(claimAt)} 发起，最迟 ${due} 回复）；正在接待其他买家时，也要先保证新买家的首次响应。`,
      undefined,
      { replyBy: firstResponseDeadline(claimAt, read.shopPolicy) },
    );
  },
});

const RESOLVE_ID = 'SOP-RESOLVE-48H';

export const logisticsResolveRule = defineSopRule({
  meta: sopMeta({
    id: RESOLVE_ID,
    title: '物流问题解决时限',
  }),
  stage: 'track',
  isRelevant: isLogisticsProblem,
  irrelevantNote: '本案没有未收到、丢件、无法投递、送错或破包等物流问题。',
  evaluate: (read) => {
    const claimAt = read.fact('claim.at');
    const hours = read.shopPolicy.responseTimes.logisticsResolveHours;
    const due = at(addHours(claimAt, hours));
    return guide(
      RESOLVE_ID,
      `物流问题须在 ${due} 前解决。`,
      `物流问题要即时安抚买家，以免引起差评或投诉，并在 ${hours} 小时内解决（本案最迟 ${due}）。`,
      undefined,
      { resolveBy: addHours(claimAt, hours) },
    );
  },
});

const COMPLAINT_ID = 'SOP-REPLY-24H';

export const complaintReplyRule = defineSopRule({
  meta: sopMeta({
    id: COMPLAINT_ID,
    title: '投诉回复与解决时限',
  }),
  stage: 'soothe',
  // A claim 淘宝 has stepped into is what the shop manual calls a 投诉; ordinary chats fall under SOP-FIRST-RESPONSE.
  isRelevant: (_situation, lookup) => lookup('platform.intervened') === true,
  irrelevantNote: '淘宝未介入，本案还不是投诉。',
  evaluate: (read) => {
    const claimAt = read.fact('claim.at');
    const { complaintReplyHours, complaintResolveHours } = read.shopPolicy.responseTimes;
    const replyBy = at(addHours(claimAt, complaintReplyHours));
    const resolveBy = at(addHours(claimAt, complaintResolveHours));
    return guide(
      COMPLAINT_ID,
      `投诉最迟 ${replyBy} 回复、${resolveBy} 解决。`,
      `买家已投诉：${complaintReplyHours} 小时内回复（最迟 ${replyBy}），${complaintResolveHours} 小时内解决（最迟 ${resolveBy}）。这是本店时限；淘宝通知的处理期限更短时，按淘宝的期限办。`,
      undefined,
      { replyBy: addHours(claimAt, complaintReplyHours), resolveBy: addHours(claimAt, complaintResolveHours) },
    );
  },
});

const AUDIT_ID = 'SOP-AUDIT-72H';

export const auditRule = defineSopRule({
  meta: sopMeta({
    id: AUDIT_ID,
    title: '退换货审核与退款时限',
  }),
  stage: 'track',
  isRelevant: involvesReturnLeg,
  irrelevantNote: '本案没有退货或换货申请，不涉及审核与退款时限。',
  evaluate: (read, situation) => {
    const claimAt = read.fact('claim.at');
    const receivedAt = read.optional('returnLeg.sellerReceivedAt');
    const { returnAuditHours, refundAfterReturnDays, replacementShipDays } = read.shopPolicy.responseTimes;
    const legalDays = read.parameters.refundAfterReturnDays;
    // The ruling's own deadline is authoritative; the shop's is used only when it is earlier.
    const refundDueBy = (receivedAt: Instant) =>
      Math.min(situation.deadlines.refundDueBy ?? addDays(receivedAt, legalDays), addDays(receivedAt, refundAfterReturnDays));
    const isExchangeOnly = read.optional('claim.type') === 'exchange' && situation.resolution === 'exchange';
    const auditBy = addHours(claimAt, returnAuditHours);
    const values = isExchangeOnly
      ? { auditBy, shipBy: receivedAt === undefined ? null : addDays(receivedAt, replacementShipDays) }
      : { auditBy, refundBy: receivedAt === undefined ? null : refundDueBy(receivedAt) };
    const audit = `退换货申请须在 ${returnAuditHours} 小时内审核（本案最迟 ${at(addHours(claimAt, returnAuditHours))}）。`;
    const received = receivedAt === undefined ? '' : `（本案 ${at(receivedAt)} 签收退货，最迟 ${at(refundDueBy(receivedAt))}）`;
    if (isExchangeOnly) {
      return guide(AUDIT_ID, '换货申请按本店时限审核并寄出新货。', `${audit}收到换货退回后 ${replacementShipDays} 天内寄出新货，并把快递单号告诉买家。`, undefined, values);
    }
    // The seed says 7 working days; the law counts calendar days, so the configured number is read as calendar days.
    const refund = `收到退货后 ${Math.min(refundAfterReturnDays, legalDays)} 天内退款${received}，按自然日计算，不按工作日。`;
    if (refundAfterReturnDays > legalDays) {
      return guide(
        AUDIT_ID,
        `本店退款时限 ${refundAfterReturnDays} 天长于法定 ${legalDays} 个自然日，以法定期限为准。`,
        `${audit}本店设定的退款时限是收到退货后 ${refundAfterReturnDays} 天，长于法律规定的 ${legalDays} 个自然日：以法定期限为准（R-7DAY-REFUND-DEADLINE），${refund}`,
        'R-7DAY-REFUND-DEADLINE',
        values,
      );
    }
    return guide(AUDIT_ID, '退货申请按本店时限审核和退款。', `${audit}${refund}换货的，收到退回后 ${replacementShipDays} 天内寄出新货。`, undefined, values);
  },
});
