import { describe, expect, it } from 'vitest';
import { checkSop } from './fixtures.ts';
import { missShipAccountabilityRule, missShipPhotoRule, overshipRule } from './mis-shipment.ts';

const mismatch = (mismatchKind: 'wrong-item' | 'missing-items' | 'damaged') => ({
  facts: { claim: { reason: 'surface-mismatch' as const }, issue: { mismatchKind } },
  situation: { resolution: 'return-and-refund' as const, decidingRuleId: 'R-REMEDY-CHOICE' },
});

describe('SOP-PHOTO-CONFIRM-MISSHIP', () => {
  it('apologises and asks for a photo of a wrong item', () => {
    const outcome = checkSop(missShipPhotoRule, mismatch('wrong-item'));
    expect(outcome.guidance?.guidance).toContain('致歉');
    expect(outcome.guidance?.guidance).toContain('拍照');
  });

  it('does not apply to missing items', () => {
    expect(checkSop(missShipPhotoRule, mismatch('missing-items')).applies).toBe(false);
  });
});

describe('SOP-MISSHIP-ACCOUNTABILITY', () => {
  it('weighs the parcel before re-sending missing items and traces the packer', () => {
    const outcome = checkSop(missShipAccountabilityRule, mismatch('missing-items'));
    expect(outcome.guidance?.guidance).toContain('核对发货底单称重');
    expect(outcome.guidance?.guidance).toContain('打包责任人');
  });

  it('traces the packer of a wrong item', () => {
    expect(checkSop(missShipAccountabilityRule, mismatch('wrong-item')).guidance?.guidance).toContain('打包责任人');
  });

  it('does not apply to transit damage', () => {
    expect(checkSop(missShipAccountabilityRule, mismatch('damaged')).applies).toBe(false);
  });
});

describe('SOP-OVERSHIP', () => {
  it('delists the mis-shipped item and recovers it from the buyer', () => {
    const outcome = checkSop(overshipRule, mismatch('wrong-item'));
    expect(outcome.guidance?.guidance).toContain('下架');
    expect(outcome.guidance?.guidance).toContain('上门取件');
  });

  it('does not apply to missing items', () => {
    expect(checkSop(overshipRule, mismatch('missing-items')).applies).toBe(false);
  });
});
