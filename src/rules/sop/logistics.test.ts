import { describe, expect, it } from 'vitest';
import { checkSop } from './fixtures.ts';
import { courierDamageRule, inTransitRefundRule, logisticsExceptionsRule } from './logistics.ts';

const inTransit = {
  facts: { claim: { reason: 'no-reason' as const, type: 'refund-only' as const }, delivery: { status: 'in-transit' as const, signedAt: undefined } },
  situation: { resolution: 'refund' as const, decidingRuleId: 'R-SHIP-INTERCEPT' },
};

describe('SOP-IN-TRANSIT-REFUND', () => {
  it('allows persuasion but yields to R-SHIP-INTERCEPT when the buyer insists', () => {
    const outcome = checkSop(inTransitRefundRule, inTransit);
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBe('R-SHIP-INTERCEPT');
    expect(outcome.guidance?.guidance).toContain('劝其等待快递送达');
    expect(outcome.guidance?.guidance).toContain('必须及时通知快递拦截并退款');
  });

  it('refunds once an intercepted parcel comes back', () => {
    const outcome = checkSop(inTransitRefundRule, { ...inTransit, facts: { ...inTransit.facts, delivery: { status: 'intercepted', signedAt: undefined } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-SHIP-INTERCEPT');
    expect(outcome.guidance?.guidance).toContain('收到退回的包裹后及时退款');
  });

  it('is not overridden under the legacy edition, which has no interception duty', () => {
    const outcome = checkSop(inTransitRefundRule, { ...inTransit, edition: 'legacy' });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('does not apply once the parcel is signed for', () => {
    expect(checkSop(inTransitRefundRule).applies).toBe(false);
  });
});

describe('SOP-COURIER-DAMAGE', () => {
  const refusedBroken = {
    facts: {
      claim: { reason: 'surface-mismatch' as const, type: 'refund-only' as const },
      delivery: { status: 'refused' as const, signedAt: undefined, refusal: { reason: 'surface-mismatch' as const, photographed: true } },
      issue: { mismatchKind: 'damaged' as const },
    },
  };

  it('re-sends after a damaged parcel is refused when the buyer accepts a re-send', () => {
    const outcome = checkSop(courierDamageRule, { ...refusedBroken, situation: { resolution: 'resend', decidingRuleId: 'R-REMEDY-CHOICE' } });
    expect(outcome.guidance?.guidance).toContain('商品退回后为买家重新发出');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to the refund ruling for a refused damaged parcel', () => {
    const outcome = checkSop(courierDamageRule, { ...refusedBroken, situation: { resolution: 'refund', decidingRuleId: 'R-SIGN-INSPECT-REFUSE' } });
    expect(outcome.guidance?.overriddenBy).toBe('R-SIGN-INSPECT-REFUSE');
  });

  it('tells the buyer to refuse damage spotted at handover', () => {
    const outcome = checkSop(courierDamageRule, {
      facts: { claim: { reason: 'surface-mismatch' }, delivery: { status: 'in-transit', signedAt: undefined }, issue: { mismatchKind: 'damaged' } },
      situation: { resolution: 'resend' },
    });
    expect(outcome.guidance?.guidance).toContain('当场拒签');
  });

  it('does not apply to damage found after signing', () => {
    const outcome = checkSop(courierDamageRule, { facts: { claim: { reason: 'surface-mismatch' }, issue: { mismatchKind: 'damaged' } } });
    expect(outcome.applies).toBe(false);
  });
});

describe('SOP-LOGISTICS-EXCEPTIONS', () => {
  const lost = {
    facts: { claim: { reason: 'not-received' as const, type: 'refund-only' as const }, delivery: { status: 'lost' as const, signedAt: undefined } },
  };

  it('forwards an undeliverable parcel by EMS or re-sends it', () => {
    const outcome = checkSop(logisticsExceptionsRule, {
      facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'undeliverable', signedAt: undefined } },
      situation: { resolution: 'refund' },
    });
    expect(outcome.guidance?.guidance).toContain('转发 EMS');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('re-sends a lost parcel when the buyer accepts a re-send', () => {
    const outcome = checkSop(logisticsExceptionsRule, { ...lost, situation: { resolution: 'resend' } });
    expect(outcome.guidance?.guidance).toContain('视情况为买家补发');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to the refund ruling for a lost parcel', () => {
    const outcome = checkSop(logisticsExceptionsRule, { ...lost, situation: { resolution: 'refund', decidingRuleId: 'R-SIGN-RISK' } });
    expect(outcome.guidance?.overriddenBy).toBe('R-SIGN-RISK');
  });

  it('covers a parcel broken on arrival and already signed for', () => {
    const outcome = checkSop(logisticsExceptionsRule, {
      facts: { claim: { reason: 'surface-mismatch' }, issue: { mismatchKind: 'damaged' } },
      situation: { resolution: 'resend' },
    });
    expect(outcome.applies).toBe(true);
  });

  it('does not apply to a parcel delivered intact', () => {
    expect(checkSop(logisticsExceptionsRule).applies).toBe(false);
  });
});
