import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeQuestionFile, reviewQuestionFiles } from '../src/authoring/index.ts';
import { impactReport, type ImpactPolicy } from '../src/authoring/impact/index.ts';
import { buildBank, deriveKey, ItemSchema, keyRules, TemplateSchema, UnkeyableItemError, type QuestionSource, type ScenarioContext } from '../src/quiz/index.ts';
import { decide, decisiveRules, type ShopPolicy } from '../src/rules/index.ts';
import { loadShopPolicy } from '../src/server/content-check/content-files.ts';
import { loadCaseFacts, readQuestionFiles } from '../src/server/content-check/question-files.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The real question bank as the site reads it (every file passes the gate: content.test.ts checks that). */
function loadBank() {
  const shop = loadShopPolicy(join(ROOT, 'content/policy/shop.json'));
  if ('errors' in shop) throw new Error('content/policy/shop.json is invalid');
  const caseFacts = loadCaseFacts(join(ROOT, 'content/cases'));
  const files = readQuestionFiles(join(ROOT, 'content')).filter((file) => file.errors.length === 0);
  const sources: QuestionSource[] = files.map((file) => {
    const data = normalizeQuestionFile(file.data) as { items?: unknown[]; templates?: unknown[] };
    return {
      items: (data.items ?? []).flatMap((raw) => {
        const parsed = ItemSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      }),
      templates: (data.templates ?? []).flatMap((raw) => {
        const parsed = TemplateSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  });
  const context = (shopPolicy: ShopPolicy): ScenarioContext => ({ shopPolicy, caseFacts: (slug) => caseFacts.get(slug) });
  return { policy: shop.policy, sources, files, context };
}

const bank = loadBank();
const items = bank.sources.flatMap((source) => source.items);

/** Each authored item's key under a policy: the answer, or the reason no single option is right. */
function keysUnder(policy: ShopPolicy): Map<string, string> {
  const context = bank.context(policy);
  return new Map(
    items.map((item) => {
      try {
        return [item.id, JSON.stringify(deriveKey(item, context).answer)];
      } catch (error) {
        if (error instanceof UnkeyableItemError) return [item.id, 'unkeyable'];
        throw error;
      }
    }),
  );
}

function flippedBy(change: (policy: ShopPolicy) => ShopPolicy): string[] {
  const before = keysUnder(bank.policy);
  const after = keysUnder(change(bank.policy));
  return [...before].filter(([id, key]) => after.get(id) !== key).map(([id]) => id).sort();
}

const withCompensationLimit = (max: number) => (policy: ShopPolicy): ShopPolicy => ({ ...policy, compensation: { ...policy.compensation, maxYuanWithoutApproval: max } });

describe('SOP items are keyed from content/policy/shop.json', { timeout: 60_000 }, () => {
  it('passes the gate, every SOP-* rule has at least 2 items, and the bank holds at least 60 SOP items', () => {
    const reviews = reviewQuestionFiles(bank.files, bank.context(bank.policy));
    expect(reviews.flatMap((review) => review.errors)).toEqual([]);
    const sopItems = reviews
      .flatMap((review) => [...review.items, ...review.variants])
      .filter(({ item, key }) => keyRules(item, key, decisiveRules).some((id) => id.startsWith('SOP-')));
    expect(sopItems.length).toBeGreaterThanOrEqual(60);
  });

  it('keeps exam-only SOP items out of practice and in the exam pool', () => {
    const built = buildBank(bank.sources, bank.context(bank.policy));
    const examSop = items.filter((item) => item.exam && item.id.startsWith('sop-')).map((item) => item.id);
    expect(examSop.length).toBeGreaterThanOrEqual(8);
    const practiceIds = new Set(built.practice.map((entry) => entry.id));
    for (const id of examSop) {
      expect(practiceIds.has(id), id).toBe(false);
      expect(built.examPool).toContain(id);
    }
    // Reply items reach practice as ordinary single-choice questions: the options' text, never their promises.
    const reply = built.practice.find((entry) => entry.id === 'sop-reply-hole-in-shirt');
    expect(reply?.type).toBe('single');
    expect(JSON.stringify(reply)).not.toContain('promises');
  });

  it('raising the agent’s compensation limit from 30 to 50 元 flips exactly the items about a 35 or 45 元 agreement', () => {
    expect(flippedBy(withCompensationLimit(50))).toEqual(['sop-comp-45-yuan-who-decides', 'sop-exam-comp-35-misdescribed', 'sop-reply-compensation-45']);
    // The 45 元 item now keys "客服自己决定即可", the reply item the reply that answers on the spot.
    const context = bank.context(withCompensationLimit(50)(bank.policy));
    expect(deriveKey(items.find((item) => item.id === 'sop-comp-45-yuan-who-decides')!, context).answer).toBe(0);
    expect(deriveKey(items.find((item) => item.id === 'sop-reply-compensation-45')!, context).answer).toBe(1);
  });

  it('lowering the limit to 20 元 flips the 30 元 boundary item instead', () => {
    expect(flippedBy(withCompensationLimit(20))).toEqual(['sop-comp-30-yuan-boundary']);
  });

  it('a first-response time of 10 minutes leaves the 5-minute item with no right option (the gate then asks the author to fix it)', () => {
    const flipped = flippedBy((policy) => ({ ...policy, responseTimes: { ...policy.responseTimes, firstResponseMinutes: 10 } }));
    expect(flipped).toEqual(['sop-time-first-reply']);
    expect(keysUnder({ ...bank.policy, responseTimes: { ...bank.policy.responseTimes, firstResponseMinutes: 10 } }).get('sop-time-first-reply')).toBe('unkeyable');
  });

  it('a shop that accepts 到付 returns flips the unagreed-到付 item', () => {
    expect(flippedBy((policy) => ({ ...policy, acceptsCodReturns: true }))).toContain('sop-cod-return-unagreed');
  });

  it('the impact report between two shop policies lists the flips and blames SOP-COMP-RANGE', () => {
    const side = (id: string, shopPolicy: ShopPolicy): ImpactPolicy => ({ id, title: id, decide: (facts, edition) => decide(facts, { edition, shopPolicy }) });
    const report = impactReport(
      { cases: [], questionFiles: bank.sources, exams: [], shopPolicy: bank.policy },
      side('shop-30', bank.policy),
      side('shop-50', withCompensationLimit(50)(bank.policy)),
      { seedCount: 60 },
    );
    const itemFlips = report.items.map((flip) => `${flip.contentId} ${flip.ruleId}`);
    // What a certificate that examined these items covers, so a recertification check can find it.
    expect(new Set(report.items.map((flip) => flip.decidingRuleBefore))).toEqual(new Set(['SOP-COMP-RANGE']));
    expect(new Set(itemFlips)).toEqual(
      new Set(['sop-comp-45-yuan-who-decides SOP-COMP-RANGE', 'sop-exam-comp-35-misdescribed SOP-COMP-RANGE', 'sop-reply-compensation-45 SOP-COMP-RANGE']),
    );
    const template = report.templates.find((entry) => entry.templateId === 't-sop-comp-authority');
    expect(template?.variantsFlipped ?? 0).toBeGreaterThan(0);
    expect(report.templates.filter((entry) => entry.variantsFlipped > 0).map((entry) => entry.templateId)).toEqual(['t-sop-comp-authority']);
    expect(template?.rules.map((rule) => rule.ruleId)).toEqual(['SOP-COMP-RANGE']);
  });
});
