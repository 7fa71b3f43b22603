import { describe, expect, it } from 'vitest';
import { scenario } from '../../../tests/factories/facts.ts';
import { decide, defaultShopPolicy, ruleCatalogue, type EditionId } from '../../rules/index.ts';
import { drawParams, ItemSchema, TemplateSchema, type QuestionSource } from '../../quiz/index.ts';
import { ExamSchema } from '../../quiz/index.ts';
import { CaseFrontmatterSchema } from '../case-schema.ts';
import {
  attributeFlip,
  catalogueChangedRules,
  certificatesToRecertify,
  editionChangedRules,
  impactReport,
  variantSpace,
  type ImpactCase,
  type ImpactContent,
  type ImpactPolicy,
} from './index.ts';

// The fixture exercises one edition difference (RULES.md §6.3, R-FREIGHT-7DAY-RETURN, TB 第五十三条): for a 7-day
// no-reason refusal the 2025 text makes the buyer pay ALL freight when the goods were not 包邮, while the legacy
// wording had the buyer pay only the return leg. So, legacy → 2025-08-15:
//   non-包邮 refusal: outbound freight seller → buyer; return freight buyer in both;
//   包邮 refusal: seller pays outbound, buyer pays return, in both.
// No-reason refusals have no return-transit leg, so the return-risk difference (第十一条) does not enter.

const edition = (id: EditionId): ImpactPolicy => ({
  id,
  title: id,
  decide: (facts) => decide(facts, { edition: id, shopPolicy: defaultShopPolicy }),
});
const legacy = edition('legacy');
const current = edition('2025-08-15');
const declared = editionChangedRules(ruleCatalogue, 'legacy', '2025-08-15');

const refusal = (freeShipping: boolean) =>
  scenario({
    order: { paidAt: '2025-10-11 09:00', price: 189, freeShipping, outboundFreight: freeShipping ? 0 : 15 },
    goods: { name: '五层抽屉收纳柜', condition: 'intact' },
    shipment: { shipped: true, clickedAt: '2025-10-11 14:00', carrierHasSystem: true, carrierRecordedAt: '2025-10-11 17:00' },
    delivery: { status: 'refused', refusal: { reason: 'no-reason' }, signedAt: null, receivedBy: null, confirmation: null },
    claim: { at: '2025-10-13 16:00', type: 'refund-only', reason: 'no-reason' },
  });

const caseOf = (slug: string, freeShipping: boolean, caseEdition: EditionId, outbound: 'buyer' | 'seller'): ImpactCase => {
  const frontmatter = CaseFrontmatterSchema.parse({
    title: '无理由拒签的运费',
    summary: '买家送达时无理由拒签，运费怎么算。',
    topics: ['refusal'],
    difficulty: 1,
    edition: caseEdition,
    facts: refusal(freeShipping),
    expected: { resolution: 'refund', supported: 'buyer', decidingRule: 'R-REFUSE-7DAY-ITEM', freight: { outbound, return: 'buyer' } },
  });
  return { slug, title: frontmatter.title, edition: frontmatter.edition, facts: frontmatter.facts, expected: frontmatter.expected };
};

const cases = [
  caseOf('refusal-non-free', false, '2025-08-15', 'buyer'),
  caseOf('refusal-free', true, '2025-08-15', 'seller'),
  caseOf('refusal-non-free-legacy', false, 'legacy', 'seller'),
];

const base = { topics: ['refusal'], difficulty: 1, stem: '买家无理由拒签，运费由谁承担？' };
const parties = [
  { value: 'buyer', text: '买家' },
  { value: 'seller', text: '卖家' },
];
const items = [
  { ...base, id: 'non-free-outbound', type: 'single', scenario: { case: 'refusal-non-free' }, ask: 'freight.outbound', options: parties, answer: 0 },
  { ...base, id: 'free-outbound', type: 'single', scenario: { case: 'refusal-free' }, ask: 'freight.outbound', options: parties, answer: 1 },
  { ...base, id: 'non-free-return', type: 'single', scenario: { case: 'refusal-non-free' }, ask: 'freight.return', options: parties, answer: 0 },
  { ...base, id: 'non-free-claim', type: 'truefalse', scenario: { case: 'refusal-non-free' }, claim: { ask: 'freight.outbound', equals: 'buyer' }, answer: true },
  {
    ...base,
    id: 'legacy-seller-only',
    type: 'single',
    scenario: { case: 'refusal-non-free', edition: 'legacy' },
    ask: 'freight.outbound',
    options: [
      { value: 'seller', text: '卖家' },
      { value: null, text: '不涉及' },
    ],
    answer: 0,
  },
  {
    ...base,
    id: 'statements',
    type: 'multiple',
    statements: [
      { text: '不包邮的拒签，发货运费由买家承担', scenario: { case: 'refusal-non-free' }, claim: { ask: 'freight.outbound', equals: 'buyer' } },
      { text: '包邮的拒签，发货运费由卖家承担', scenario: { case: 'refusal-free' }, claim: { ask: 'freight.outbound', equals: 'seller' } },
      { text: '不包邮的拒签，退回运费由买家承担', scenario: { case: 'refusal-non-free' }, claim: { ask: 'freight.return', equals: 'buyer' } },
    ],
    answer: [0, 1, 2],
  },
].map((item) => ItemSchema.parse(item));

