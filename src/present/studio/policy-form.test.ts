import { describe, expect, it } from 'vitest';
import { defaultShopPolicy } from '../../rules/index.ts';
import { policyFieldText, policyFields, policyFromForm } from './policy-form.ts';

describe('shop policy form', () => {
  it('offers every value of shop.json, with its Chinese description as the label', () => {
    const fields = policyFields();
    const paths = fields.map((field) => field.path);
    expect(paths).toContain('compensation.maxYuanWithoutApproval');
    expect(paths).toContain('acceptsCodReturns');
    expect(paths).toContain('reports.lostParcels');
    expect(fields.find((field) => field.path === 'compensation.maxYuanWithoutApproval')).toMatchObject({ kind: 'number', group: '补偿权限' });
    expect(fields.find((field) => field.path === 'ladder')?.kind).toBe('list');
    for (const field of fields) expect(field.label).not.toBe(field.path);
  });

  it('lays submitted values over the current policy and keeps the rest', () => {
    const result = policyFromForm(defaultShopPolicy, (path) => (path === 'compensation.maxYuanWithoutApproval' ? '50' : path === 'ladder' ? '解释\n补偿\n退货\n' : null));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.compensation.maxYuanWithoutApproval).toBe(50);
    expect(result.policy.ladder).toEqual(['解释', '补偿', '退货']);
    expect(result.policy.responseTimes).toEqual(defaultShopPolicy.responseTimes);
    const ladder = policyFields().find((field) => field.path === 'ladder')!;
    expect(policyFieldText(ladder, result.policy)).toBe('解释\n补偿\n退货');
  });

  it('refuses a value the schema refuses, naming the field in Chinese', () => {
    const notNumber = policyFromForm(defaultShopPolicy, (path) => (path === 'responseTimes.firstResponseMinutes' ? '三十' : null));
    expect(notNumber).toEqual({ ok: false, errors: [{ path: 'responseTimes.firstResponseMinutes', message: expect.stringMatching(/^“退换货、物流咨询的首次响应时限（分钟）”要填数字。$/) }] });
    const zero = policyFromForm(defaultShopPolicy, (path) => (path === 'windows.returnDaysAfterSigning' ? '0' : null));
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.errors[0]?.message).toMatch(/太小/);
  });
});
