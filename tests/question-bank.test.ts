import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkedSeedsPerTemplate, normalizeQuestionFile, reviewQuestionFiles } from '../src/authoring/index.ts';
import { answerOf, deriveKey, distractors, generateVariant, ItemSchema, sameAnswer, TemplateSchema, type ScenarioContext, type Template } from '../src/quiz/index.ts';
import { bankSeeds, buildBank, variantsPerTemplate, type QuestionSource } from '../src/quiz/bank.ts';
import { nearMissAnswers } from '../src/quiz/bank-near-miss.ts';
import { CURRENT_EDITION, decide } from '../src/rules/index.ts';
import { loadShopPolicy } from '../src/server/content-check/content-files.ts';
import { loadCaseFacts, readQuestionFiles } from '../src/server/content-check/question-files.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A content folder's question files as the bank reads them, with the context the gate used. */
function loadContent(root: string) {
  const shop = loadShopPolicy(join(ROOT, root, 'policy/shop.json'));
  if ('errors' in shop) throw new Error(`${root}/policy/shop.json is invalid`);
  const caseFacts = loadCaseFacts(join(ROOT, root, 'cases'));
  const context: ScenarioContext = { shopPolicy: shop.policy, caseFacts: (slug) => caseFacts.get(slug) };
  const files = readQuestionFiles(join(ROOT, root)).filter((file) => file.errors.length === 0);
  const reviews = reviewQuestionFiles(files, context);
  // Only what passes the gate: content.test.ts reports the rest.
  const sources: QuestionSource[] = files.map((file, index) => {
    const passed = new Set(reviews[index]!.items.map(({ item }) => item.id));
    const variants = new Set(reviews[index]!.variants.map((variant) => variant.templateId));
    const data = normalizeQuestionFile(file.data) as { items?: unknown[]; templates?: unknown[] };
    return {
      items: (data.items ?? []).map((raw) => ItemSchema.safeParse(raw)).flatMap((parsed) => (parsed.success && passed.has(parsed.data.id) ? [parsed.data] : [])),
      templates: (data.templates ?? []).map((raw) => TemplateSchema.safeParse(raw)).flatMap((parsed) => (parsed.success && variants.has(parsed.data.id) ? [parsed.data] : [])),
    };
  });
  return { context, sources };
}

const real = loadContent('content');
const fixture = loadContent('tests/fixtures/questions-valid');
const realTemplates = real.sources.flatMap((source) => source.templates);
const fixtureTemplates = fixture.sources.flatMap((source) => source.templates);

/** The engine's answer to a variant's question, decided afresh from the variant's own facts. */
function engineAnswer(template: Template, seed: number, context: ScenarioContext) {
  const { item } = generateVariant(template, seed, context);
  const facts = item.scenario.facts;
  const ruling = decide(facts, { edition: item.scenario.edition ?? CURRENT_EDITION, shopPolicy: context.shopPolicy });
  return item.type === 'single' ? answerOf(item.ask, ruling, facts) : sameAnswer(answerOf(item.claim.ask, ruling, facts), item.claim.equals);
}

/** The four properties every variant must have; returns nothing, fails loudly. */
function expectSoundVariant(template: Template, seed: number, context: ScenarioContext): void {
  const variant = generateVariant(template, seed, context);
  expect(generateVariant(template, seed, context), `${template.id}~${seed} is reproducible`).toEqual(variant);
  expect(deriveKey(variant.item, context), `${template.id}~${seed} key`).toEqual(variant.key);
  const answer = engineAnswer(template, seed, context);
  if (variant.item.type === 'single') {
    const values = variant.item.options.map((option) => option.value);
    expect(values.length, `${template.id}~${seed} options`).toBeGreaterThanOrEqual(2);
    expect(sameAnswer(values[variant.key.answer as number]!, answer as never), `${template.id}~${seed} key option`).toBe(true);
    values.forEach((value, index) => {
      if (index !== variant.key.answer) expect(sameAnswer(value, answer as never), `${template.id}~${seed} distractor ${index}`).toBe(false);
    });
  } else {
    expect(variant.key.answer, `${template.id}~${seed} truth`).toBe(answer);
  }
}

describe('template variants (property tests)', () => {
  it('finds real templates to check', () => {
    expect(realTemplates.length).toBeGreaterThanOrEqual(1);
    expect(fixtureTemplates.map((template) => template.id)).toEqual(['t-pass-last-minute', 't-pass-exam-window']);
  });

  it('are reproducible, keyed by deriveKey, keyed to the engine’s answer, and never offer the key twice, for any seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtureTemplates), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (template, seed) => {
        expectSoundVariant(template, seed, fixture.context);
      }),
      { numRuns: 300 },
    );
  });

  it('hold for every seed the gate checks of every real template that passes it', () => {
    for (const template of realTemplates) {
      for (let seed = 1; seed <= checkedSeedsPerTemplate; seed++) expectSoundVariant(template, seed, real.context);
    }
  }, 120_000);

  it('near misses the gate looks for are among the distractors a variant is built from', () => {
    fc.assert(
      fc.property(fc.constantFrom(...[...realTemplates, ...fixtureTemplates].filter((template) => template.type === 'single')), fc.integer({ min: 1, max: checkedSeedsPerTemplate }), (template, seed) => {
        const context = fixtureTemplates.includes(template) ? fixture.context : real.context;
        const variant = generateVariant(template, seed, context);
        if (variant.key.type !== 'single') return;
        const offered = distractors(template, variant.params, variant.key.value, Number.POSITIVE_INFINITY);
        for (const near of nearMissAnswers(template, variant.params, variant.key.value, context)) {
          expect(offered.some((value) => sameAnswer(value, near)), `${template.id}~${seed}: ${String(near)}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the question bank', () => {
  const bank = buildBank(real.sources, real.context);
  const exam = new Set(bank.examPool);

  it('holds every authored item and variantsPerTemplate variants of every template', () => {
    const items = real.sources.reduce((sum, source) => sum + source.items.length, 0);
    expect(bank.items).toHaveLength(items);
    expect(bank.variants).toHaveLength(realTemplates.length * variantsPerTemplate);
    expect(bank.variants.every((variant) => bankSeeds.includes(variant.seed))).toBe(true);
  });

  it('never turns an exam item or a variant of an exam template into a practice item', () => {
    const examItems = bank.items.filter(({ item }) => item.exam).map(({ item }) => item.id);
    const examTemplates = realTemplates.filter((template) => template.exam).map((template) => template.id);
    expect(bank.examPool.toSorted()).toEqual([...examItems, ...examTemplates].toSorted());
    for (const practice of bank.practice) {
      expect(exam.has(practice.id.split('~')[0]!), practice.id).toBe(false);
    }
    const practiceItems = bank.items.length - examItems.length + (realTemplates.length - examTemplates.length) * variantsPerTemplate;
    expect(bank.practice).toHaveLength(practiceItems);
  });

  it('gives every practice item a unique id', () => {
    const ids = bank.practice.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
