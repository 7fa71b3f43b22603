import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { formatBeijingTime, parseBeijingTime } from './beijing-time.ts';
import { decide } from './decide.ts';
import { EditionSilentError } from './errors.ts';
import { defaultParameters } from './parameters.ts';
import { isShippedLate, legalShippingTime, shippingDeadline } from './shipping.ts';

const t = (text: string) => parseBeijingTime(text)!;
const lateClaim = { claim: { type: 'return-and-refund', reason: 'late-shipment', at: '2025-09-06 10:00' } } as const;

describe('R-SHIP-TIME-DEF', () => {
  it('uses the carrier record, not the 点击发货 click', () => {
    const ruling = decide(
      scenario({ shipment: { clickedAt: '2025-09-01 18:00', carrierRecordedAt: '2025-09-04 11:00' }, delivery: { signedAt: '2025-09-05 09:00' }, ...lateClaim }),
    );
    expect(formatBeijingTime(ruling.deadlines.shippedAt!)).toBe('2025-09-04 11:00');
  });

  it('takes the later of waybill date and click date when the carrier has no system', () => {
    expect(
      legalShippingTime({ carrierHasSystem: false, waybillDate: t('2025-09-03'), clickedAt: t('2025-09-02 20:00') }),
    ).toBe(t('2025-09-03 00:00'));
    expect(
      legalShippingTime({ carrierHasSystem: false, waybillDate: t('2025-09-02'), clickedAt: t('2025-09-02 20:00') }),
    ).toBe(t('2025-09-02 20:00'));
  });

  it('asks for the carrier record when the carrier has a system', () => {
    expect(() => decide(scenario({ shipment: { carrierRecordedAt: null }, ...lateClaim }))).toThrowError(/shipment\.carrierRecordedAt/);
  });
});

describe('R-SHIP-DEADLINE', () => {
  const cases = [
    ['taobao', 72, '2025-09-04 10:00', '2025-09-04 10:01'],
    ['tmall', 48, '2025-09-03 10:00', '2025-09-03 10:01'],
    ['tmallGlobal', 120, '2025-09-06 10:00', '2025-09-06 10:01'],
  ] as const;
  for (const [channel, hours, onTime, late] of cases) {
    it(`${channel}: on time at exactly ${hours} h after payment, late one minute after`, () => {
      const deadline = shippingDeadline(t('2025-09-01 10:00'), channel, undefined, defaultParameters);
      expect(formatBeijingTime(deadline)).toBe(onTime);
      expect(isShippedLate(t(onTime), deadline)).toBe(false);
      expect(isShippedLate(t(late), deadline)).toBe(true);
      const claim = { claim: { type: 'return-and-refund', reason: 'late-shipment', at: '2025-09-08 10:00' } } as const;
      const signedAt = { delivery: { signedAt: '2025-09-07 10:00' } };
      expect(decide(scenario({ channel, shipment: { carrierRecordedAt: onTime }, ...signedAt, ...claim })).resolution).toBe('reject');
      expect(decide(scenario({ channel, shipment: { carrierRecordedAt: late }, ...signedAt, ...claim })).resolution).toBe('return-and-refund');
    });
  }

  it('uses the promised hours over the channel default', () => {
    const ruling = decide(scenario({ shipment: { promisedHours: 24, carrierRecordedAt: '2025-09-02 10:01' }, ...lateClaim }));
    expect(ruling.deadlines.shippedLate).toBe(true);
    expect(ruling.resolution).toBe('return-and-refund');
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'seller' });
  });

  it('follows a changed channel default parameter', () => {
    const facts = scenario({ shipment: { carrierRecordedAt: '2025-09-03 12:00' }, ...lateClaim });
    expect(decide(facts).deadlines.shippedLate).toBe(false);
    expect(decide(facts, { parameters: { shipDeadlineHours: { taobao: 48, tmall: 48, tmallGlobal: 120 } } }).deadlines.shippedLate).toBe(true);
  });
});

describe('R-SHIP-BREACH', () => {
  const late = { shipment: { carrierRecordedAt: '2025-09-05 10:00' }, delivery: { signedAt: '2025-09-06 10:00' } } as const;
  const claim = { claim: { type: 'return-and-refund', reason: 'late-shipment', at: '2025-09-07 10:00' } } as const;

  it('supports 退货退款 with all freight on the seller when the buyer received late goods', () => {
    const ruling = decide(scenario({ ...late, ...claim }));
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-SHIP-BREACH' });
  });

  it('needs negotiation when the buyer clicked 确认收货 or used the goods', () => {
    expect(decide(scenario({ ...late, ...claim, delivery: { ...late.delivery, confirmation: 'buyer-clicked' } })).resolution).toBe('reject');
    expect(decide(scenario({ ...late, ...claim, goods: { condition: 'used' } })).resolution).toBe('reject');
  });

  it('does not block the claim when the seller induced the confirmation', () => {
    expect(decide(scenario({ ...late, ...claim, delivery: { ...late.delivery, confirmation: 'induced-by-seller' } })).resolution).toBe(
      'return-and-refund',
    );
  });

  it('supports 退款 with seller freight when late goods were refused', () => {
    const ruling = decide(scenario({ ...late, ...claim, delivery: { status: 'refused', signedAt: null, refusal: { reason: 'seller-breach' } } }));
    expect(ruling).toMatchObject({ resolution: 'refund', freight: { outbound: 'seller' } });
  });

  it('rejects a late-shipment claim when the goods shipped on time', () => {
    expect(decide(scenario({ ...claim })).decidingRuleId).toBe('R-SHIP-DEADLINE');
  });
});

