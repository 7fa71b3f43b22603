import { describe, expect, it } from 'vitest';
import { scenario as facts } from '../../tests/factories/facts.ts';
import { defaultShopPolicy } from '../rules/index.ts';
import { ItemSchema, TemplateSchema, deriveKey, generateVariant, grade, UnkeyableItemError, type ScenarioContext } from './index.ts';

const context: ScenarioContext = {
  caseFacts: (slug) => (slug === 'base' ? { facts: facts(), edition: '2025-08-15' } : undefined),
  shopPolicy: defaultShopPolicy,
};

const single = (overrides: Record<string, unknown> = {}) =>
  ItemSchema.parse({
    id: 'q-window-end',
    type: 'single',
    topics: ['seven-day'],
    difficulty: 1,
    stem: '买家 9 月 3 日 14:20 签收，七天无理由退货最晚什么时候申请？',
    scenario: { case: 'base' },
    ask: 'sevenDayWindowEnd',
    options: [
      { value: '2025-09-10 14:20', text: '9 月 10 日 14:20 前' },
      { value: '2025-09-11 00:00', text: '9 月 11 日 00:00 前' },
      { value: '2025-09-10 00:00', text: '9 月 10 日 00:00 前' },
    ],
    answer: 1,
    ...overrides,
  });

describe('keys come from the rule module', () => {
  it('keys a single-choice item by the option whose value the engine decides', () => {
    expect(deriveKey(single(), context)).toMatchObject({ type: 'single', answer: 1, value: '2025-09-11 00:00' });
  });

  it('refuses an item none of whose options is the engine’s answer', () => {
    const item = single({ options: [{ value: '2025-09-10 14:20', text: 'a' }, { value: '2025-09-10 00:00', text: 'b' }], answer: 0 });
    expect(() => deriveKey(item, context)).toThrowError(UnkeyableItemError);
  });

  it('keys statements one by one, each on its own patched scenario', () => {
    const item = ItemSchema.parse({
      id: 'q-freight-statements',
      type: 'multiple',
      topics: ['freight'],
      difficulty: 2,
      stem: '以下关于七天无理由退货运费的说法，哪些正确？',
      scenario: { case: 'base' },
      statements: [
        { text: '包邮商品，买家只承担退回运费', claim: { ask: 'freight.return', equals: 'buyer' } },
        { text: '包邮商品，发货运费也由买家承担', claim: { ask: 'freight.outbound', equals: 'buyer' } },
        {
          text: '不包邮的商品，发货运费由买家承担',
          scenario: { case: 'base', patch: { order: { freeShipping: false } } },
          claim: { ask: 'freight.outbound', equals: 'buyer' },
        },
      ],
      answer: [0, 2],
    });
    expect(deriveKey(item, context)).toMatchObject({ type: 'multiple', answer: [0, 2] });
  });

  it('keys ordering items from the shop policy, so a changed policy changes the key', () => {
    const item = ItemSchema.parse({
      id: 'q-flow-order',
      type: 'ordering',
      topics: ['shop-sop'],
      difficulty: 1,
      stem: '把售后标准流程排好顺序',
      sequence: 'service-flow',
      answer: ['安抚顾客', '核实信息', '联系处理', '跟踪进度', '回访顾客'],
    });
    expect(deriveKey(item, context).answer).toEqual(['安抚顾客', '核实信息', '联系处理', '跟踪进度', '回访顾客']);
    const changed = { ...context, shopPolicy: { ...defaultShopPolicy, flow: ['核实信息', '安抚顾客', '联系处理'] } };
    expect(deriveKey(item, changed).answer).toEqual(['核实信息', '安抚顾客', '联系处理']);
  });

  it('grades all-or-nothing', () => {
    const key = deriveKey(single(), context);
    expect(grade(key, 1)).toEqual({ correct: true, score: 1 });
    expect(grade(key, 0)).toEqual({ correct: false, score: 0 });
    expect(grade(key, [1])).toEqual({ correct: false, score: 0 });
  });
});

describe('template variants', () => {
  const template = TemplateSchema.parse({
    id: 't-seven-day-minute',
    type: 'single',
    topics: ['seven-day'],
    difficulty: 2,
    stem: '买家 {{signedAt}} 签收（{{freeShipping}}），{{claimAt}} 申请七天无理由退货。平台会怎么处理？',
    params: {
      signedAt: { time: ['2025-09-01 08:00', '2025-09-30 22:00'], stepMinutes: 5 },
      claimAt: { deadline: 'sevenDayWindowEnd', from: 'signedAt', offsetMinutes: [-1, 0] },
      freeShipping: { oneOf: [true, false], text: { true: '包邮', false: '不包邮' } },
    },
    facts: {
      channel: 'taobao',
      order: { paidAt: '2025-08-30 10:00', price: 199, freeShipping: '{{freeShipping}}' },
      goods: { name: '衬衫', sevenDayClass: 'standard', condition: 'intact' },
      shipment: { shipped: true, carrierRecordedAt: '2025-08-31 09:00' },
      delivery: { status: 'signed', signedAt: '{{signedAt}}', receivedBy: 'self', confirmation: 'none' },
      claim: { at: '{{claimAt}}', type: 'return-and-refund', reason: 'no-reason' },
    },
    ask: 'resolution',
  });

  it('is reproducible from its seed', () => {
    expect(generateVariant(template, 42, context)).toEqual(generateVariant(template, 42, context));
  });

  it('keys each variant with the engine and offers near-miss distractors', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const variant = generateVariant(template, seed, context);
      const values = variant.item.type === 'single' ? variant.item.options.map((option) => option.value) : [];
      const expected = variant.params['claimAt'] === undefined ? undefined : String(variant.params['claimAt']).endsWith('00:00') ? 'reject' : 'return-and-refund';
      expect(values[variant.key.answer as number]).toBe(expected);
      expect(values).toContain(expected === 'reject' ? 'return-and-refund' : 'reject');
      expect(new Set(values).size).toBe(values.length);
      expect(variant.item.stem).toMatch(/包邮|不包邮/);
    }
  });
});
