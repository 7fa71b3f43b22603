import { describe, expect, it } from 'vitest';
import { parseBeijingTime } from '../beijing-time.ts';
import { defaultShopPolicy } from '../shop-policy.ts';
import { checkSop, policyWith } from './fixtures.ts';
import { auditRule, complaintReplyRule, firstResponseDeadline, firstResponseRule, logisticsResolveRule } from './response-times.ts';

const t = (text: string) => parseBeijingTime(text)!;

describe('firstResponseDeadline', () => {
  it('is five minutes after the message by default', () => {
    expect(firstResponseDeadline(t('2025-09-05 10:00'), defaultShopPolicy)).toBe(t('2025-09-05 10:05'));
  });

  it('follows a changed policy', () => {
    const policy = policyWith({ responseTimes: { firstResponseMinutes: 10 } });
    expect(firstResponseDeadline(t('2025-09-05 23:55'), policy)).toBe(t('2025-09-06 00:05'));
  });
});

describe('SOP-FIRST-RESPONSE', () => {
  it('gives the reply deadline for a return request', () => {
    const outcome = checkSop(firstResponseRule);
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('5 分钟内首次回复');
    expect(outcome.guidance?.guidance).toContain('最迟 2025-09-05 10:05 回复');
  });

  it('does not apply to a repair request', () => {
    const outcome = checkSop(firstResponseRule, { facts: { claim: { type: 'repair', reason: 'quality' } } });
    expect(outcome.applies).toBe(false);
  });
});

describe('SOP-RESOLVE-48H', () => {
  it('sets a 48-hour deadline for a parcel that never arrived', () => {
    const outcome = checkSop(logisticsResolveRule, {
      facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'lost', signedAt: undefined } },
    });
    expect(outcome.guidance?.guidance).toContain('48 小时内解决（本案最迟 2025-09-07 10:00）');
  });

  it('does not apply to a no-reason return of a delivered parcel', () => {
    expect(checkSop(logisticsResolveRule).applies).toBe(false);
  });
});

describe('SOP-REPLY-24H', () => {
  it('sets reply and resolve deadlines once 淘宝 has intervened', () => {
    const outcome = checkSop(complaintReplyRule, { facts: { platform: { intervened: true } } });
    expect(outcome.guidance?.guidance).toContain('24 小时内回复（最迟 2025-09-06 10:00）');
    expect(outcome.guidance?.guidance).toContain('48 小时内解决（最迟 2025-09-07 10:00）');
  });

  it('does not apply before 淘宝 intervenes', () => {
    expect(checkSop(complaintReplyRule, { facts: { platform: { intervened: false } } }).applies).toBe(false);
  });
});

describe('SOP-AUDIT-72H', () => {
  const returned = { returnLeg: { agreement: 'before-intervention' as const, sellerReceivedAt: '2025-09-08 15:00' } };

  it('keeps the shop deadlines, counted in calendar days, when they are within the law', () => {
    const outcome = checkSop(auditRule, { facts: returned });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.guidance?.guidance).toContain('72 小时内审核（本案最迟 2025-09-08 10:00）');
    expect(outcome.guidance?.guidance).toContain('最迟 2025-09-15 15:00');
    expect(outcome.guidance?.guidance).toContain('按自然日计算，不按工作日');
  });

  it('yields to R-7DAY-REFUND-DEADLINE when the shop allows itself more than 7 days to refund', () => {
    const outcome = checkSop(auditRule, { facts: returned, policy: policyWith({ responseTimes: { refundAfterReturnDays: 10 } }) });
    expect(outcome.guidance?.overriddenBy).toBe('R-7DAY-REFUND-DEADLINE');
    expect(outcome.guidance?.guidance).toContain('以法定期限为准');
    expect(outcome.guidance?.guidance).toContain('最迟 2025-09-15 15:00');
  });

  it('uses the ruling’s refund deadline when it is given', () => {
    const outcome = checkSop(auditRule, { facts: returned, situation: { deadlines: { refundDueBy: t('2025-09-15 23:59') } } });
    expect(outcome.guidance?.guidance).toContain('最迟 2025-09-15 15:00');
    const shorter = checkSop(auditRule, { facts: returned, situation: { deadlines: { refundDueBy: t('2025-09-12 12:00') } } });
    expect(shorter.guidance?.guidance).toContain('最迟 2025-09-12 12:00');
  });

  it('does not invoke the refund deadline for an exchange', () => {
    const outcome = checkSop(auditRule, {
      facts: { claim: { type: 'exchange' } },
      situation: { resolution: 'exchange' },
      policy: policyWith({ responseTimes: { refundAfterReturnDays: 10 } }),
    });
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.guidance?.guidance).toContain('7 天内寄出新货');
  });

  it('does not apply to a refund without a return', () => {
    const outcome = checkSop(auditRule, {
      facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'lost', signedAt: undefined } },
      situation: { resolution: 'refund' },
    });
    expect(outcome.applies).toBe(false);
  });
});
