import { describe, expect, it } from 'vitest';
import { defaultShopPolicy } from '../shop-policy.ts';
import { checkSop, policyWith } from './fixtures.ts';
import { ladderRule, managerEscalateRule, negotiationLadder, retainRule } from './negotiation.ts';

describe('negotiationLadder', () => {
  it('lists the five default steps and puts the approval limits on the compensation step', () => {
    const ladder = negotiationLadder(defaultShopPolicy);
    expect(ladder.map((step) => step.action)).toEqual(['解释', '解释 + 优惠券', '补偿', '换货', '退货']);
    expect(ladder[2]).toEqual({ order: 3, action: '补偿', note: '补偿 5–30 元内可直接处理，超过 30 元须店长审批' });
    expect(ladder[0]).toEqual({ order: 1, action: '解释' });
  });

  it('follows a changed ladder and limits', () => {
    const policy = policyWith({ ladder: ['解释', '补偿', '退货'], compensation: { maxYuanWithoutApproval: 20 } });
    expect(negotiationLadder(policy)).toEqual([
      { order: 1, action: '解释' },
      { order: 2, action: '补偿', note: '补偿 5–20 元内可直接处理，超过 20 元须店长审批' },
      { order: 3, action: '退货' },
    ]);
  });
});

describe('SOP-LADDER', () => {
  it('walks a quality complaint up the ladder when the ruling supports the seller', () => {
    const outcome = checkSop(ladderRule, {
      facts: { claim: { reason: 'quality' } },
      situation: { supported: 'seller', resolution: 'pay-seller', decidingRuleId: 'R-QUAL-VISIBLE' },
    });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('①解释 → ②解释 + 优惠券 → ③补偿 → ④换货 → ⑤退货');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to the deciding platform rule when the ruling grants the buyer a return', () => {
    const outcome = checkSop(ladderRule, {
      facts: { claim: { reason: 'quality' } },
      situation: { supported: 'buyer', resolution: 'return-and-refund', decidingRuleId: 'R-QUAL-REMEDY' },
    });
    expect(outcome.guidance?.overriddenBy).toBe('R-QUAL-REMEDY');
    expect(outcome.guidance?.guidance).toContain('买家坚持时必须按平台结果办理');
  });

  it('does not apply to a parcel that never arrived', () => {
    const outcome = checkSop(ladderRule, {
      facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'lost', signedAt: undefined } },
    });
    expect(outcome.applies).toBe(false);
  });
});

describe('SOP-LADDER before signing', () => {
  it('does not apply to a refund requested while the parcel is in transit', () => {
    const outcome = checkSop(ladderRule, {
      facts: { claim: { type: 'refund-only' }, delivery: { status: 'in-transit', signedAt: undefined } },
      situation: { resolution: 'refund' },
    });
    expect(outcome.applies).toBe(false);
  });
});

describe('SOP-RETAIN', () => {
  it('is persuasion only and yields to R-7DAY-SCOPE when the ruling supports a 7-day return', () => {
    const outcome = checkSop(retainRule);
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBe('R-7DAY-SCOPE');
    expect(outcome.guidance?.guidance).toContain('买家坚持时必须按平台结果办理，不得拒绝或拖延');
  });

  it('keeps plain retention when the ruling does not support the no-reason return', () => {
    const outcome = checkSop(retainRule, {
      facts: { goods: { sevenDayClass: 'custom' } },
      situation: { supported: 'seller', resolution: 'pay-seller', decidingRuleId: 'R-7DAY-SCOPE' },
    });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('reminds the agent that a quality problem is the shop’s to bear', () => {
    const outcome = checkSop(retainRule, {
      facts: { claim: { reason: 'quality' } },
      situation: { supported: 'seller', resolution: 'pay-seller' },
    });
    expect(outcome.guidance?.guidance).toContain('属于店铺责任');
  });

  it('leaves a refund requested in transit to SOP-IN-TRANSIT-REFUND', () => {
    const outcome = checkSop(retainRule, {
      facts: { claim: { type: 'refund-only' }, delivery: { status: 'in-transit', signedAt: undefined } },
      situation: { resolution: 'refund' },
    });
    expect(outcome.applies).toBe(false);
  });

  it('does not apply to a wrong item the shop sent', () => {
    const outcome = checkSop(retainRule, {
      facts: { claim: { reason: 'surface-mismatch' }, issue: { mismatchKind: 'wrong-item' } },
    });
    expect(outcome.applies).toBe(false);
  });
});

describe('SOP-MANAGER-ESCALATE', () => {
  it('sends the agent to the configured manager once 淘宝 has intervened', () => {
    const outcome = checkSop(managerEscalateRule, {
      facts: { platform: { intervened: true } },
      policy: policyWith({ compensation: { approverAbove: '运营经理' } }),
    });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('立即咨询运营经理');
  });

  it('applies to a counterfeit claim', () => {
    const outcome = checkSop(managerEscalateRule, { facts: { claim: { reason: 'counterfeit', type: 'refund-only' } } });
    expect(outcome.guidance?.guidance).toContain('买家主张假货');
  });

  it('does not apply to an ordinary return without intervention', () => {
    expect(checkSop(managerEscalateRule).applies).toBe(false);
  });
});
