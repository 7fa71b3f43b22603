import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

const notShipped = { shipment: { shipped: false, clickedAt: null, carrierRecordedAt: null }, delivery: null } as const;

describe('routing before and during transport', () => {
  it('refunds a buyer who asks before the seller has shipped (第二十七条)', () => {
    const ruling = decide(scenario({ ...notShipped, claim: { type: 'refund-only', reason: 'not-received', at: '2025-09-01 12:00' } }));
    expect(ruling.resolution).toBe('refund');
    expect(ruling.decidingRuleId).toBe('R-SHIP-AFTER-REFUND-REQUEST');
  });

  it('refunds a parcel lost before signing, the seller bearing the transport risk (第十条)', () => {
    const ruling = decide(
      scenario({ delivery: { status: 'lost', signedAt: null, receivedBy: null, confirmation: null }, claim: { type: 'refund-only', reason: 'not-received' } }),
    );
    expect(ruling.resolution).toBe('refund');
    expect(ruling.decidingRuleId).toBe('R-SIGN-RISK');
    expect(ruling.transitRisk).toMatchObject({ leg: 'outbound', minor: 'seller', destroyed: 'seller', lost: 'seller' });
  });
});