describe('R-SHIP-AFTER-REFUND-REQUEST', () => {
  it('refunds when the buyer applied before anything shipped', () => {
    const ruling = decide(scenario({ shipment: { shipped: false, clickedAt: null, carrierRecordedAt: null }, delivery: null, claim: { at: '2025-09-01 12:00', type: 'refund-only', reason: 'not-received' } }));
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SHIP-AFTER-REFUND-REQUEST', freight: null });
  });

  it('puts everything on the seller who shipped after the refund request without consent and was refused', () => {
    const ruling = decide(
      scenario({
        claim: { at: '2025-09-01 12:00', type: 'refund-only', reason: 'not-received' },
        delivery: { status: 'refused', signedAt: null, refusal: { reason: 'seller-breach' } },
        shipment: { buyerConsentedToShip: false },
      }),
    );
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SHIP-AFTER-REFUND-REQUEST', freight: { outbound: 'seller' } });
    expect(ruling.transitRisk).toMatchObject({ minor: 'seller', destroyed: 'seller', lost: 'seller' });
  });

  it('treats a shipment the buyer consented to as an ordinary order', () => {
    const ruling = decide(scenario({ claim: { at: '2025-09-01 12:00' }, shipment: { buyerConsentedToShip: true } }));
    expect(ruling.trace.find((step) => step.ruleId === 'R-SHIP-AFTER-REFUND-REQUEST')?.applied).toBe(true);
    expect(ruling).toMatchObject({ resolution: 'return-and-refund', decidingRuleId: 'R-7DAY-SCOPE' });
  });
});

describe('R-SHIP-INTERCEPT', () => {
  const intercepted = scenario({
    delivery: { status: 'intercepted', signedAt: null },
    claim: { at: '2025-09-02 09:00', type: 'refund-only', reason: 'no-reason' },
  });

  it('refunds an intercepted parcel under the 2025 rules; a change of mind pays freight as a no-reason refusal', () => {
    const ruling = decide(intercepted);
    expect(ruling).toMatchObject({ resolution: 'refund', decidingRuleId: 'R-SHIP-INTERCEPT' });
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer', ruleId: 'R-FREIGHT-7DAY-RETURN' });
    const notFree = decide(scenario({ ...intercepted, order: { freeShipping: false }, delivery: { status: 'intercepted', signedAt: null } }));
    expect(notFree.freight).toMatchObject({ outbound: 'buyer', return: 'buyer' });
  });

  it('splits freight as for an undeterminable fault when the reason is neither a breach nor a change of mind', () => {
    const ruling = decide(scenario({ delivery: { status: 'intercepted', signedAt: null }, claim: { at: '2025-09-02 09:00', type: 'refund-only', reason: 'quality' } }));
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer', ruleId: 'R-FREIGHT-UNCLEAR' });
  });

  it('puts the freight on a seller who had shipped late', () => {
    const ruling = decide(
      scenario({
        delivery: { status: 'intercepted', signedAt: null },
        shipment: { carrierRecordedAt: '2025-09-04 12:00' },
        claim: { at: '2025-09-04 13:00', type: 'refund-only', reason: 'no-reason' },
      }),
    );
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'seller' });
  });

  it('does not reject a refund in transit under the older wording, which is silent on it: it says so instead', () => {
    const error = (() => {
      try {
        decide(intercepted, { edition: 'legacy' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EditionSilentError);
    expect((error as EditionSilentError).message).toMatch(/没有.*拦截义务/);
    expect((error as EditionSilentError).message).toMatch(/拒签/);
  });
});

describe('R-SHIP-CARRIER', () => {
  it('refunds the outbound freight of a 非包邮 order sent with another carrier than promised', () => {
    const ruling = decide(scenario({ order: { freeShipping: false }, shipment: { promisedCarrier: 'not-used' } }));
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer' });
  });
});

describe('late shipment with the buyer’s consent', () => {
  it('is no breach: a late-shipment claim is rejected', () => {
    const ruling = decide(
      scenario({
        shipment: { carrierRecordedAt: '2025-09-05 10:00', buyerConsentedToShip: true },
        delivery: { signedAt: '2025-09-06 10:00' },
        claim: { type: 'return-and-refund', reason: 'late-shipment', at: '2025-09-07 10:00' },
      }),
    );
    expect(ruling).toMatchObject({ resolution: 'reject', decidingRuleId: 'R-SHIP-DEADLINE' });
  });
});
