import { describe, expect, it } from 'vitest';
import { defaultShopPolicy } from '../shop-policy.ts';
import { compensationApproval, compensationPostageCapRule, compensationRangeRule, virtualCompensationRule } from './compensation.ts';
import { checkSop, policyWith } from './fixtures.ts';

describe('compensationApproval', () => {
  it('lets an agent pay the 5-yuan lower limit without approval', () => {
    expect(compensationApproval(5, defaultShopPolicy)).toMatchObject({ allowed: true, approver: null });
  });

  it('lets an agent pay exactly 30 yuan without approval', () => {
    expect(compensationApproval(30, defaultShopPolicy)).toMatchObject({ allowed: true, approver: null });
  });

  it('sends 30.01 yuan to the shop manager', () => {
    const approval = compensationApproval(30.01, defaultShopPolicy);
    expect(approval).toMatchObject({ allowed: false, approver: '店长' });
    expect(approval.note).toContain('超过客服可直接处理的 30 元');
  });

  it('allows an amount under the lower limit but suggests virtual compensation', () => {
    const approval = compensationApproval(3, defaultShopPolicy);
    expect(approval).toMatchObject({ allowed: true, approver: null });
    expect(approval.note).toContain('虚拟补偿');
  });

  it('follows a changed policy: a 50-yuan limit allows 40 yuan, and a different approver is named above it', () => {
    const policy = policyWith({ compensation: { maxYuanWithoutApproval: 50, approverAbove: '运营主管' } });
    expect(compensationApproval(40, policy).allowed).toBe(true);
    expect(compensationApproval(50.5, policy)).toMatchObject({ allowed: false, approver: '运营主管' });
    expect(compensationApproval(40, defaultShopPolicy).allowed).toBe(false);
  });

  it('rejects a negative or non-numeric amount', () => {
    expect(() => compensationApproval(-1, defaultShopPolicy)).toThrow(RangeError);
    expect(() => compensationApproval(Number.NaN, defaultShopPolicy)).toThrow(RangeError);
  });
});

describe('SOP-COMP-RANGE', () => {
  it('states the configured authority for a quality claim', () => {
    const outcome = checkSop(compensationRangeRule, { facts: { claim: { reason: 'quality' } } });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('补偿 5–30 元内可直接处理，超过 30 元须店长审批');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('says an agreed 40-yuan partial refund needs the manager', () => {
    const outcome = checkSop(compensationRangeRule, {
      facts: {
        claim: { reason: 'quality', type: 'partial-refund' },
        agreement: { resolution: 'partial-refund', amount: 40, performed: false },
      },
    });
    expect(outcome.guidance?.guidance).toContain('本案约定补偿 40 元');
    expect(outcome.guidance?.guidance).toContain('须先请店长决定');
  });

  it('does not apply to a parcel that never arrived', () => {
    const outcome = checkSop(compensationRangeRule, {
      facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'lost', signedAt: undefined } },
      situation: { resolution: 'refund' },
    });
    expect(outcome.applies).toBe(false);
    expect(outcome.guidance).toBeUndefined();
  });
});

describe('SOP-COMP-POSTAGE-CAP', () => {
  const minorQuality = { claim: { reason: 'quality' as const }, order: { outboundFreight: 10 } };

  it('caps a minor-quality discount at the order postage and names the supervisor', () => {
    const outcome = checkSop(compensationPostageCapRule, { facts: minorQuality });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('不超过邮费（本单运费 10 元）');
    expect(outcome.guidance?.guidance).toContain('请示主管');
  });

  it('does not apply when the shop turns the postage cap off', () => {
    const outcome = checkSop(compensationPostageCapRule, {
      facts: minorQuality,
      policy: policyWith({ compensation: { minorQualityCapIsPostage: false } }),
    });
    expect(outcome.applies).toBe(false);
    expect(outcome.note).toContain('SOP-COMP-RANGE');
  });

  it('does not apply when the defect makes the goods unusable', () => {
    const outcome = checkSop(compensationPostageCapRule, { facts: { ...minorQuality, issue: { defeatsPurpose: true } } });
    expect(outcome.applies).toBe(false);
  });

  it('does not apply to a no-reason return', () => {
    expect(checkSop(compensationPostageCapRule).applies).toBe(false);
  });
});

describe('SOP-VIRTUAL-COMP', () => {
  it('lists the configured virtual compensation forms', () => {
    const outcome = checkSop(virtualCompensationRule, { facts: { claim: { reason: 'quality' } } });
    expect(outcome.guidance?.guidance).toContain('优惠券、会员积分、现金红包、小礼物');
  });

  it('does not apply when the shop configures no virtual forms', () => {
    const outcome = checkSop(virtualCompensationRule, {
      facts: { claim: { reason: 'quality' } },
      policy: policyWith({ virtualCompensation: [] }),
    });
    expect(outcome.applies).toBe(false);
  });

  it('does not apply to a counterfeit claim', () => {
    const outcome = checkSop(virtualCompensationRule, { facts: { claim: { reason: 'counterfeit', type: 'refund-only' } } });
    expect(outcome.applies).toBe(false);
  });
});
