import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

const gift = (issue: string | null, value: Record<string, number> = { declaredValue: 15 }) =>
  scenario({ claim: { type: 'partial-refund', reason: 'gift' }, gift: { name: '试用装', ...value, ...(issue ? { issue: issue as 'unlicensed' } : {}) } });

describe('gift disputes', () => {
  it('refunds the gift’s declared value when it was not shipped', () => {
    expect(decide(gift('not-shipped'))).toMatchObject({ resolution: 'partial-refund', decidingRuleId: 'R-GIFT-SHIPTIME', refundAmount: 15 });
  });

  it('refunds the market value of an unlicensed food gift', () => {
    expect(decide(gift('unlicensed', { marketValue: 12 }))).toMatchObject({ decidingRuleId: 'R-GIFT-LICENSE', refundAmount: 12 });
  });

  it('reads an ambiguous gift description in the buyer’s favour', () => {
    expect(decide(gift('ambiguous-description')).decidingRuleId).toBe('R-GIFT-CLARITY');
  });

  it('keeps the main item out of the gift dispute once signed', () => {
    const ruling = decide(gift('not-shipped'));
    expect(ruling.trace.find((step) => step.ruleId === 'R-GIFT-INDEPENDENT')?.applied).toBe(true);
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: null, ruleId: 'R-GEN-ORDER-OF-SOURCES' });
  });

  it('asks for the gift’s problem', () => {
    expect(() => decide(gift(null))).toThrowError(/gift\.issue/);
  });
});
