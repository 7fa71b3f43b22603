import { describe, expect, it } from 'vitest';
import { sevenDayReturnFreight } from './freight.ts';

// 第五十三条: a 包邮 order's 7-day return costs the buyer the return leg only; an order without 包邮, a partial return
// that loses 包邮, or abuse of membership rights costs the buyer all freight. The older wording: return leg only.
describe('sevenDayReturnFreight (R-FREIGHT-7DAY-RETURN)', () => {
  it('charges the buyer the return leg only on a 包邮 order', () => {
    expect(sevenDayReturnFreight(true, false, false, '2025-08-15')).toEqual({ outbound: 'seller', return: 'buyer' });
  });

  it('charges the buyer both legs without 包邮, after a partial return that loses it, or for membership abuse', () => {
    const buyerPaysAll = { outbound: 'buyer', return: 'buyer' };
    expect(sevenDayReturnFreight(false, false, false, '2025-08-15')).toEqual(buyerPaysAll);
    expect(sevenDayReturnFreight(true, true, false, '2025-08-15')).toEqual(buyerPaysAll);
    expect(sevenDayReturnFreight(true, false, true, '2025-08-15')).toEqual(buyerPaysAll);
  });

  it('keeps the older wording, the return leg only, under the legacy edition', () => {
    expect(sevenDayReturnFreight(false, true, true, 'legacy')).toEqual({ outbound: 'seller', return: 'buyer' });
  });
});
