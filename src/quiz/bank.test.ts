import { describe, expect, it } from 'vitest';
import { scenario as facts } from '../../tests/factories/facts.ts';
import { defaultShopPolicy } from '../rules/index.ts';
import { bankSeeds, buildBank, variantsPerTemplate } from './bank.ts';
import { nearMissAnswers } from './bank-near-miss.ts';
import { distractors, drawParams, ItemSchema, TemplateSchema, type ScenarioContext } from './index.ts';

const context: ScenarioContext = {
  caseFacts: (slug) => (slug === 'base' ? { facts: facts(), edition: '2025-08-15' } : undefined),
  shopPolicy: defaultShopPolicy,
};

const truefalse = (id: string, exam: boolean) =>
  ItemSchema.parse({
    id,
    type: 'truefalse',
    topics: ['freight'],
    difficulty: 1,
    exam,
    stem: '包邮商品七天无理由退货，退回运费由买家承担。',
    scenario: { case: 'base' },
    claim: { ask: 'freight.return', equals: 'buyer' },
    answer: true,
  });

const template = (id: string, exam: boolean) =>
  TemplateSchema.parse({
    id,
    type: 'single',
    topics: ['seven-day'],
    difficulty: 2,
    exam,
    stem: '买家 {{signedAt}} 签收，{{claimAt}} 申请七天无理由退货。平台会怎么处理？',
    params: {
      signedAt: { time: ['2025-09-01 08:00', '2025-09-30 22:00'], stepMinutes: 5 },
      claimAt: { deadline: 'sevenDayWindowEnd', from: 'signedAt', offsetMinutes: [-1, 0] },
    },
    facts: facts({ delivery: { signedAt: '{{signedAt}}' }, claim: { at: '{{claimAt}}' } }),
    ask: 'resolution',
  });

describe('buildBank', () => {
  const bank = buildBank(
    [
      { items: [truefalse('q-practice', false), truefalse('q-exam', true)], templates: [template('t-practice', false)] },
      { items: [], templates: [template('t-exam', true)] },
    ],
    context,
  );

  it('keys every item and draws variantsPerTemplate variants of every template, exam ones included', () => {
    expect(bank.items.map(({ item, key }) => [item.id, key.answer])).toEqual([
      ['q-practice', true],
      ['q-exam', true],
    ]);
    expect(bank.variants.map((variant) => `${variant.templateId}~${variant.seed}`)).toEqual([
      ...bankSeeds.map((seed) => `t-practice~${seed}`),
      ...bankSeeds.map((seed) => `t-exam~${seed}`),
    ]);
    expect(bankSeeds).toHaveLength(variantsPerTemplate);
  });

  it('offers only non-exam items and variants of non-exam templates for practice', () => {
    expect(bank.practice.map((item) => item.id)).toEqual(['q-practice', ...bankSeeds.map((seed) => `t-practice~${seed}`)]);
    expect(bank.examPool).toEqual(['q-exam', 't-exam']);
  });

  it('refuses an id used twice, since attempts are stored by id', () => {
    expect(() => buildBank([{ items: [truefalse('q-same', false)], templates: [] }, { items: [truefalse('q-same', true)], templates: [] }], context)).toThrow(/q-same/);
  });
});

describe('nearMissAnswers', () => {
  it('finds the answer one minute away across the 7-day deadline, and nothing the key already is', () => {
    const withDeadline = template('t-near', false);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const params = drawParams(withDeadline, seed);
      const key = String(params['claimAt']).endsWith('00:00') ? 'reject' : 'return-and-refund';
      const near = nearMissAnswers(withDeadline, params, key, context);
      expect(near).toEqual([key === 'reject' ? 'return-and-refund' : 'reject']);
      expect(distractors(withDeadline, params, key, 3)).toContain(near[0]);
    }
  });
});
