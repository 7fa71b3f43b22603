import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

// route() picks the stage from the facts (before shipment, in transport, after signing) and hands over to it; the
// same claim reaches a different rule at each stage.
describe('route', () => {
  it('sends the same refund claim to a different rule before shipment and after a parcel was lost', () => {
    const claim = { type: 'refund-only', reason: 'not-received', at: '2025-09-01 12:00' } as const;
    const beforeShipment = decide(scenario({ shipment: { shipped: false, clickedAt: null, carrierRecordedAt: null }, delivery: null, claim }));
    const lost = decide(scenario({ delivery: { status: 'lost', signedAt: null, receivedBy: null, confirmation: null }, claim: { ...claim, at: '2025-09-05 10:00' } }));
    expect(beforeShipment.decidingRuleId).toBe('R-SHIP-AFTER-REFUND-REQUEST');
    expect(lost.decidingRuleId).toBe('R-SIGN-RISK');
  });

  it('records every rule it consulted in the trace, in order, ending with the deciding one applied', () => {
    const ruling = decide(scenario({ delivery: { status: 'lost', signedAt: null, receivedBy: null, confirmation: null }, claim: { type: 'refund-only', reason: 'not-received' } }));
    const deciding = ruling.trace.filter((step) => step.ruleId === ruling.decidingRuleId);
    expect(deciding.length).toBeGreaterThan(0);
    expect(deciding.every((step) => step.applied)).toBe(true);
  });
});
