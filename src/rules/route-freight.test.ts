import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide, decideWithPath, type PathStep } from './decide.ts';
import { freightClaimTable } from './route-freight.ts';

/** A signed, non-包邮 order whose buyer asks only for the freight back. */
const freightClaim = (shipment: Record<string, unknown>, order: Record<string, unknown> = {}) =>
  scenario({
    order: { freeShipping: false, outboundFreight: 12, ...order },
    shipment,
    claim: { at: '2025-09-05 10:00', type: 'freight-refund', reason: 'shipping-breach' },
  });

describe('a freight-only claim after signing', () => {
  it('refunds the freight the buyer paid when the promised carrier was not used (第二十九条)', () => {
    const ruling = decide(freightClaim({ promisedCarrier: 'not-used' }));
    expect(ruling).toMatchObject({
      resolution: 'partial-refund',
      supported: 'buyer',
      decidingRuleId: 'R-SHIP-CARRIER',
      refundAmount: 12,
      freight: { outbound: 'seller', return: null },
    });
    expect(ruling.trace.map((step) => step.ruleId)).not.toContain('R-GEN-PARTIAL-REFUND');
  });

  it('finds nothing to refund on a 包邮 order whose carrier was swapped (第二十九条 covers 非包邮 only)', () => {
    const ruling = decide(freightClaim({ promisedCarrier: 'not-used' }, { freeShipping: true, outboundFreight: 0 }));
    expect(ruling).toMatchObject({ resolution: 'reject', decidingRuleId: 'R-SHIP-CARRIER', freight: { outbound: 'seller', return: null } });
  });

  it('puts an unagreed 到付 freight on the seller after signing (第五十条)', () => {
    const ruling = decide(freightClaim({ cashOnDelivery: 'unagreed' }));
    expect(ruling).toMatchObject({ resolution: 'partial-refund', decidingRuleId: 'R-SHIP-COD-FREIGHT', refundAmount: 12, freight: { outbound: 'seller' } });
  });

  it('leaves 到付 the buyer asked for with the buyer (第三十条)', () => {
    const ruling = decide(freightClaim({ cashOnDelivery: 'buyer-requested' }));
    expect(ruling).toMatchObject({ resolution: 'reject', supported: 'seller', decidingRuleId: 'R-SHIP-COD-FREIGHT', freight: { outbound: 'buyer', return: null } });
  });

  it('keeps the freight as ordered when the seller broke no shipping rule', () => {
    const ruling = decide(freightClaim({}));
    expect(ruling).toMatchObject({ resolution: 'reject', freight: { outbound: 'buyer', return: null } });
  });
});

describe('every ruling on a shipped order', () => {
  it('says who bears the outbound leg even when the buyer\'s claim fails', () => {
    const late = decide(scenario({ order: { freeShipping: false }, claim: { at: '2025-09-20 10:00' } }));
    expect(late).toMatchObject({ resolution: 'reject', decidingRuleId: 'R-7DAY-WINDOW', freight: { outbound: 'buyer', return: null } });
  });

  it('moves an unagreed 到付 leg to the seller even when the claim itself fails (第五十条)', () => {
    const late = decide(scenario({ order: { freeShipping: false }, shipment: { cashOnDelivery: 'unagreed' }, claim: { at: '2025-09-20 10:00' } }));
    expect(late.freight).toMatchObject({ outbound: 'seller', return: null });
  });

  it('leaves freight out only where nothing was shipped', () => {
    const unshipped = decide(scenario({ shipment: { shipped: false, clickedAt: null, carrierRecordedAt: null }, delivery: null, claim: { type: 'refund-only' } }));
    expect(unshipped.freight).toBeNull();
  });
});

describe('the freight-claim decision table', () => {
  it('settles a claim on the first row that applies, in the table order the handbook shows', () => {
    const carrier = decideWithPath(freightClaim({ promisedCarrier: 'not-used', cashOnDelivery: 'unagreed' }));
    const cod = decideWithPath(freightClaim({ cashOnDelivery: 'unagreed' }));
    const agreed = decideWithPath(freightClaim({ cashOnDelivery: 'buyer-requested' }));
    const plain = decideWithPath(freightClaim({}));
    const row = (path: readonly PathStep[]) => path.find((step) => step.table === 'freight-claim')?.row;
    expect([carrier, cod, agreed, plain].map(({ path }) => row(path))).toEqual([0, 1, 2, 3]);
    for (const { ruling, path } of [carrier, cod, agreed, plain]) {
      expect(freightClaimTable.rows[row(path)!]!.rules).toContain(ruling.decidingRuleId);
    }
  });
});