const template = TemplateSchema.parse({
  id: 't-refusal-outbound',
  type: 'single',
  topics: ['refusal'],
  difficulty: 1,
  stem: '{{free}}的收纳柜被无理由拒签，发货运费由谁承担？',
  params: { free: { oneOf: [true, false], text: { true: '包邮', false: '不包邮' } } },
  facts: { ...refusal(true), order: { paidAt: '2025-10-11 09:00', price: 189, freeShipping: '{{free}}', outboundFreight: 15 } },
  ask: 'freight.outbound',
});

const files: QuestionSource[] = [{ items, templates: [template] }];
const exam = (id: string, count: number) =>
  ExamSchema.parse({
    id,
    title: id,
    blueprint: [{ topics: ['refusal'], count, examOnly: false }],
    timeLimitMinutes: 10,
    passMark: 0.5,
    attemptsAllowed: 1,
    reviewPolicy: 'full',
    certificateValidityDays: 30,
  });
// The pool is the 6 items and the template: 7 units. `tight` needs all 7.
const content: ImpactContent = { cases, questionFiles: files, exams: [exam('roomy', 2), exam('tight', 7)], shopPolicy: defaultShopPolicy };
const report = impactReport(content, legacy, current, { declared });

describe('impactReport, legacy → 2025-08-15 on the 7-day freight fixture', () => {
  it('flags exactly the non-包邮 cases, on outbound freight, blaming R-FREIGHT-7DAY-RETURN', () => {
    expect(report.cases.map((flip) => [flip.contentId, flip.question, flip.before, flip.after, flip.ruleId])).toEqual([
      ['refusal-non-free', 'freight.outbound', { value: 'seller' }, { value: 'buyer' }, 'R-FREIGHT-7DAY-RETURN'],
      ['refusal-non-free-legacy', 'freight.outbound', { value: 'seller' }, { value: 'buyer' }, 'R-FREIGHT-7DAY-RETURN'],
    ]);
  });

  it("says which policy each case's own key follows: the 2025 case the new answer, the legacy-pinned case the old", () => {
    expect(report.cases.map((flip) => [flip.contentId, flip.declaredEdition, flip.authorKey])).toEqual([
      ['refusal-non-free', '2025-08-15', 'after'],
      ['refusal-non-free-legacy', 'legacy', 'before'],
    ]);
  });

  it('flags the non-包邮 outbound questions only, statement by statement, and the item left without an option', () => {
    expect(report.items.map((flip) => [flip.contentId, flip.detail ?? null, flip.ruleId, flip.noOption ?? false])).toEqual([
      ['non-free-outbound', null, 'R-FREIGHT-7DAY-RETURN', false],
      ['non-free-claim', null, 'R-FREIGHT-7DAY-RETURN', false],
      ['legacy-seller-only', null, 'R-FREIGHT-7DAY-RETURN', true],
      ['statements', '第 1 条陈述', 'R-FREIGHT-7DAY-RETURN', false],
    ]);
    const claim = report.items.find((flip) => flip.contentId === 'non-free-claim')!;
    expect([claim.before, claim.after]).toEqual([{ value: false }, { value: true }]);
    expect(claim.afterText).toBe('成立，引擎判定 buyer（买家承担）');
  });

  it('flips exactly the template variants drawn without 包邮', () => {
    const nonFreeSeeds = Array.from({ length: 50 }, (_, index) => index + 1).filter((seed) => drawParams(template, seed).free === false);
    const [impact] = report.templates;
    expect(report.templates).toHaveLength(1);
    expect(impact!.templateId).toBe('t-refusal-outbound');
    expect(impact!.variantsChecked).toBe(50);
    expect(impact!.variantsFlipped).toBe(nonFreeSeeds.length);
    expect(impact!.bankSeedsFlipped).toEqual(nonFreeSeeds.filter((seed) => seed <= 6));
    expect(impact!.rules).toEqual([{ ruleId: 'R-FREIGHT-7DAY-RETURN', flips: nonFreeSeeds.length }]);
    expect(impact!.examples[0]!.variantId).toBe(`t-refusal-outbound~${nonFreeSeeds[0]}`);
  });

  it('names the flipped pool content of each blueprint and whether it still fills without the unkeyable item', () => {
    const flippedTemplates = report.templates[0]!.bankSeedsFlipped.length > 0 ? ['t-refusal-outbound'] : [];
    expect(report.blueprints.map((b) => [b.examId, b.poolSize, b.flippedItems, b.flippedTemplates, b.fillable])).toEqual([
      ['roomy', 7, ['non-free-outbound', 'non-free-claim', 'legacy-seller-only', 'statements'], flippedTemplates, true],
      ['tight', 7, ['non-free-outbound', 'non-free-claim', 'legacy-seller-only', 'statements'], flippedTemplates, false],
    ]);
    // A no-reason refusal of a 7-day item is decided by R-REFUSE-7DAY-ITEM (第四十条); the freight rule is not a
    // deciding rule, so the pool is known to have changed through the rule that decided its flipped questions.
    expect(report.blueprints[0]!.changedRules).toEqual(['R-REFUSE-7DAY-ITEM']);
  });

  it('lists the freight rule with its flips and the other declared edition differences with none', () => {
    const flips = 2 + 4 + report.templates[0]!.variantsFlipped;
    expect(report.changedRules.find((rule) => rule.ruleId === 'R-FREIGHT-7DAY-RETURN')).toEqual({
      ruleId: 'R-FREIGHT-7DAY-RETURN',
      title: '七天无理由退货（拒签）的运费',
      flips,
      declared: true,
    });
    expect(report.changedRules.filter((rule) => rule.flips > 0).map((rule) => rule.ruleId)).toEqual(['R-FREIGHT-7DAY-RETURN']);
    expect(report.totals).toMatchObject({ cases: 2, caseFlips: 2, items: 4, itemFlips: 4, templates: 1 });
  });

  it('asks certificates covering the refusal rule to recertify, and no others', () => {
    const certificates = [
      { id: 'covers-refusal', rules: ['R-7DAY-WINDOW', 'R-REFUSE-7DAY-ITEM'] },
      { id: 'covers-window-only', rules: ['R-7DAY-WINDOW'] },
    ];
    expect(certificatesToRecertify(certificates, report.recertificationRules)).toEqual([
      { certificate: certificates[0], rules: ['R-REFUSE-7DAY-ITEM'] },
    ]);
  });
});

