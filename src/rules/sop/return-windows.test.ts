import { describe, expect, it } from 'vitest';
import { parseBeijingTime } from '../beijing-time.ts';
import { MissingFactError } from '../errors.ts';
import { checkSop, policyWith } from './fixtures.ts';
import { returnWindowsRule, shopWindowEnd } from './return-windows.ts';

const t = (text: string) => parseBeijingTime(text)!;

describe('shopWindowEnd', () => {
  it('counts days × 24 h from the signing instant', () => {
    expect(shopWindowEnd(t('2025-09-03 20:00'), 7)).toBe(t('2025-09-10 20:00'));
  });
});

describe('SOP-RETURN-WINDOWS', () => {
  it('accepts a return inside the shop window without mentioning the platform', () => {
    const outcome = checkSop(returnWindowsRule);
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.guidance?.guidance).toContain('到 2025-09-10 20:00 为止');
  });

  it('keeps a return made one minute before the shop window closes', () => {
    const outcome = checkSop(returnWindowsRule, { facts: { claim: { at: '2025-09-10 19:59' } } });
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to R-7DAY-WINDOW for a return after the shop window but before the legal window ends', () => {
    const outcome = checkSop(returnWindowsRule, { facts: { claim: { at: '2025-09-10 21:00' } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-7DAY-WINDOW');
    expect(outcome.guidance?.guidance).toContain('到 2025-09-11 00:00 才结束');
    expect(outcome.guidance?.guidance).toContain('不能以本店期限拒绝');
  });

  it('uses the ruling’s legal window end when it is given', () => {
    const outcome = checkSop(returnWindowsRule, {
      facts: { claim: { at: '2025-09-10 21:00' } },
      situation: { deadlines: { sevenDayWindowEnd: t('2025-09-10 20:30') }, supported: 'seller', resolution: 'pay-seller' },
    });
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.note).toContain('已过本店退货期限');
  });

  it('does not invoke the platform once both windows have closed and the ruling supports the seller', () => {
    const outcome = checkSop(returnWindowsRule, {
      facts: { claim: { at: '2025-09-11 00:00' } },
      situation: { supported: 'seller', resolution: 'pay-seller', decidingRuleId: 'R-7DAY-WINDOW' },
    });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.guidance?.guidance).toContain('仍按质量问题流程核实');
  });

  it('yields to the deciding rule for a late quality return the platform supports', () => {
    const outcome = checkSop(returnWindowsRule, {
      facts: { claim: { at: '2025-09-20 10:00', reason: 'quality' } },
      situation: { supported: 'buyer', resolution: 'return-and-refund', decidingRuleId: 'R-QUAL-REMEDY' },
    });
    expect(outcome.guidance?.overriddenBy).toBe('R-QUAL-REMEDY');
  });

  it('gives exchanges the 15-day window', () => {
    const outcome = checkSop(returnWindowsRule, { facts: { claim: { type: 'exchange', at: '2025-09-15 10:00' } } });
    expect(outcome.guidance?.guidance).toContain('签收后 15 天');
    expect(outcome.guidance?.guidance).toContain('在期限内');
  });

  it('follows a longer configured return window', () => {
    const outcome = checkSop(returnWindowsRule, {
      facts: { claim: { at: '2025-09-12 10:00' } },
      policy: policyWith({ windows: { returnDaysAfterSigning: 15 } }),
    });
    expect(outcome.guidance?.guidance).toContain('在期限内');
  });

  it('does not apply before the parcel is signed for', () => {
    const outcome = checkSop(returnWindowsRule, { facts: { delivery: { status: 'in-transit', signedAt: undefined } } });
    expect(outcome.applies).toBe(false);
  });

  it('names itself and the fact when a signed parcel has no signing time', () => {
    expect(() => checkSop(returnWindowsRule, { facts: { delivery: { signedAt: undefined } } })).toThrow(MissingFactError);
    expect(() => checkSop(returnWindowsRule, { facts: { delivery: { signedAt: undefined } } })).toThrow(/SOP-RETURN-WINDOWS.*delivery\.signedAt/);
  });
});
