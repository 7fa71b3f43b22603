import { describe, expect, it } from 'vitest';
import { checkSop, policyWith } from './fixtures.ts';
import { qualityPhotoRule, qualityTriageRule } from './quality.ts';

const quality = (at: string, condition: 'intact' | 'used' | 'damaged-by-buyer' = 'intact') => ({
  facts: { claim: { reason: 'quality' as const, at }, goods: { condition } },
  situation: { supported: 'buyer' as const, resolution: 'return-and-refund' as const, decidingRuleId: 'R-QUAL-VISIBLE' },
});

describe('SOP-QUALITY-PHOTO', () => {
  it('asks for photos before the buyer ships a quality return back', () => {
    const outcome = checkSop(qualityPhotoRule, { facts: { claim: { reason: 'quality' } } });
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.guidance).toContain('先请买家拍照');
    expect(outcome.guidance?.guidance).toContain('插旗备注');
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('skips the photo request when the buyer has already sent photos', () => {
    const outcome = checkSop(qualityPhotoRule, { facts: { claim: { reason: 'quality' }, issue: { buyerProof: true } } });
    expect(outcome.guidance?.guidance).toContain('买家已提供照片');
  });

  it('yields to R-QUAL-INVISIBLE-OR-FAKE for a defect no photo can show', () => {
    const outcome = checkSop(qualityPhotoRule, { facts: { claim: { reason: 'quality' }, issue: { visible: false } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-QUAL-INVISIBLE-OR-FAKE');
    expect(outcome.guidance?.guidance).toContain('不能以买家没有照片为由拒绝');
  });

  it('yields to R-DESC-INVISIBLE for a description mismatch no photo can show', () => {
    const outcome = checkSop(qualityPhotoRule, { facts: { claim: { reason: 'misdescribed' }, issue: { visible: false } } });
    expect(outcome.guidance?.overriddenBy).toBe('R-DESC-INVISIBLE');
  });

  it('does not apply to a no-reason return', () => {
    expect(checkSop(qualityPhotoRule).applies).toBe(false);
  });
});

describe('SOP-QUALITY-3DAY', () => {
  it('handles an unworn claim within 3 days of signing normally', () => {
    const outcome = checkSop(qualityTriageRule, quality('2025-09-05 10:00'));
    expect(outcome.applies).toBe(true);
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
    expect(outcome.guidance?.guidance).toContain('请买家上传照片');
  });

  it('marks a claim after 3 days as shop triage only and yields to R-QUAL-VISIBLE', () => {
    const outcome = checkSop(qualityTriageRule, quality('2025-09-08 10:00'));
    expect(outcome.guidance?.overriddenBy).toBe('R-QUAL-VISIBLE');
    expect(outcome.guidance?.guidance).toContain('这只是本店内部分流');
    expect(outcome.guidance?.guidance).toContain('不能以超过 3 天为由拒绝');
  });

  it('treats a claim at exactly 72 hours after signing as past the triage line', () => {
    expect(checkSop(qualityTriageRule, quality('2025-09-06 20:00')).guidance?.overriddenBy).toBe('R-QUAL-VISIBLE');
    expect(checkSop(qualityTriageRule, quality('2025-09-06 19:59')).guidance?.overriddenBy).toBeUndefined();
  });

  it('follows a longer configured triage period', () => {
    const outcome = checkSop(qualityTriageRule, { ...quality('2025-09-07 10:00'), policy: policyWith({ windows: { qualityTriageDays: 5 } }) });
    expect(outcome.guidance?.overriddenBy).toBeUndefined();
  });

  it('negotiates compensation for goods already worn', () => {
    const outcome = checkSop(qualityTriageRule, quality('2025-09-05 10:00', 'used'));
    expect(outcome.guidance?.guidance).toContain('协商补偿，买家不同意再请示主管');
  });

  it('does not exchange damage the buyer caused, but avoids a bad review', () => {
    const outcome = checkSop(qualityTriageRule, quality('2025-09-05 10:00', 'damaged-by-buyer'));
    expect(outcome.guidance?.guidance).toContain('原则上不退换');
  });

  it('does not apply to a no-reason return', () => {
    expect(checkSop(qualityTriageRule).applies).toBe(false);
  });
});
