import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { practicePayload, practiceQuestions, topicQuizzes } from './practice-payload.ts';
import { readPayload } from './payload-shape.ts';
import { ItemSchema, TemplateSchema, type ScenarioContext } from '../../quiz/index.ts';
import { defaultShopPolicy } from '../../rules/index.ts';

const context: ScenarioContext = { caseFacts: () => undefined, shopPolicy: defaultShopPolicy };

const facts = `
      channel: taobao
      order: { paidAt: "2025-09-01 10:00", price: 199, freeShipping: true }
      goods: { name: 大衣, sevenDayClass: standard, condition: intact }
      shipment: { shipped: true, clickedAt: "2025-09-01 18:00", carrierRecordedAt: "2025-09-01 19:30" }
      delivery: { status: signed, signedAt: "2025-09-03 14:20", receivedBy: self, confirmation: none }
      claim: { at: "2025-09-05 10:00", type: return-and-refund, reason: no-reason }`;

const item = (id: string, exam: boolean) => `
  - id: ${id}
    type: truefalse
    topics: [seven-day]
    difficulty: 1
    exam: ${exam}
    stem: 包邮商品七天无理由退货，退回运费由买家承担。
    scenario:
      facts:${facts.replaceAll('\n', '\n  ')}
    claim: { ask: freight.return, equals: buyer }
    answer: true`;

const template = (id: string, exam: boolean) => `
  - id: ${id}
    type: truefalse
    topics: [seven-day]
    difficulty: 2
    exam: ${exam}
    stem: 买家 {{claimAt}} 申请七天无理由退货，在期限内吗？
    params:
      claimAt: { oneOf: ["2025-09-05 10:00", "2025-09-12 10:00"] }
    facts:${facts.replace('"2025-09-05 10:00", type', '"{{claimAt}}", type')}
    claim: { ask: claimInSevenDayWindow, equals: true }`;

/** A question file as the `questions` collection would hold it, had an exam-only entry slipped past its filter. */
const raw = parse(`items:${item('q-practice', false)}${item('q-exam-only', true)}\ntemplates:${template('t-practice', false)}${template('t-exam-only', true)}\n`);
const file = { items: raw.items.map((entry: unknown) => ItemSchema.parse(entry)), templates: raw.templates.map((entry: unknown) => TemplateSchema.parse(entry)) };
const practiceBank = () => practiceQuestions([file], context);

describe('practice payload', () => {
  it('leaves exam items and every variant of exam templates out of practice', () => {
    const ids = practiceBank().map((entry) => entry.id);
    expect(ids).toEqual(['q-practice', ...[1, 2, 3, 4, 5, 6].map((seed) => `t-practice~${seed}`)]);
    expect(JSON.stringify(practiceBank())).not.toMatch(/exam-only/);
  });

  it('carries the titles of the rule areas its questions touch, in handbook order', () => {
    const payload = practicePayload(practiceBank());
    expect(Object.keys(payload.areaTitles).length).toBeGreaterThan(0);
    expect(new Set(payload.items.map((entry) => entry.area))).toEqual(new Set(Object.keys(payload.areaTitles)));
  });

  it('offers a topic quiz only with at least three questions, counting a template once', () => {
    const items = practiceBank();
    expect(topicQuizzes(items, ['seven-day', 'quality'], (id) => id)).toEqual([]);
    const more = [...items, { ...items[0]!, id: 'q-second' }];
    expect(topicQuizzes(more, ['seven-day', 'quality'], (id) => `label:${id}`)).toEqual([{ id: 'seven-day', label: 'label:seven-day', questions: 3 }]);
  });

  it('accepts the payload it builds and refuses a malformed one, naming the item', () => {
    const payload = practicePayload(practiceBank());
    expect(readPayload(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
    const broken = { ...payload, items: [{ ...payload.items[0], key: 'yes' }] };
    expect(() => readPayload(broken)).toThrowError('题库中有一道题格式不对：q-practice 的 key 与题型不符。');
    expect(() => readPayload(null)).toThrowError(/缺少 items/);
  });
});
