import { describe, expect, it } from 'vitest';
import { factFormModel } from './fact-form-model.ts';
import { fieldIndex, sectionIndex } from './form-index.ts';
import { factsFromDraft } from './fact-draft.ts';
import { plainIssue, plainOutcome } from './plain-messages.ts';
import { sandboxOutcome } from './sandbox-outcome.ts';
import { readSandboxSearch, sandboxInitialState, sandboxLoaded, sandboxReducer, sandboxSearch, studioCaseHref } from './sandbox-state.ts';

const form = factFormModel();
const labels = { fields: fieldIndex(form), sections: sectionIndex(form) };
const coat = {
  slug: 'seven-day-last-minute',
  title: '签收第 7 天 23:59 申请七天无理由退货',
  edition: '2025-08-15' as const,
  facts: {
    channel: 'taobao',
    order: { paidAt: '2025-09-01 10:00', price: 399, freeShipping: true },
    goods: { name: '羊毛呢大衣', sevenDayClass: 'standard', condition: 'opened-for-inspection' },
    shipment: { shipped: true, clickedAt: '2025-09-01 16:00', carrierRecordedAt: '2025-09-01 18:20' },
    delivery: { status: 'signed', signedAt: '2025-09-03 20:15', receivedBy: 'self', confirmation: 'none' },
    claim: { at: '2025-09-10 23:59', type: 'return-and-refund', reason: 'no-reason' },
  },
};

describe('sandbox state in the URL', () => {
  it('names only the case while the facts are the case’s own, and carries facts and edition once they differ', () => {
    const state = sandboxInitialState(sandboxLoaded(form, coat));
    expect(sandboxSearch(state, factsFromDraft(form, state.draft).facts)).toBe('?case=seven-day-last-minute');
    const edited = sandboxReducer(sandboxReducer(state, { type: 'text', path: 'claim.at', text: '2025-09-11 00:00' }), { type: 'edition', edition: 'legacy' });
    const facts = factsFromDraft(form, edited.draft).facts;
    const search = sandboxSearch(edited, facts);
    const request = readSandboxSearch(search);
    expect(request).toEqual({ slug: 'seven-day-last-minute', facts, edition: 'legacy', problem: null });
    expect((request.facts as { claim: { at: string } }).claim.at).toBe('2025-09-11 00:00');
  });

  it('reads a cut-off link without throwing and says what it could not use', () => {
    expect(readSandboxSearch('?case=x&facts=%7B%22chan').problem).toMatch(/事实无法读取/);
    expect(readSandboxSearch('?edition=2099').problem).toMatch(/规则版本“2099”不存在/);
  });

  it('opens the studio with the facts and a non-current edition', () => {
    const href = studioCaseHref({ channel: 'tmall' }, 'legacy');
    const url = new URL(href, 'https://academy.invalid');
    expect(url.pathname).toBe('/lead/studio/case');
    expect(JSON.parse(url.searchParams.get('facts')!)).toEqual({ channel: 'tmall' });
    expect(url.searchParams.get('edition')).toBe('legacy');
  });

  it('compares each ruling with the last one there was, and announces the load note once', () => {
    let state = sandboxInitialState(sandboxLoaded(form, coat));
    const decide = () => sandboxOutcome(factsFromDraft(form, state.draft).facts, [], { edition: state.edition });
    state = sandboxReducer(state, { type: 'outcome', outcome: decide() });
    expect(state.loadedNote).toMatch(/已载入案例/);
    expect(state.changes).toBeNull();
    state = sandboxReducer(state, { type: 'text', path: 'claim.at', text: '2025-09-11 00:00' });
    state = sandboxReducer(state, { type: 'outcome', outcome: decide() });
    expect(state.loadedNote).toBeNull();
    expect(state.changes?.length).toBeGreaterThan(0);
  });
});

describe('plain-Chinese sandbox messages', () => {
  it('names choices by their Chinese labels instead of enum codes', () => {
    const issue = plainIssue({ path: 'channel', message: '写的是 "jd"，只能是 taobao / tmall / tmallGlobal 之一。' }, labels);
    expect(issue.message).toContain('“淘宝”、“天猫”、“天猫国际”');
    expect(issue.message).not.toMatch(/taobao|tmallGlobal|之一/);
  });

  it('says a required fact or part is missing by its label', () => {
    expect(plainIssue({ path: 'shipment', message: '必填，但没有填写。' }, labels).message).toMatch(/^需要添加“.+”这一部分。$/);
    expect(plainIssue({ path: 'order.price', message: '必填，但没有填写。' }, labels).message).toMatch(/^“[^”]*实付金额[^”]*”必须填写。$/);
  });

  it('says a wrong time has the wrong format', () => {
    const issue = plainIssue({ path: 'claim.at', message: '时间“2025-02-30 10:00”无法识别：请写成北京时间“YYYY-MM-DD HH:mm”' }, labels);
    expect(issue.message).toMatch(/时间格式不对/);
  });

  it('turns a whole invalid scenario into labelled sentences with no field paths or codes', () => {
    const outcome = plainOutcome(sandboxOutcome({ channel: 'jd', order: { paidAt: '2025-09-01 10:00', price: 1 } }, [], {}), labels);
    expect(outcome.kind).toBe('engine-error');
    if (outcome.kind !== 'engine-error') return;
    expect(outcome.message).not.toMatch(/taobao|tmallGlobal|必填，但没有填写|freeShipping/);
  });

  it('asks flags as conditions, not “为 true”', () => {
    const flags = [...labels.fields.values()].filter((field) => field.kind === 'boolean');
    expect(flags.filter((field) => /true|false/.test(field.label + field.hint)).map((field) => field.path)).toEqual([]);
  });
});