describe('impactReport with no change', () => {
  it('finds nothing between an edition and itself', () => {
    const same = impactReport(content, legacy, legacy, { declared: editionChangedRules(ruleCatalogue, 'legacy', 'legacy') });
    expect(same.hasFlips).toBe(false);
    expect(same.changedRules).toEqual([]);
    expect(same.checked).toEqual({ cases: 3, items: 6, templates: 1, variants: 50, exams: 2 });
  });
});

describe('editionChangedRules', () => {
  it('lists the rules RULES.md §6.3 says differ between the legacy wording and 2025, and the legacy-only compensation rule', () => {
    expect([...declared].sort()).toEqual([
      'R-FAKE-REFUND',
      'R-FREIGHT-7DAY-RETURN',
      'R-GEN-BIGDATA',
      'R-RET-RISK-DEFAULT',
      'R-SHIP-INTERCEPT',
      'R-SHIP-LATE-COMPENSATION',
    ]);
  });
});

describe('catalogueChangedRules', () => {
  it('lists rules added, retired or reworded between two revisions of the catalogue', () => {
    const [first, second, third] = ruleCatalogue;
    const before = [first!, second!];
    const after = [first!, { ...second!, statement: `${second!.statement}（修订）` }, third!];
    expect([...catalogueChangedRules(before, after)].sort()).toEqual([second!.id, third!.id].sort());
    expect([...catalogueChangedRules(after, before)].sort()).toEqual([second!.id, third!.id].sort());
    expect(catalogueChangedRules(ruleCatalogue, ruleCatalogue).size).toBe(0);
  });
});

describe('attributeFlip', () => {
  // A non-包邮 7-day return (goods go back by courier): legacy differs in the freight (第五十三条) and in the
  // return-transit risk (第十一条: 破损 buyer → seller), both in one trace.
  const facts = scenario({ order: { freeShipping: false, outboundFreight: 12 } });
  const before = decide(facts, { edition: 'legacy' });
  const after = decide(facts, { edition: '2025-08-15' });

  it('blames each flipped part on the rule that fixes that part, not on the other change in the same trace', () => {
    expect(attributeFlip('freight.outbound', before, after, declared)).toBe('R-FREIGHT-7DAY-RETURN');
    expect(attributeFlip('transitRisk.minor', before, after, declared)).toBe('R-RET-RISK-DEFAULT');
  });
});

describe('variantSpace', () => {
  it('adds the grid values no seed drew after the seeds', () => {
    const wide = TemplateSchema.parse({ ...template, params: { ...template.params, price: { int: [1, 3] } } });
    const points = variantSpace(wide, [1, 2], 100);
    expect(points.slice(0, 2).map((point) => point.seed)).toEqual([1, 2]);
    const combos = new Set(points.map((point) => `${String(point.params.free)}/${String(point.params.price)}`));
    expect(combos.size).toBe(6);
    expect(points.length).toBe(2 + 6 - new Set(points.slice(0, 2).map((point) => `${String(point.params.free)}/${String(point.params.price)}`)).size);
  });
});
