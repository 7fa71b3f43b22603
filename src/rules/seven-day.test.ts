import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { formatBeijingTime, parseBeijingTime } from './beijing-time.ts';
import { decide } from './decide.ts';
import { sevenDayClasses } from './facts.ts';
import { defaultParameters } from './parameters.ts';
import { isInSevenDayWindow, refundDueBy, sevenDayEligibility, sevenDayWindow } from './seven-day.ts';

const t = (text: string) => parseBeijingTime(text)!;

describe('R-7DAY-WINDOW', () => {
  it('opens at 00:00 the day after signing and lasts 168 hours', () => {
    const window = sevenDayWindow(t('2025-09-03 14:20'), defaultParameters);
    expect(formatBeijingTime(window.start)).toBe('2025-09-04 00:00');
    expect(formatBeijingTime(window.end)).toBe('2025-09-11 00:00');
  });

  it('accepts a 7-day return applied at 23:59:59 of the last day', () => {
    const ruling = decide(scenario({ claim: { at: '2025-09-10 23:59:59' } }));
    expect(ruling.resolution).toBe('return-and-refund');
    expect(ruling.deadlines.claimInSevenDayWindow).toBe(true);
  });

  it('rejects a 7-day return applied at 00:00 after the window closes', () => {
    const ruling = decide(scenario({ claim: { at: '2025-09-11 00:00' } }));
    expect(ruling.resolution).toBe('reject');
    expect(ruling.decidingRuleId).toBe('R-7DAY-WINDOW');
  });

  it('counts from the next midnight even when signed one minute before midnight', () => {
    expect(isInSevenDayWindow(t('2025-09-03 23:59'), t('2025-09-10 23:59'), defaultParameters)).toBe(true);
    expect(isInSevenDayWindow(t('2025-09-04 00:00'), t('2025-09-11 23:59'), defaultParameters)).toBe(true);
    expect(isInSevenDayWindow(t('2025-09-04 00:00'), t('2025-09-12 00:00'), defaultParameters)).toBe(false);
  });

  it('follows a changed window length parameter', () => {
    const ruling = decide(scenario({ claim: { at: '2025-09-11 10:00' } }), { parameters: { sevenDayHours: 192 } });
    expect(ruling.resolution).toBe('return-and-refund');
  });
});

describe('R-7DAY-SCOPE', () => {
  it('excludes the four statutory classes whatever the buyer confirmed', () => {
    for (const sevenDayClass of ['custom', 'perishable', 'digital', 'periodical'] as const) {
      expect(sevenDayEligibility(sevenDayClass, false).eligible, sevenDayClass).toBe(false);
      const ruling = decide(scenario({ goods: { sevenDayClass } }));
      expect(ruling.decidingRuleId).toBe('R-7DAY-SCOPE');
      expect(ruling.resolution).toBe('reject');
    }
  });

  it('excludes confirmable classes only when the buyer confirmed at purchase', () => {
    for (const sevenDayClass of ['sealed-health', 'activation', 'disclosed-clearance'] as const) {
      expect(decide(scenario({ goods: { sevenDayClass, sevenDayOptOutConfirmed: true } })).resolution).toBe('reject');
      expect(decide(scenario({ goods: { sevenDayClass, sevenDayOptOutConfirmed: false } })).resolution).toBe('return-and-refund');
    }
  });

  it('throws a missing-fact error when a confirmable class does not say whether the buyer confirmed', () => {
    expect(() => decide(scenario({ goods: { sevenDayClass: 'activation' } }))).toThrowError(/goods\.sevenDayOptOutConfirmed/);
  });

  it('voids a "特价不退不换" notice on goods that must support 7-day return', () => {
    const ruling = decide(scenario({ goods: { listingNoReturnNotice: true } }));
    expect(ruling.resolution).toBe('return-and-refund');
    expect(ruling.trace.find((step) => step.ruleId === 'R-GEN-FORMAT-CLAUSE')?.applied).toBe(true);
  });

  it('classifies every class', () => {
    const eligible = sevenDayClasses.filter((sevenDayClass) => sevenDayEligibility(sevenDayClass, true).eligible);
    expect(eligible).toEqual(['standard']);
  });
});

describe('R-7DAY-INTACT', () => {
  it('allows opening to inspect', () => {
    expect(decide(scenario({ goods: { condition: 'opened-for-inspection' } })).resolution).toBe('return-and-refund');
  });

  it('rejects goods used beyond inspection or damaged by the buyer', () => {
    for (const condition of ['used', 'damaged-by-buyer'] as const) {
      const ruling = decide(scenario({ goods: { condition } }));
      expect(ruling.decidingRuleId).toBe('R-7DAY-INTACT');
      expect(ruling.resolution).toBe('reject');
    }
  });
});

describe('R-7DAY-GIFT', () => {
  it('deducts the declared gift value when the buyer cannot return the gift, and still accepts the return', () => {
    const ruling = decide(scenario({ gift: { name: '围巾', declaredValue: 30, issue: 'returned-damaged' } }));
    expect(ruling.resolution).toBe('return-and-refund');
    expect(ruling.deductions).toEqual([{ kind: 'gift-value', amount: 30, ruleId: 'R-7DAY-GIFT' }]);
    expect(ruling.refundAmount).toBe(169);
  });

  it('falls back to the market value when no value was declared', () => {
    const ruling = decide(scenario({ gift: { name: '围巾', marketValue: 25, issue: 'returned-damaged' } }));
    expect(ruling.deductions[0]?.amount).toBe(25);
  });

  it('deducts nothing when the gift comes back intact', () => {
    expect(decide(scenario({ gift: { name: '围巾', declaredValue: 30 } })).deductions).toEqual([]);
  });
});

