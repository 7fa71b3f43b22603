import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

const refused = (refusal: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  scenario({
    delivery: { status: 'refused', signedAt: null, refusal },
    claim: { at: '2025-09-03 15:00', type: 'refund-only', reason: 'no-reason' },
    ...extra,
  });

describe('R-SIGN-INSPECT-REFUSE', () => {
  it('refunds a photographed refusal for 表面不一致 with all freight and risk on the seller', () => {
    const ruling = decide(refused({ reason: 'surface-mismatch', photographed: true }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-INSPECT-REFUSE', freight: { outbound: 'seller', return: 'seller' } });
  });

  it('treats an unphotographed 表面不一致 refusal as a no-reason refusal when nothing else shows the mismatch', () => {
    const ruling = decide(refused({ reason: 'surface-mismatch', photographed: false, mismatchConfirmed: false }));
    expect(ruling.decidingRuleId).toBe('R-REFUSE-7DAY-ITEM');
  });

  it('does not let a missing photo decide by itself: 第三十七条 says 可予以拍照', () => {
    const custom = { goods: { sevenDayClass: 'custom' } };
    const confirmed = decide(refused({ reason: 'surface-mismatch', photographed: false, mismatchConfirmed: true, returnedOutcome: 'seller-refused' }, custom));
    expect(confirmed).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SIGN-INSPECT-REFUSE' });
    expect(() => decide(refused({ reason: 'surface-mismatch', photographed: false, returnedOutcome: 'seller-refused' }, custom))).toThrow(/mismatchConfirmed/);
  });
});

describe('R-REFUSE-SELLER-FAULT', () => {
  it('refunds a refusal of an unagreed 到付 parcel', () => {
    const ruling = decide(refused({ reason: 'seller-breach' }, { shipment: { cashOnDelivery: 'unagreed' } }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-REFUSE-SELLER-FAULT', freight: { return: 'seller' } });
  });

  it('refunds a refusal of an undisclosed self-pickup', () => {
    expect(decide(refused({ reason: 'seller-breach' }, { shipment: { pickupRequired: 'unagreed' } })).decidingRuleId).toBe('R-REFUSE-SELLER-FAULT');
  });

  it('does not count a claimed breach the facts do not show', () => {
    expect(decide(refused({ reason: 'seller-breach' })).decidingRuleId).toBe('R-REFUSE-7DAY-ITEM');
  });
});

describe('R-REFUSE-7DAY-ITEM', () => {
  it('refunds a no-reason refusal of a 7-day item; 包邮 → buyer pays the return leg; seller bears 损毁/灭失', () => {
    const ruling = decide(refused({ reason: 'no-reason' }));
    expect(ruling).toMatchObject({
      resolution: 'refund',
      decidingRuleId: 'R-REFUSE-7DAY-ITEM',
      freight: { outbound: 'seller', return: 'buyer', ruleId: 'R-FREIGHT-7DAY-RETURN' },
      transitRisk: { destroyed: 'seller', lost: 'seller' },
    });
  });

  it('makes the buyer pay all freight of a no-reason refusal of a 非包邮 item', () => {
    expect(decide(refused({ reason: 'no-reason' }, { order: { freeShipping: false } })).freight).toMatchObject({ outbound: 'buyer', return: 'buyer' });
  });
});

describe('R-REFUSE-NON7DAY-ITEM', () => {
  const custom = { goods: { sevenDayClass: 'custom' } };

  it('pays the seller when the seller refuses the returned custom item', () => {
    const ruling = decide(refused({ reason: 'no-reason', returnedOutcome: 'seller-refused' }, custom));
    expect(ruling).toMatchObject({ resolution: 'pay-seller', decidingRuleId: 'R-REFUSE-NON7DAY-ITEM', transitRisk: { lost: 'buyer' } });
  });

  it('lets the seller resend at the buyer’s cost', () => {
    const ruling = decide(refused({ reason: 'no-reason', returnedOutcome: 'seller-signed-resent' }, custom));
    expect(ruling).toMatchObject({ resolution: 'resend', freight: { resend: 'buyer' } });
  });

  it('asks what happened to the returned goods', () => {
    expect(() => decide(refused({ reason: 'no-reason' }, custom))).toThrowError(/delivery\.refusal\.returnedOutcome/);
  });
});

describe('a partial refusal (第五十三条, 七日办法第十七、十八条)', () => {
  const partial = (goods: Record<string, unknown>) =>
    refused(
      { reason: 'no-reason' },
      { order: { price: 108, freeShipping: false, freeShippingLostByPartialReturn: true, outboundFreight: 8 }, goods },
    );

  it('refunds the refused item, not the whole order, and puts every freight leg on the buyer', () => {
    const ruling = decide(partial({ price: 59 }));
    expect(ruling).toMatchObject({ resolution: 'refund', refundAmount: 59, freight: { outbound: 'buyer', return: 'buyer' } });
  });

  it('asks for the refused item\'s amount when only part of the order was refused', () => {
    expect(() => decide(partial({}))).toThrow(/goods\.price/);
  });

  it('rejects an item amount above what the buyer paid for the order', () => {
    expect(() => decide(partial({ price: 120 }))).toThrow(/goods\.price/);
  });
});
