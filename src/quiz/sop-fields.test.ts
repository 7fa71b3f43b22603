import { describe, expect, it } from 'vitest';
import { decide, decisiveRules, defaultShopPolicy, ruleById, ruleCatalogue, type ShopPolicy } from '../rules/index.ts';
import { answerOf, askedFieldIds } from './asked-fields.ts';
import type { Item } from './item-schema.ts';
import { deriveKey } from './keys.ts';
import { optionText } from './option-text.ts';
import { toPracticeItem } from './practice-item.ts';
import { coveredRules } from './exam-paper.ts';
import { isSopField, keyRules, sopAnswer, sopFieldIds, sopFieldRule, sopValueFields } from './sop-fields.ts';

/** A cardigan the buyer finds misdescribed, settled (or not) by a partial refund of `amount` 元. */
const cardigan = (amount?: number) => ({
  channel: 'taobao',
  order: { paidAt: '2025-10-20 20:00', price: 199, freeShipping: true },
  goods: { name: '针织开衫', sevenDayClass: 'standard', condition: 'intact' },
  shipment: { shipped: true, carrierRecordedAt: '2025-10-21 12:00' },
  delivery: { status: 'signed', signedAt: '2025-10-23 12:00', receivedBy: 'self', confirmation: 'none' },
  claim: { at: '2025-10-24 20:00', type: 'partial-refund', reason: 'misdescribed' },
  issue: { visible: true, buyerProof: true, sellerRebuttal: false },
  ...(amount === undefined ? {} : { agreement: { resolution: 'partial-refund', amount, performed: false } }),
});

const scarfReturn = {
  channel: 'taobao',
  order: { paidAt: '2025-10-20 20:00', price: 199, freeShipping: true },
  goods: { name: '羊毛围巾', sevenDayClass: 'standard', condition: 'intact' },
  shipment: { shipped: true, carrierRecordedAt: '2025-10-21 12:00' },
  delivery: { status: 'signed', signedAt: '2025-10-23 12:00', receivedBy: 'self', confirmation: 'none' },
  claim: { at: '2025-10-26 20:00', type: 'return-and-refund', reason: 'no-reason' },
};

const rule = (facts: unknown, shopPolicy: ShopPolicy = defaultShopPolicy) => decide(facts, { shopPolicy });
const withLimit = (max: number): ShopPolicy => ({ ...defaultShopPolicy, compensation: { ...defaultShopPolicy.compensation, maxYuanWithoutApproval: max } });

describe('SOP fields', () => {
  it('offers an applies and a yieldsTo field for every SOP rule, and names only SOP rules', () => {
    const sopIds = ruleCatalogue.filter((entry) => entry.kind === 'sop').map((entry) => entry.id);
    for (const id of sopIds) {
      expect(sopFieldIds).toContain(`sop.applies:${id}`);
      expect(sopFieldIds).toContain(`sop.yieldsTo:${id}`);
    }
    for (const field of sopFieldIds) expect(ruleById(sopFieldRule(field))?.kind, field).toBe('sop');
    for (const field of sopFieldIds) expect(askedFieldIds).toContain(field);
    expect(isSopField('resolution')).toBe(false);
  });

  it('reads who decides an agreed amount from SOP-COMP-RANGE, and follows the configured limit', () => {
    expect(sopAnswer('sop.compensationDecidedBy', rule(cardigan(45)))).toBe('店长');
    expect(sopAnswer('sop.compensationDecidedBy', rule(cardigan(30)))).toBe('客服');
    expect(sopAnswer('sop.compensationDecidedBy', rule(cardigan(45), withLimit(50)))).toBe('客服');
    const renamed = { ...defaultShopPolicy, compensation: { ...defaultShopPolicy.compensation, approverAbove: '运营经理' } };
    expect(sopAnswer('sop.compensationDecidedBy', rule(cardigan(45), renamed))).toBe('运营经理');
    // No agreed amount: the rule still applies, but there is nothing to decide.
    expect(sopAnswer('sop.compensationDecidedBy', rule(cardigan()))).toBeNull();
  });

  it('reads deadlines as Beijing times computed from the configured hours and minutes', () => {
    const ruling = rule(scarfReturn);
    expect(sopAnswer('sop.firstReplyBy', ruling)).toBe('2025-10-26 20:05');
    expect(sopAnswer('sop.auditBy', ruling)).toBe('2025-10-29 20:00');
    expect(sopAnswer('sop.shopWindowEnd', ruling)).toBe('2025-10-30 12:00');
    expect(sopAnswer('sop.inShopWindow', ruling)).toBe(true);
    const slower = { ...defaultShopPolicy, responseTimes: { ...defaultShopPolicy.responseTimes, firstResponseMinutes: 10, returnAuditHours: 48 } };
    expect(sopAnswer('sop.firstReplyBy', rule(scarfReturn, slower))).toBe('2025-10-26 20:10');
    expect(sopAnswer('sop.auditBy', rule(scarfReturn, slower))).toBe('2025-10-28 20:00');
  });

  it('answers applies from the guidance list and yieldsTo from its overriddenBy, null when the rule is silent', () => {
    const ruling = rule(scarfReturn);
    expect(sopAnswer('sop.applies:SOP-REGISTER', ruling)).toBe(true);
    expect(sopAnswer('sop.applies:SOP-LOST-PARCEL-REPORT', ruling)).toBe(false);
    expect(sopAnswer('sop.yieldsTo:SOP-RETAIN', ruling)).toBe('R-7DAY-SCOPE');
    expect(sopAnswer('sop.yieldsTo:SOP-REGISTER', ruling)).toBeNull();
    expect(sopAnswer('sop.escalateTo', ruling)).toBeNull();
    // answerOf dispatches SOP fields to the same reader.
    expect(answerOf('sop.applies:SOP-REGISTER', ruling, scarfReturn)).toBe(true);
  });

  it('spells SOP values for options', () => {
    expect(optionText('sop.compensationDecidedBy', '店长')).toBe('由店长决定');
    expect(optionText('sop.firstReplyBy', '2025-10-26 20:05')).toBe('2025-10-26 20:05 前');
    expect(optionText('sop.applies:SOP-REGISTER', true)).toBe('是');
    expect(optionText('sop.yieldsTo:SOP-RETAIN', null)).toBe('不让位，按本店规范办');
    expect(optionText('sop.qualityReportPeriod', 'weekly')).toBe('每周');
  });

  it('every value field is written by its rule somewhere in the catalogue (no field names a value no rule sets)', () => {
    for (const [field, spec] of Object.entries(sopValueFields)) expect(ruleById(spec.rule)?.kind, field).toBe('sop');
  });
});

