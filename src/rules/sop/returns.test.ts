import { describe, expect, it } from 'vitest';
import { checkSop, policyWith } from './fixtures.ts';
import { exchangeSpuRule, freightPrepayRule, noCodRule, returnThenRefundRule, sevenDayExplainRule } from './returns.ts';

const notReceived = {
  facts: { claim: { reason: 'not-received' as const, type: 'refund-only' as const }, delivery: { status: 'lost' as const, signedAt: undefined } },
  situation: { resolution: 'refund' as const },
};

describe('SOP-NO-COD', () => {
  it('tells the buyer in advance that 到付 parcels are refused', () => {
    const outcome = checkSop(noCodRule);
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.guidance?.guidance).toContain('到付件会被仓库拒收');
  });

  it('yields to R-FREIGHT-COD-RETURN when the buyer returned 到付 without consent', () => {
    const outcome = checkSop(noCodRule, { facts: { returnLeg: { agreement: 'before-intervention', cashOnDelivery: 'unagreed' } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-FREIGHT-COD-RETURN');
    expect(outcome.guidance?.guidance).toContain('必须在给退货地址时就事先告诉买家');
    expect(outcome.guidance?.guidance).toContain('不能拒收了事');
  });

  it('yields to R-FREIGHT-COD-RETURN when the shop agreed to a 到付 return', () => {
    const outcome = checkSop(noCodRule, { facts: { returnLeg: { agreement: 'before-intervention', cashOnDelivery: 'agreed' } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-FREIGHT-COD-RETURN');
    expect(outcome.guidance?.guidance).toContain('不得拒收');
  });

  it('does not apply when the shop accepts 到付 returns', () => {
    const outcome = checkSop(noCodRule, {
      facts: { returnLeg: { agreement: 'before-intervention', cashOnDelivery: 'unagreed' } },
      policy: policyWith({ acceptsCodReturns: true }),
    });
    expect(outcome.applies).toBe(false);
  });

  it('does not apply when nothing is sent back', () => {
    expect(checkSop(noCodRule, notReceived).applies).toBe(false);
  });
});

describe('SOP-FREIGHT-PREPAY', () => {
  it('has the buyer prepay a quality return that the shop ultimately pays', () => {
    const outcome = checkSop(freightPrepayRule, { facts: { claim: { reason: 'quality' } } });
    expect(outcome.guidance?.guidance).toContain('请买家先垫付');
    expect(outcome.guidance?.guidance).toContain('最终由本店承担');
  });

  it('has the buyer pay a no-reason exchange through the postage listing', () => {
    const outcome = checkSop(freightPrepayRule, { facts: { claim: { type: 'exchange' } } });
    expect(outcome.guidance?.guidance).toContain('补邮费链接');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to the parties’ agreement that the seller pays', () => {
    const outcome = checkSop(freightPrepayRule, { facts: { returnLeg: { agreement: 'before-intervention', freightAgreement: 'seller' } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-GEN-ORDER-OF-SOURCES');
  });

  it('does not apply when nothing is sent back', () => {
    expect(checkSop(freightPrepayRule, notReceived).applies).toBe(false);
  });
});

describe('SOP-RETURN-THEN-REFUND', () => {
  it('refunds after the returned goods arrive', () => {
    const outcome = checkSop(returnThenRefundRule);
    expect(outcome.guidance?.guidance).toContain('仓库签收验货后再退款');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('offers the early re-send exception when the shop is at fault', () => {
    const outcome = checkSop(returnThenRefundRule, { facts: { claim: { reason: 'quality', type: 'exchange' } }, situation: { resolution: 'exchange' } });
    expect(outcome.guidance?.guidance).toContain('先发出新货');
  });

  it('yields to the ruling when the platform refunds without a return', () => {
    const outcome = checkSop(returnThenRefundRule, {
      facts: { claim: { reason: 'counterfeit' } },
      situation: { resolution: 'refund', decidingRuleId: 'R-FAKE-REFUND' },
    });
    expect(outcome.guidance?.overriddenBy).toBe('R-FAKE-REFUND');
    expect(outcome.guidance?.guidance).toContain('直接退款');
  });

  it('does not apply when nothing is sent back', () => {
    expect(checkSop(returnThenRefundRule, notReceived).applies).toBe(false);
  });
});

describe('SOP-7DAY-EXPLAIN', () => {
  it('explains the resale condition for a no-reason return', () => {
    const outcome = checkSop(sevenDayExplainRule);
    expect(outcome.guidance?.guidance).toContain('吊牌未剪、未洗涤、未使用');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to R-7DAY-INTACT when the buyer only opened the goods to inspect them', () => {
    const outcome = checkSop(sevenDayExplainRule, { facts: { goods: { condition: 'opened-for-inspection' } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-7DAY-INTACT');
  });

  it('does not apply before the buyer has the goods', () => {
    const outcome = checkSop(sevenDayExplainRule, { facts: { claim: { type: 'refund-only' }, delivery: { status: 'in-transit', signedAt: undefined } } });
    expect(outcome.applies).toBe(false);
  });

  it('does not apply to a quality return', () => {
    expect(checkSop(sevenDayExplainRule, { facts: { claim: { reason: 'quality' } } }).applies).toBe(false);
  });
});

describe('SOP-EXCHANGE-SPU', () => {
  it('limits an exchange to in-stock variants of the same listing', () => {
    const outcome = checkSop(exchangeSpuRule, { facts: { claim: { type: 'exchange' } } });
    expect(outcome.guidance?.guidance).toContain('同一商品链接（SPU）');
    expect(outcome.guidance?.guidance).toContain('0 元订单');
  });

  it('does not apply to a return for a refund', () => {
    expect(checkSop(exchangeSpuRule).applies).toBe(false);
  });
});
