import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

const misdescribed = (issue: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  scenario({ claim: { type: 'return-and-refund', reason: 'misdescribed', at: '2025-09-06 10:00' }, issue, ...extra });

describe('R-DESC-DISCLOSED-DEFECT', () => {
  it('pays the seller for a defect the listing disclosed', () => {
    expect(decide(misdescribed({ disclosedInListing: true }))).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-DESC-DISCLOSED-DEFECT' });
  });
});

describe('R-DESC-ADLAW', () => {
  it('supports 退货退款 for a listing with absolute claims', () => {
    const ruling = decide(misdescribed({ adLawViolation: true, blocksCoreFunction: false }));
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-DESC-ADLAW', freight: { outbound: 'seller', return: 'seller' } });
    expect(ruling.transitRisk).toMatchObject({ minor: 'seller', destroyed: 'buyer' });
  });

  it('moves all return risk to the seller when the core function is unusable', () => {
    const ruling = decide(misdescribed({ onlyNoticeableAfterUse: true, blocksCoreFunction: true }));
    expect(ruling.transitRisk).toMatchObject({ minor: 'seller', destroyed: 'seller', lost: 'seller', ruleId: 'R-RET-RISK-SELLER-FAULT' });
  });
});

describe('R-DESC-VISIBLE and R-DESC-INTACT', () => {
  it('supports 退货退款 for a visible mismatch on intact goods the seller cannot explain', () => {
    const ruling = decide(misdescribed({ visible: true, buyerProof: true, sellerRebuttal: false }));
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-DESC-INTACT' });
  });

  it('pays the seller when the buyer used the goods', () => {
    const ruling = decide(misdescribed({ visible: true, buyerProof: true, sellerRebuttal: false }, { goods: { condition: 'used' } }));
    expect(ruling).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-DESC-INTACT' });
  });

  it('pays the seller when the seller explains the difference', () => {
    expect(decide(misdescribed({ visible: true, buyerProof: true, sellerRebuttal: true })).decidingRuleId).toBe('R-DESC-VISIBLE');
  });
});

describe('R-DESC-INVISIBLE', () => {
  it('follows the quality burden chain', () => {
    expect(decide(misdescribed({ visible: false, sellerRebuttal: true, buyerTestReport: true })).decidingRuleId).toBe('R-DESC-INVISIBLE');
    expect(decide(misdescribed({ visible: false, sellerRebuttal: true, buyerTestReport: false })).resolution).toBe('pay-seller');
  });
});

describe('R-SURFACE-BURDEN and R-REMEDY-CHOICE', () => {
  const surface = (issue: Record<string, unknown>, delivery: Record<string, unknown> = {}, claimType = 'resend') =>
    scenario({
      claim: { type: claimType as 'resend', reason: 'surface-mismatch', at: '2025-09-03 18:00' },
      issue: { mismatchKind: 'missing-items', ...issue },
      delivery: { sellerHasDeliveryProof: true, ...delivery },
    });

  it('lets the buyer who proves 少件 at signing choose 补寄, with the seller paying', () => {
    const ruling = decide(surface({ buyerProof: true }));
    expect(ruling).toMatchObject({ resolution: 'resend', decidingRuleId: 'R-REMEDY-CHOICE', options: ['resend', 'exchange', 'return-and-refund'] });
    expect(ruling.freight).toMatchObject({ resend: 'seller' });
  });

  it('pays the seller when the buyer cannot prove the mismatch existed at signing', () => {
    expect(decide(surface({ buyerProof: false }))).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-SURFACE-BURDEN' });
  });

  it('puts the burden on the seller when signing was not valid', () => {
    const ruling = decide(surface({ buyerProof: false }, { receivedBy: 'door', placeDesignated: false }));
    expect(ruling.resolution).toBe('resend');
    expect(ruling.burdenOfProof[0]).toMatchObject({ party: 'seller' });
  });

  it('makes a buyer who clicked 确认收货 prove the mismatch', () => {
    const ruling = decide(surface({ buyerProof: false }, { receivedBy: 'door', placeDesignated: false, confirmation: 'buyer-clicked' }));
    expect(ruling.resolution).toBe('pay-seller');
  });

  it('shifts the 少件 burden to a seller who merged parcels without consent', () => {
    const ruling = decide(scenario({ ...surface({ buyerProof: false, sellerRebuttal: false }), shipment: { mergedWithoutConsent: true } }));
    expect(ruling.burdenOfProof[0]).toMatchObject({ party: 'seller', ruleId: 'R-SHIP-SEPARATE-PARCELS' });
    expect(ruling.resolution).toBe('resend');
  });

  it('falls back to 退货退款 when the seller refuses every remedy; damaged goods travel back at the seller’s risk', () => {
    const ruling = decide(surface({ buyerProof: true, mismatchKind: 'damaged', sellerRefusesRemedy: true }, {}, 'exchange'));
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', transitRisk: { destroyed: 'seller', lost: 'seller' } });
  });
});

describe('R-SHIP-SEPARATE-PARCELS', () => {
  it('pays the seller who merged parcels but proves the parcel was complete', () => {
    const ruling = decide(
      scenario({
        claim: { type: 'refund-only', reason: 'surface-mismatch', at: '2025-09-03 18:00' },
        issue: { mismatchKind: 'missing-items', buyerProof: false, sellerRebuttal: true },
        shipment: { mergedWithoutConsent: true },
      }),
    );
    expect(ruling).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-SHIP-SEPARATE-PARCELS', freight: { outbound: 'seller', return: null } });
  });

  it('refunds missing goods the buyer asked money for, with nothing to send back', () => {
    const ruling = decide(
      scenario({
        claim: { type: 'refund-only', reason: 'surface-mismatch', at: '2025-09-03 18:00' },
        issue: { mismatchKind: 'missing-items', buyerProof: false, sellerRebuttal: false },
        shipment: { mergedWithoutConsent: true },
      }),
    );
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-REMEDY-CHOICE', freight: { outbound: 'seller', return: null } });
  });
});
