import { describe, expect, it } from 'vitest';
import { claimReasons } from '../facts.ts';
import { checkSop, policyWith } from './fixtures.ts';
import { lostParcelReportRule, qualityReportRule, registerRule, screenshotRule } from './records.ts';

const lost = {
  facts: { claim: { reason: 'not-received' as const, type: 'refund-only' as const }, delivery: { status: 'lost' as const, signedAt: undefined } },
  situation: { resolution: 'refund' as const },
};

describe('SOP-REGISTER', () => {
  it.each(claimReasons)('applies to a %s claim: every problem is registered', (reason) => {
    const outcome = checkSop(registerRule, { facts: { claim: { reason } } });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('事务登记');
  });
});

describe('SOP-SCREENSHOT', () => {
  it('keeps screenshots once 淘宝 has intervened', () => {
    expect(checkSop(screenshotRule, { facts: { platform: { intervened: true } } }).guidance?.guidance).toContain('截屏');
  });

  it('keeps screenshots of an agreed partial refund', () => {
    const outcome = checkSop(screenshotRule, { facts: { agreement: { resolution: 'partial-refund', amount: 20, performed: false } } });
    expect(outcome.applies).toBe(true);
  });

  it('does not apply to an ordinary return without intervention or agreement', () => {
    expect(checkSop(screenshotRule).applies).toBe(false);
  });
});

describe('SOP-LOST-PARCEL-REPORT', () => {
  it('reports a lost parcel monthly by default', () => {
    expect(checkSop(lostParcelReportRule, lost).guidance?.guidance).toContain('每月汇总一次交售后部门');
  });

  it('follows a weekly reporting policy', () => {
    const outcome = checkSop(lostParcelReportRule, { ...lost, policy: policyWith({ reports: { lostParcels: 'weekly' } }) });
    expect(outcome.guidance?.guidance).toContain('每周汇总');
  });

  it('does not apply to a delivered parcel', () => {
    expect(checkSop(lostParcelReportRule).applies).toBe(false);
  });
});

describe('SOP-QUALITY-REPORT', () => {
  it('archives the photos and reports quality problems weekly by default', () => {
    const outcome = checkSop(qualityReportRule, { facts: { claim: { reason: 'quality' } } });
    expect(outcome.guidance?.guidance).toContain('“售后问题图片”文件夹');
    expect(outcome.guidance?.guidance).toContain('每周汇总一次交采购部');
  });

  it('does not apply to a no-reason return', () => {
    expect(checkSop(qualityReportRule).applies).toBe(false);
  });
});
