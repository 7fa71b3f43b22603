import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';
import { threeGuaranteesOptions } from './quality.ts';

const quality = (issue: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  scenario({ claim: { type: 'return-and-refund', reason: 'quality', at: '2025-09-20 10:00' }, issue, ...extra });

describe('R-QUAL-VISIBLE', () => {
  it('pays the seller when the buyer gives no preliminary proof', () => {
    expect(decide(quality({ visible: true, buyerProof: false }))).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-QUAL-VISIBLE' });
  });

  it('establishes the problem when the seller does not rebut the photos, with freight on the seller', () => {
    const ruling = decide(quality({ visible: true, buyerProof: true, sellerRebuttal: false, defeatsPurpose: true }));
    expect(ruling).toMatchObject({
      resolution: 'return-and-refund',
      decidingRuleId: 'R-QUAL-REMEDY',
      freight: { outbound: 'seller', return: 'seller' },
      transitRisk: { minor: 'seller', destroyed: 'seller', lost: 'seller' },
    });
  });

  it('needs a test report once the seller rebutted', () => {
    expect(decide(quality({ visible: true, buyerProof: true, sellerRebuttal: true, buyerTestReport: false })).resolution).toBe('pay-seller');
    expect(decide(quality({ visible: true, buyerProof: true, sellerRebuttal: true, buyerTestReport: true })).resolution).toBe('return-and-refund');
  });

  it('ignores the shop’s 3-day triage: a claim on day 17 is still decided on proof', () => {
    expect(decide(quality({ visible: true, buyerProof: true, sellerRebuttal: false })).resolution).toBe('return-and-refund');
  });
});

describe('R-RET-RISK-SELLER-FAULT', () => {
  it('for a minor defect: 破损 seller, but a return destroyed in transit goes to 打款', () => {
    const ruling = decide(
      quality({ visible: true, buyerProof: true, sellerRebuttal: false, defeatsPurpose: false }, { returnLeg: { agreement: 'after-intervention', transitDamage: 'destroyed' } }),
    );
    expect(ruling).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-RET-RISK-SELLER-FAULT' });
  });

  it('for a defect that defeats the purpose: a return lost in transit is still refunded', () => {
    const ruling = decide(
      quality({ visible: true, buyerProof: true, sellerRebuttal: false, defeatsPurpose: true }, { returnLeg: { agreement: 'after-intervention', transitDamage: 'lost' } }),
    );
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-RET-RISK-SELLER-FAULT' });
  });
});

describe('R-QUAL-INVISIBLE-OR-FAKE', () => {
  it('supports 退货退款 with the 第七条 freight split when the seller cannot show source documents', () => {
    const ruling = decide(quality({ visible: false, sellerRebuttal: false }));
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-QUAL-INVISIBLE-OR-FAKE', freight: { outbound: 'seller', return: 'buyer' } });
  });

  it('pays the seller when the seller shows documents and the buyer has no test report', () => {
    expect(decide(quality({ visible: false, sellerRebuttal: true, buyerTestReport: false })).resolution).toBe('pay-seller');
  });
});

describe('R-TEST-FEE', () => {
  it('charges the seller for a test 淘宝 requested that confirmed the problem', () => {
    const ruling = decide(
      quality({ visible: false, sellerRebuttal: true, buyerTestReport: true }, { platform: { intervened: true, requestedTest: true, testConfirmedProblem: true } }),
    );
    expect(ruling.testFee).toBe('seller');
  });

  it('does not invent who pays a requested test that did not confirm the problem: a named parameter, default 协商, shown in the trace', () => {
    const facts = quality({ visible: false, sellerRebuttal: true, buyerTestReport: false }, { platform: { intervened: true, requestedTest: true, testConfirmedProblem: false } });
    const ruling = decide(facts);
    expect(ruling.testFee).toBe('negotiate');
    expect(ruling.trace.find((step) => step.ruleId === 'R-TEST-FEE')?.note).toMatch(/本站默认.*unconfirmedTestFee/);
    expect(decide(facts, { parameters: { unconfirmedTestFee: 'buyer' } }).testFee).toBe('buyer');
  });

  it('leaves the fee to negotiation when the buyer tested on their own', () => {
    const ruling = decide(quality({ visible: false, sellerRebuttal: true, buyerTestReport: true }, { platform: { intervened: true, requestedTest: false } }));
    expect(ruling.testFee).toBe('negotiate');
  });
});

describe('R-LAW-3BAO', () => {
  it('narrows the remedies with time since delivery', () => {
    expect(threeGuaranteesOptions(7, 7, 15)).toEqual(['return-and-refund', 'exchange', 'repair']);
    expect(threeGuaranteesOptions(8, 7, 15)).toEqual(['exchange', 'repair']);
    expect(threeGuaranteesOptions(16, 7, 15)).toEqual(['repair']);
  });

  it('turns a return request on day 10 into an exchange', () => {
    const ruling = decide(
      scenario({
        goods: { threeGuarantees: true },
        claim: { type: 'return-and-refund', reason: 'quality', at: '2025-09-13 10:00' },
        issue: { visible: false, sellerRebuttal: true, buyerTestReport: true, defeatsPurpose: true },
      }),
    );
    expect(ruling).toMatchObject({ resolution: 'exchange', decidingRuleId: 'R-LAW-3BAO', options: ['exchange', 'repair'] });
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'seller', resend: 'seller' });
  });
});

describe('R-FAKE-REFUND', () => {
  const fake = (personalConsumption: boolean) =>
    scenario({
      claim: { type: 'refund-only', reason: 'counterfeit', at: '2025-09-10 10:00' },
      issue: { sellerRebuttal: true, buyerTestReport: true, personalConsumption },
    });

  it('refunds without return when a fake was bought for personal use', () => {
    const ruling = decide(fake(true));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-FAKE-REFUND', freight: { return: null } });
    expect(ruling.compensationMultiple).toBeUndefined();
  });

  it('orders no 假一赔三 in any edition: the older wording\'s multiple was a third party\'s addition', () => {
    expect(decide(fake(true), { edition: 'legacy' }).compensationMultiple).toBeUndefined();
    expect(decide(fake(true)).compensationMultiple).toBeUndefined();
  });

  it('holds the seller to its own promise of extra compensation (第十五条), in every edition', () => {
    const promised = scenario({
      claim: { type: 'refund-only', reason: 'counterfeit', at: '2025-09-10 10:00' },
      issue: { sellerRebuttal: true, buyerTestReport: true, personalConsumption: true, sellerPromisedMultiple: 10 },
    });
    for (const edition of ['2025-08-15', 'legacy'] as const) {
      const ruling = decide(promised, { edition });
      expect(ruling).toMatchObject({ resolution: 'refund', compensationMultiple: 10 });
      expect(ruling.trace.find((step) => step.ruleId === 'R-GEN-PENALTY-MAX')).toMatchObject({ applied: true });
    }
  });

  it('handles a fake not bought for personal use as a quality return', () => {
    expect(decide(fake(false))).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-QUAL-REMEDY' });
  });
});

describe('a buyer who already holds a report', () => {
  it('establishes an invisible defect even when the seller has no source papers', () => {
    const ruling = decide(quality({ visible: false, sellerRebuttal: false, buyerTestReport: true, defeatsPurpose: true }));
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-QUAL-REMEDY', freight: { return: 'seller' } });
  });
});
