import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

describe('R-FAKE-TXN', () => {
  it('refunds a fake transaction before it succeeded and refuses it after', () => {
    expect(decide(scenario({ order: { fakeTransaction: true, completed: false } }))).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-FAKE-TXN' });
    expect(decide(scenario({ order: { fakeTransaction: true, completed: true } }))).toMatchObject({ resolution: 'not-accepted', supported: 'none' });
  });

  it('asks whether the trade succeeded instead of guessing', () => {
    expect(() => decide(scenario({ order: { fakeTransaction: true } }))).toThrowError(/order\.completed/);
  });
});

describe('R-GEN-ORDER-OF-SOURCES and R-ACCEPT-EXCLUSIONS', () => {
  it('follows an agreement reached before intervention, with the seller paying unmentioned freight', () => {
    const ruling = decide(
      scenario({
        claim: { reason: 'quality' },
        agreement: { resolution: 'exchange', performed: false },
        returnLeg: { agreement: 'before-intervention', freightAgreement: 'not-mentioned' },
      }),
    );
    expect(ruling).toMatchObject({ resolution: 'exchange', decidingRuleId: 'R-GEN-ORDER-OF-SOURCES' });
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'seller', ruleId: 'R-FREIGHT-PRE-INTERVENTION' });
  });

  it('does not reopen a performed agreement one party regrets', () => {
    const ruling = decide(scenario({ agreement: { resolution: 'partial-refund', amount: 20, performed: true, regretted: true } }));
    expect(ruling).toMatchObject({ resolution: 'not-accepted', decidingRuleId: 'R-ACCEPT-EXCLUSIONS' });
  });

  it('enforces an agreed partial refund amount', () => {
    const ruling = decide(scenario({ agreement: { resolution: 'partial-refund', amount: 20, performed: false } }));
    expect(ruling).toMatchObject({ resolution: 'partial-refund', decidingRuleId: 'R-GEN-PARTIAL-REFUND', refundAmount: 20 });
  });

  it('lets an explicit freight agreement override the rule', () => {
    const ruling = decide(
      scenario({ agreement: { resolution: 'return-and-refund', performed: false }, returnLeg: { agreement: 'after-intervention', freightAgreement: 'buyer' } }),
    );
    expect(ruling.freight).toMatchObject({ return: 'buyer', ruleId: 'R-GEN-ORDER-OF-SOURCES' });
  });
});

describe('platform findings', () => {
  it('supports 退货退款 on a recall and 退款 on bad faith', () => {
    expect(decide(scenario({ platform: { finding: 'recall' } }))).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-GEN-RECALL' });
    expect(decide(scenario({ platform: { finding: 'bad-faith' } }))).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-GEN-BAD-FAITH' });
    expect(decide(scenario({ platform: { finding: 'prohibited' } })).decidingRuleId).toBe('R-GEN-PROHIBITED');
  });

  it('decides prohibited goods 视情形: 退货退款 where the goods can go back, 退款 where they cannot (第二十条)', () => {
    expect(decide(scenario({ platform: { finding: 'prohibited' } })).resolution).toBe('return-and-refund');
    const unreturnable = decide(scenario({ goods: { cannotBeReturned: true }, platform: { finding: 'prohibited' } }));
    expect(unreturnable).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-GEN-PROHIBITED', freight: { return: null } });
    const virtual = decide(scenario({ goods: { virtualOrService: true }, platform: { finding: 'prohibited' } }));
    expect(virtual.resolution).toBe('refund');
  });

  it('applies the big-data presumption only under the 2025 edition', () => {
    const facts = scenario({
      claim: { reason: 'misdescribed' },
      platform: { finding: 'big-data' },
      issue: { visible: true, buyerProof: false },
    });
    expect(decide(facts)).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-GEN-BIGDATA' });
    expect(decide(facts, { edition: 'legacy' })).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-DESC-VISIBLE' });
  });
});

describe('R-ACCEPT-DEADLINE', () => {
  it('is not applied while the day count is unknown', () => {
    const ruling = decide(scenario({ claim: { reason: 'misdescribed', at: '2026-09-01 10:00' }, issue: { disclosedInListing: true } }));
    expect(ruling.trace.find((step) => step.ruleId === 'R-ACCEPT-DEADLINE')?.applied).toBe(false);
  });

  it('refuses a late claim once the parameter is set, but never a quality claim', () => {
    const late = scenario({ claim: { reason: 'misdescribed', at: '2025-12-01 10:00' }, issue: { disclosedInListing: true } });
    expect(decide(late, { parameters: { acceptanceDeadlineDays: 15 } }).resolution).toBe('not-accepted');
    const quality = scenario({ claim: { reason: 'quality', at: '2025-12-01 10:00' }, issue: { visible: true, buyerProof: false } });
    expect(decide(quality, { parameters: { acceptanceDeadlineDays: 15 } }).resolution).toBe('pay-seller');
  });
});

describe('R-GEN-PARTIAL-REFUND', () => {
  it('rejects a price cut the buyer asked for without agreement', () => {
    const ruling = decide(scenario({ claim: { type: 'partial-refund', reason: 'quality' }, issue: { visible: true, buyerProof: true, sellerRebuttal: false } }));
    expect(ruling).toMatchObject({ resolution: 'reject', supported: 'seller', decidingRuleId: 'R-GEN-PARTIAL-REFUND', freight: { outbound: 'seller', return: null } });
  });

  it('moves no freight leg for an agreed 折价: the outbound leg stays as ordered and nothing goes back', () => {
    const ruling = decide(scenario({ agreement: { resolution: 'partial-refund', amount: 20, performed: false } }));
    expect(ruling.freight).toEqual({ outbound: 'seller', return: null, ruleId: 'R-GEN-ORDER-OF-SOURCES' });
  });

  it('lets a freight agreement cover every leg of an agreed exchange', () => {
    const ruling = decide(
      scenario({ agreement: { resolution: 'exchange', performed: false }, returnLeg: { agreement: 'before-intervention', freightAgreement: 'buyer' } }),
    );
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer', resend: 'buyer' });
    expect(ruling.trace.find((step) => step.ruleId === 'R-FREIGHT-PRE-INTERVENTION')?.applied).toBe(false);
  });
});