describe('R-7DAY-WINDOW for a place the buyer never chose (第三十六条)', () => {
  const undesignated = (extra: Record<string, unknown> = {}) =>
    scenario({
      delivery: { status: 'signed', signedAt: '2025-09-03 14:20', receivedBy: 'locker', placeDesignated: false, confirmation: 'none', ...extra },
      claim: { at: '2025-09-12 10:00' },
    });

  it('starts the clock when the buyer actually took the parcel, not at the courier\'s drop time', () => {
    const ruling = decide(undesignated({ collectedAt: '2025-09-06 19:00' }));
    expect(ruling.resolution).toBe('return-and-refund');
    expect(formatBeijingTime(ruling.deadlines.sevenDayWindowEnd!)).toBe('2025-09-14 00:00');
    expect(ruling.deadlines.claimInSevenDayWindow).toBe(true);
  });

  it('asks when the buyer took the parcel instead of counting from the drop', () => {
    expect(() => decide(undesignated())).toThrow(/delivery\.collectedAt/);
  });

  it('still counts from signing at a place the buyer designated', () => {
    const ruling = decide(undesignated({ placeDesignated: true, collectedAt: '2025-09-06 19:00' }));
    expect(ruling.resolution).toBe('reject');
    expect(ruling.decidingRuleId).toBe('R-7DAY-WINDOW');
  });
});

describe('R-FREIGHT-7DAY-RETURN', () => {
  it('makes the buyer pay only the return leg of a 包邮 order', () => {
    expect(decide(scenario()).freight).toMatchObject({ outbound: 'seller', return: 'buyer', ruleId: 'R-FREIGHT-7DAY-RETURN' });
  });

  it('makes the buyer pay all freight of a 非包邮 order, a lost 满额包邮, or membership abuse', () => {
    for (const order of [{ freeShipping: false }, { freeShippingLostByPartialReturn: true }, { membershipAbuse: true }]) {
      const goods = order.freeShippingLostByPartialReturn ? { price: 50 } : {};
      expect(decide(scenario({ order, goods })).freight).toMatchObject({ outbound: 'buyer', return: 'buyer' });
    }
  });

  it('under the older wording makes the buyer pay only the return leg even when not 包邮', () => {
    const ruling = decide(scenario({ order: { freeShipping: false } }), { edition: 'legacy' });
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer' });
  });

  it('makes the buyer pay the legs a 7-day exchange produces, but not the original delivery of a 包邮 order', () => {
    const ruling = decide(scenario({ claim: { type: 'exchange' } }));
    expect(ruling.resolution).toBe('exchange');
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer', resend: 'buyer', ruleId: 'R-FREIGHT-7DAY-EXCHANGE' });
    const notFree = decide(scenario({ claim: { type: 'exchange' }, order: { freeShipping: false } }));
    expect(notFree.freight).toMatchObject({ outbound: 'buyer', return: 'buyer', resend: 'buyer' });
  });

  it('charges the seller the extra freight of a return address that differs from the listing', () => {
    const ruling = decide(scenario({ returnLeg: { agreement: 'after-intervention', returnAddressDiffersFromListing: true } }));
    expect(ruling.freight?.sellerPaysAddressDifference).toBe(true);
  });
});

describe('return-transit risk of a 7-day return', () => {
  it('puts 破损 on the seller and 损毁/灭失 on the buyer (2025)', () => {
    expect(decide(scenario()).transitRisk).toMatchObject({ leg: 'return', minor: 'seller', destroyed: 'buyer', lost: 'buyer' });
  });

  it('turns a return lost in transit into 打款 because the buyer bears 灭失', () => {
    const ruling = decide(scenario({ returnLeg: { agreement: 'after-intervention', transitDamage: 'lost' } }));
    expect(ruling.resolution).toBe('pay-seller');
    expect(ruling.decidingRuleId).toBe('R-RET-RISK-DEFAULT');
  });

  it('keeps the refund when the return arrives 破损, because the seller bears 破损 (2025) but not under the older wording', () => {
    const facts = scenario({ returnLeg: { agreement: 'after-intervention', transitDamage: 'minor' } });
    expect(decide(facts).resolution).toBe('refund');
    expect(decide(facts, { edition: 'legacy' }).resolution).toBe('pay-seller');
  });
});

describe('R-7DAY-REFUND-DEADLINE', () => {
  it('gives the seller until the end of the 7th calendar day after receiving the return', () => {
    expect(formatBeijingTime(refundDueBy(t('2025-09-08 15:00'), defaultParameters))).toBe('2025-09-15 23:59:59');
    const ruling = decide(scenario({ returnLeg: { agreement: 'after-intervention', sellerReceivedAt: '2025-09-08 15:00' } }));
    expect(formatBeijingTime(ruling.deadlines.refundDueBy!)).toBe('2025-09-15 23:59:59');
  });
});
