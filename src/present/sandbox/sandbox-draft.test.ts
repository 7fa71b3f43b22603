import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  draftFromFacts,
  factsFromDraft,
  parseFieldText,
  withFieldText,
  withSection,
} from './fact-draft.ts';
import { factFormModel } from './fact-form-model.ts';
import { fieldIndex } from './form-index.ts';
import { decide } from '../../rules/index.ts';

const model = factFormModel();
const fields = fieldIndex(model);
const field = (path: string) => {
  const found = fields.get(path);
  if (!found) throw new Error(`no field ${path}`);
  return found;
};

/** The one case the sandbox e2e test opens, read the way a page would see its frontmatter. */
function caseFacts(slug: string): Record<string, unknown> {
  const text = readFileSync(new URL(`../../../content/cases/${slug}.mdx`, import.meta.url), 'utf8');
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  if (!frontmatter) throw new Error(`${slug}.mdx has no frontmatter`);
  return (parse(frontmatter) as { facts: Record<string, unknown> }).facts;
}

describe('parseFieldText', () => {
  it('reads an empty field as an absent fact, never as false or zero', () => {
    for (const path of ['order.freeShipping', 'order.price', 'claim.at', 'channel', 'goods.name']) {
      expect(parseFieldText(field(path), '  ')).toEqual({ ok: true, value: undefined });
    }
  });

  it('reads booleans, enum values and numbers', () => {
    expect(parseFieldText(field('order.freeShipping'), 'false')).toEqual({ ok: true, value: false });
    expect(parseFieldText(field('channel'), 'tmall')).toEqual({ ok: true, value: 'tmall' });
    expect(parseFieldText(field('order.price'), ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    expect(parseFieldText(field('order.price'), '３９９')).toEqual({ ok: true, value: 399 });
  });

  it('keeps a valid Beijing time as typed, for the engine to read', () => {
    expect(parseFieldText(field('claim.at'), '2025-09-11 00:00')).toEqual({ ok: true, value: '2025-09-11 00:00' });
    expect(parseFieldText(field('shipment.waybillDate'), '2025-09-02')).toEqual({ ok: true, value: '2025-09-02' });
  });

  it('explains in Chinese what is wrong with unreadable text', () => {
    expect(parseFieldText(field('claim.at'), '2025-9-1')).toEqual({
      ok: false,
      message: '“2025-9-1”不是有效的北京时间：请写成“YYYY-MM-DD HH:mm”，例如“2025-09-01 14:30”。',
    });
    expect(parseFieldText(field('claim.at'), '2025-02-30 10:00').ok).toBe(false);
    expect(parseFieldText(field('order.price'), '三百')).toEqual({ ok: false, message: '“三百”不是数字：请只填阿拉伯数字，例如 399 或 12.5。' });
    expect(parseFieldText(field('order.price'), '-1')).toEqual({ ok: false, message: '不能是负数。' });
    expect(parseFieldText(field('shipment.promisedHours'), '0')).toEqual({ ok: false, message: '必须大于 0。' });
    expect(parseFieldText(field('channel'), 'jd').ok).toBe(false);
  });
});

describe('drafts', () => {
  const facts = caseFacts('seven-day-last-minute');

  it('round-trips a case’s facts through the form unchanged', () => {
    const { draft, unknownPaths } = draftFromFacts(model, facts);
    expect(unknownPaths).toEqual([]);
    expect(draft.sections).toEqual(['delivery']);
    expect(draft.values['order.paidAt']).toBe('2025-09-01 10:00');
    expect(draft.values['order.price']).toBe('399');
    expect(factsFromDraft(model, draft)).toEqual({ facts, errors: [] });
  });

  it('reports fields of a case the fact model does not know', () => {
    const { unknownPaths } = draftFromFacts(model, { ...facts, order: { ...(facts.order as object), tip: 5 }, extra: 1 });
    expect([...unknownPaths].sort()).toEqual(['extra', 'order.tip']);
  });

  it('decides the case, and flips to 驳回 when the claim moves to the first minute after the window', () => {
    const { draft } = draftFromFacts(model, facts);
    expect(decide(factsFromDraft(model, draft).facts).resolution).toBe('return-and-refund');
    const late = decide(factsFromDraft(model, withFieldText(draft, 'claim.at', '2025-09-11 00:00')).facts);
    expect(late.resolution).toBe('reject');
    expect(late.decidingRuleId).toBe('R-7DAY-WINDOW');
  });

  it('drops a cleared field from the facts instead of writing false or an empty string', () => {
    const { draft } = draftFromFacts(model, facts);
    const cleared = factsFromDraft(model, withFieldText(draft, 'delivery.signedAt', '')).facts;
    expect(cleared.delivery).not.toHaveProperty('signedAt');
    expect(cleared.delivery).toHaveProperty('status', 'signed');
  });

  it('leaves a removed section out of the facts and restores its texts when it is added back', () => {
    const { draft } = draftFromFacts(model, facts);
    const removed = withSection(draft, 'delivery', false);
    expect(factsFromDraft(model, removed).facts).not.toHaveProperty('delivery');
    expect(factsFromDraft(model, withSection(removed, 'delivery', true)).facts).toEqual(facts);
  });

  it('adds an optional section as an empty object for the engine to judge', () => {
    const { draft } = draftFromFacts(model, facts);
    expect(factsFromDraft(model, withSection(draft, 'gift', true)).facts.gift).toEqual({});
  });

  it('collects unreadable fields instead of building facts from them', () => {
    const { draft } = draftFromFacts(model, facts);
    const { errors } = factsFromDraft(model, withFieldText(withFieldText(draft, 'claim.at', '昨天'), 'order.price', 'abc'));
    expect(errors.map((error) => error.path)).toEqual(['order.price', 'claim.at']);
  });
});
