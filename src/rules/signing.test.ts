import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';
import { receivers } from './facts.ts';
import { isValidSigning } from './signing.ts';

const notReceived = { claim: { at: '2025-09-04 10:00', type: 'refund-only', reason: 'not-received' } } as const;

describe('R-SIGN-WHO', () => {
  it('accepts the recipient, an authorised person, or a designated place', () => {
    const valid = receivers.filter((receiver) => isValidSigning(receiver, true));
    expect(valid).toEqual(['self', 'authorised-person', 'door', 'property-office', 'station', 'locker']);
    expect(receivers.filter((receiver) => isValidSigning(receiver, false))).toEqual(['self', 'authorised-person']);
  });

  it('refunds a buyer whose parcel went into a locker nobody designated', () => {
    const ruling = decide(scenario({ ...notReceived, delivery: { receivedBy: 'locker', placeDesignated: false, sellerHasDeliveryProof: true } }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-WHO' });
  });

  it('pays the seller when the buyer designated the 驿站 and the seller proves delivery', () => {
    const ruling = decide(scenario({ ...notReceived, delivery: { receivedBy: 'station', placeDesignated: true, sellerHasDeliveryProof: true } }));
    expect(ruling).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-SIGN-NONRECEIPT-BURDEN' });
    expect(ruling.burdenOfProof[0]).toMatchObject({ party: 'seller' });
  });

  it('asks whether a place was designated instead of assuming it was not', () => {
    expect(() => decide(scenario({ ...notReceived, delivery: { receivedBy: 'property-office', sellerHasDeliveryProof: true } }))).toThrowError(
      /delivery\.placeDesignated/,
    );
  });
});

describe('R-SIGN-NONRECEIPT-BURDEN', () => {
  it('refunds when the seller cannot produce the signing proof', () => {
    const ruling = decide(scenario({ ...notReceived, delivery: { sellerHasDeliveryProof: false } }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-NONRECEIPT-BURDEN' });
  });
});

describe('R-SIGN-ADDRESS-INFO', () => {
  it('pays the seller when the buyer wrote a wrong address', () => {
    const ruling = decide(scenario({ ...notReceived, delivery: { recipientInfoWrong: true } }));
    expect(ruling).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-SIGN-ADDRESS-INFO' });
  });

  it('makes the buyer pay both legs of a parcel returned as undeliverable because of wrong info', () => {
    const ruling = decide(scenario({ ...notReceived, delivery: { status: 'undeliverable', signedAt: null, recipientInfoWrong: true } }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-ADDRESS-INFO', freight: { outbound: 'buyer', return: 'buyer' } });
  });
});

describe('R-SIGN-ADDRESS-CHANGE', () => {
  const change = (linkedToBuyer: boolean) =>
    scenario({ ...notReceived, delivery: { sellerHasDeliveryProof: true, addressChange: { sellerAgreed: true, succeeded: false, linkedToBuyer } } });

  it('refunds when the agreed change failed and neither address is linked to the buyer', () => {
    expect(decide(change(false))).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-ADDRESS-CHANGE' });
  });

  it('pays the seller when the old address is clearly the buyer’s', () => {
    expect(decide(change(true)).resolution).toBe('pay-seller');
  });
});

describe('R-SIGN-RISK', () => {
  it('refunds a parcel lost before signing and keeps all risk with the seller', () => {
    const ruling = decide(scenario({ ...notReceived, delivery: { status: 'lost', signedAt: null } }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-RISK', transitRisk: { leg: 'outbound', lost: 'seller' } });
  });
});