describe('keyRules', () => {
  const context = { shopPolicy: defaultShopPolicy, caseFacts: () => undefined };
  const base = { topics: ['shop-sop'], difficulty: 1 as const, exam: false, stem: '按本店规范怎么做？' };

  it('attributes a SOP field to its SOP rule only, and a platform field to the ruling’s decisive rules', () => {
    const sop: Item = { ...base, id: 'a', type: 'truefalse', scenario: { facts: cardigan(45) }, claim: { ask: 'sop.compensationDecidedBy', equals: '店长' }, labels: '正确错误', answer: true };
    expect(keyRules(sop, deriveKey(sop, context), decisiveRules)).toEqual(['SOP-COMP-RANGE']);
    const platform: Item = { ...base, id: 'b', type: 'truefalse', scenario: { facts: scarfReturn }, claim: { ask: 'resolution', equals: 'return-and-refund' }, labels: '正确错误', answer: true };
    const ids = keyRules(platform, deriveKey(platform, context), decisiveRules);
    expect(ids).toContain('R-7DAY-SCOPE');
    expect(ids.some((id) => id.startsWith('SOP-'))).toBe(false);
  });

  it('files a SOP item under its SOP rule in practice and explains it with that rule’s step', () => {
    const sop: Item = { ...base, id: 'd', type: 'truefalse', scenario: { facts: cardigan(45) }, claim: { ask: 'sop.compensationDecidedBy', equals: '店长' }, labels: '正确错误', answer: true };
    const practice = toPracticeItem(sop, deriveKey(sop, context));
    expect(practice).toMatchObject({ decidingRuleId: 'SOP-COMP-RANGE', area: 'shop-sop' });
    expect(practice.explanation.map((step) => step.ruleId)).toContain('SOP-COMP-RANGE');
    expect(practice.explanation.find((step) => step.ruleId === 'SOP-COMP-RANGE')?.note).toContain('45 元超过客服可直接处理的 30 元');
    // Other SOP rules that happened to apply (registering the case, say) do not clutter the explanation.
    expect(practice.explanation.map((step) => step.ruleId)).not.toContain('SOP-REGISTER');
  });

  it('makes a certificate that examined a SOP item cover its SOP rule', () => {
    const sop: Item = { ...base, id: 'e', type: 'truefalse', scenario: { facts: cardigan(45) }, claim: { ask: 'sop.compensationDecidedBy', equals: '店长' }, labels: '正确错误', answer: true };
    const key = deriveKey(sop, context);
    expect(coveredRules([{ item: sop, key }])).toEqual([key.rulings[0]!.decidingRuleId, 'SOP-COMP-RANGE'].sort());
  });

  it('attributes an ordering item to the SOP rule of its sequence', () => {
    const ordering: Item = { ...base, id: 'c', type: 'ordering', sequence: 'negotiation-ladder', answer: [...defaultShopPolicy.ladder] };
    expect(keyRules(ordering, deriveKey(ordering, context), decisiveRules)).toEqual(['SOP-LADDER']);
  });
});
