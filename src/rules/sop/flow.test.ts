import { describe, expect, it } from 'vitest';
import { claimReasons } from '../facts.ts';
import { defaultShopPolicy } from '../shop-policy.ts';
import { checkSop, policyWith } from './fixtures.ts';
import { contactOfflineRule, flowChartRule, flowRule, serviceFlow } from './flow.ts';

const lost = {
  facts: { claim: { reason: 'not-received' as const, type: 'refund-only' as const }, delivery: { status: 'lost' as const, signedAt: undefined } },
};

describe('serviceFlow', () => {
  it('lists the five default steps in order', () => {
    expect(serviceFlow(defaultShopPolicy)).toEqual([
      { order: 1, step: '安抚顾客' },
      { order: 2, step: '核实信息' },
      { order: 3, step: '联系处理' },
      { order: 4, step: '跟踪进度' },
      { order: 5, step: '回访顾客' },
    ]);
  });

  it('follows a changed flow', () => {
    expect(serviceFlow(policyWith({ flow: ['核实', '处理'] })).map((s) => s.step)).toEqual(['核实', '处理']);
  });
});

describe('SOP-FLOW', () => {
  it.each(claimReasons)('applies to a %s claim with the configured flow', (reason) => {
    const outcome = checkSop(flowRule, { facts: { claim: { reason } } });
    expect(outcome.guidance?.guidance).toBe('按本店售后标准流程处理：安抚顾客 → 核实信息 → 联系处理 → 跟踪进度 → 回访顾客。');
  });
});

describe('SOP-FLOWCHART', () => {
  it('follows the lost-parcel branch when the buyer accepts a re-send', () => {
    const outcome = checkSop(flowChartRule, { ...lost, situation: { resolution: 'resend' } });
    expect(outcome.guidance?.guidance).toBe('按售后流程图“丢件”一支处理：核实信息 → 注意登记 → 补发 → 告知单号 → 跟踪物流 → 回访顾客。');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('yields to the refund ruling on the lost-parcel branch', () => {
    const outcome = checkSop(flowChartRule, { ...lost, situation: { resolution: 'refund', decidingRuleId: 'R-SIGN-RISK' } });
    expect(outcome.guidance?.overriddenBy).toBe('R-SIGN-RISK');
  });

  it('refunds in full on the not-received branch', () => {
    const outcome = checkSop(flowChartRule, {
      facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'signed', receivedBy: 'locker', placeDesignated: false } },
      situation: { resolution: 'refund' },
    });
    expect(outcome.guidance?.guidance).toContain('确认未收到后全额退款');
  });

  it('follows the 7-day branch for a no-reason return', () => {
    expect(checkSop(flowChartRule).guidance?.guidance).toContain('买家申请 → 卖家同意 → 买家退货 → 拆包处理 → 退回仓库');
  });

  it('refunds the return postage on the wrong-item and quality branches', () => {
    const wrong = checkSop(flowChartRule, { facts: { claim: { reason: 'surface-mismatch' }, issue: { mismatchKind: 'wrong-item' } } });
    expect(wrong.guidance?.guidance).toContain('“错发”');
    const quality = checkSop(flowChartRule, { facts: { claim: { reason: 'quality' } } });
    expect(quality.guidance?.guidance).toContain('签收后退寄回运费');
  });

  it('has no branch for a no-reason refund while the parcel is in transit', () => {
    const outcome = checkSop(flowChartRule, { facts: { claim: { type: 'refund-only' }, delivery: { status: 'in-transit', signedAt: undefined } } });
    expect(outcome.applies).toBe(false);
  });

  it('has no branch for a counterfeit claim', () => {
    expect(checkSop(flowChartRule, { facts: { claim: { reason: 'counterfeit', type: 'refund-only' } } }).applies).toBe(false);
  });
});

describe('SOP-CONTACT-OFFLINE', () => {
  it('has the shop reach out when the parcel is lost', () => {
    expect(checkSop(contactOfflineRule, lost).guidance?.guidance).toContain('电话、短信或微信');
  });

  it('does not apply when the buyer started the return', () => {
    expect(checkSop(contactOfflineRule).applies).toBe(false);
  });
});
