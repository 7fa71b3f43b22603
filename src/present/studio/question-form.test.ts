import { describe, expect, it } from 'vitest';
import { defaultShopPolicy, mergePatch } from '../../rules/index.ts';
import type { ScenarioContext } from '../../quiz/index.ts';
import { factFormModel } from '../sandbox/index.ts';
import {
  answerFromText,
  answerToText,
  entryKind,
  factsPatch,
  placeQuestionErrors,
  questionFormReducer,
  questionFormState,
  questionModel,
  setAt,
  valueChoices,
  engineAnswer,
  suggestedDistractors,
  withMergesApplied,
} from './question-form.ts';
import type { GateErrorView } from './gate-errors.ts';

const context: ScenarioContext = { shopPolicy: defaultShopPolicy, caseFacts: () => undefined };
const reduce = questionFormReducer(factFormModel());

const facts = {
  channel: 'taobao',
  order: { paidAt: '2025-10-02 20:00', price: 259, freeShipping: true, outboundFreight: 0 },
  goods: { name: '针织开衫', sevenDayClass: 'standard', condition: 'intact' },
  shipment: { shipped: true, clickedAt: '2025-10-03 10:00', carrierHasSystem: true, carrierRecordedAt: '2025-10-03 15:00' },
  delivery: { status: 'signed', signedAt: '2025-10-05 00:10', receivedBy: 'locker', placeDesignated: true, confirmation: 'none' },
  claim: { at: '2025-10-08 12:00', type: 'return-and-refund', reason: 'no-reason' },
};
const item = {
  id: 'qa-window',
  type: 'single',
  topics: ['seven-day'],
  difficulty: 2,
  stem: '七天无理由退货的申请最晚要在什么时候之前提出？',
  scenario: { facts },
  ask: 'sevenDayWindowEnd',
  options: [
    { value: '2025-10-12 00:10', text: '10 月 12 日 00:10 前' },
    { value: '2025-10-13 00:00', text: '10 月 13 日 00:00 前' },
  ],
  answer: 1,
};
const file = (items: unknown[], templates?: unknown[]) => ({ path: 'questions/x.yaml', version: 'v1', model: { data: { items, ...(templates ? { templates } : {}) } } });

describe('question form reducer', () => {
  it('opens a file with its items following the engine, the first selected', () => {
    const state = questionFormState(file([item]), context);
    expect(state.items.map((entry) => entry.answerMode)).toEqual(['engine']);
    expect(state.selected).toEqual({ list: 'items', uid: 0 });
    expect(state.written).toEqual({ items: true, templates: false });
  });

  it('marks an item whose written answer is not the engine\'s as the author\'s override', () => {
    const state = questionFormState(file([{ ...item, answer: 0 }]), context);
    expect(state.items[0]!.answerMode).toBe('override');
    expect(questionModel(state, context).data.items).toEqual([{ ...item, answer: 0 }]);
  });

  it('writes the engine\'s key into an item that follows the engine', () => {
    const state = questionFormState(file([item]), context);
    const swapped = reduce(state, { type: 'set', list: 'items', uid: 0, path: ['options'], value: [item.options[1], item.options[0]] });
    expect((questionModel(swapped, context).data.items as { answer: number }[])[0]!.answer).toBe(0);
    const overridden = reduce(swapped, { type: 'answerMode', uid: 0, mode: 'override' });
    expect((questionModel(overridden, context).data.items as { answer: number }[])[0]!.answer).toBe(1);
  });

  it('puts a key the form adds where content/questions writes it', () => {
    const state = questionFormState(file([item]), context);
    const flagged = reduce(state, { type: 'set', list: 'items', uid: 0, path: ['exam'], value: true });
    expect(Object.keys(flagged.items[0]!.data)).toEqual(['id', 'type', 'topics', 'difficulty', 'exam', 'stem', 'scenario', 'ask', 'options', 'answer']);
    const explained = reduce(flagged, { type: 'set', list: 'items', uid: 0, path: ['scenario', 'edition'], value: 'legacy' });
    expect(Object.keys(explained.items[0]!.data.scenario as object)).toEqual(['facts', 'edition']);
  });

  it('adds, duplicates under a fresh id, moves and removes entries', () => {
    let state = questionFormState(file([item]), context);
    state = reduce(state, { type: 'add', kind: 'template-single', id: 't-new' });
    expect(state.templates.map((entry) => entry.data.id)).toEqual(['t-new']);
    expect(state.selected).toEqual({ list: 'templates', uid: 1 });
    state = reduce(state, { type: 'duplicate', list: 'items', uid: 0 });
    state = reduce(state, { type: 'duplicate', list: 'items', uid: 0 });
    expect(state.items.map((entry) => entry.data.id)).toEqual(['qa-window', 'qa-window-copy-2', 'qa-window-copy']);
    state = reduce(state, { type: 'move', list: 'items', uid: 0, by: 1 });
    expect(state.items.map((entry) => entry.uid)).toEqual([3, 0, 2]);
    expect(reduce(state, { type: 'move', list: 'items', uid: 3, by: -1 })).toBe(state);
    state = reduce(state, { type: 'select', list: 'items', uid: 2 });
    state = reduce(state, { type: 'remove', list: 'items', uid: 2 });
    expect(state.items.map((entry) => entry.uid)).toEqual([3, 0]);
    expect(state.selected).toEqual({ list: 'items', uid: 0 });
    expect(Object.keys(questionModel(state, context).data)).toEqual(['items', 'templates']);
  });

  it('keeps a case-based scenario a patch over the case when its facts are edited in the form', () => {
    const base = { ...facts };
    const state = questionFormState(file([{ ...item, scenario: { case: 'c' } }]), { ...context, caseFacts: () => ({ facts: base, edition: '2025-08-15' }) });
    let next = reduce(state, { type: 'openFacts', uid: 0, base });
    expect(next.facts?.draft.values['delivery.signedAt']).toBe('2025-10-05 00:10');
    next = reduce(next, { type: 'fact', path: 'delivery.signedAt', text: '2025-10-06 00:10', base });
    expect(next.items[0]!.data.scenario).toEqual({ case: 'c', patch: { delivery: { signedAt: '2025-10-06 00:10' } } });
    next = reduce(next, { type: 'fact', path: 'delivery.signedAt', text: '2025-10-05 00:10', base });
    expect(next.items[0]!.data.scenario).toEqual({ case: 'c' });
  });

  it('records the new version after a save and after a rebase', () => {
    const state = questionFormState({ path: 'questions/x.yaml', version: null, model: { data: {} } }, context);
    expect(state.isNew).toBe(true);
    expect(reduce(state, { type: 'saved', version: 'v2' })).toMatchObject({ isNew: false, baseVersion: 'v2' });
    expect(reduce(state, { type: 'rebase', version: 'v3' }).baseVersion).toBe('v3');
  });
});

describe('question form helpers', () => {
  it('sets and removes values at a path without touching the rest', () => {
    const data = { a: { b: 1, c: 2 }, list: [1, 2, 3] };
    expect(setAt(data, ['a', 'b'], 5)).toEqual({ a: { b: 5, c: 2 }, list: [1, 2, 3] });
    expect(setAt(data, ['a', 'b'], undefined)).toEqual({ a: { c: 2 }, list: [1, 2, 3] });
    expect(setAt(data, ['list', 1], undefined)).toEqual({ a: { b: 1, c: 2 }, list: [1, 3] });
    expect(data.a.b).toBe(1);
  });

  it('computes the patch that turns a case\'s facts into the edited facts', () => {
    const base = { order: { price: 199, freeShipping: true }, claim: { reason: 'no-reason' } };
    const edited = { order: { price: 99, freeShipping: true }, goods: { name: '杯子' } };
    const patch = factsPatch(base, edited);
    expect(patch).toEqual({ order: { price: 99 }, claim: null, goods: { name: '杯子' } });
    expect(mergePatch(base, patch)).toEqual(edited);
  });

  it('applies YAML merge keys, own keys winning and earlier merges over later ones', () => {
    expect(withMergesApplied({ '<<': [{ a: 1, b: 1 }, { b: 2, c: 2 }], c: 3 })).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('reads typed values as YAML would and shows them again', () => {
    expect([answerFromText('true'), answerFromText(' 30 '), answerFromText('null'), answerFromText('2025-10-13 00:00'), answerFromText('客服')]).toEqual([true, 30, null, '2025-10-13 00:00', '客服']);
    expect([answerToText(null), answerToText(false), answerToText(undefined)]).toEqual(['null', 'false', '']);
  });

  it('offers rule ids for the deciding rule, a field\'s values plus null, and nothing for typed values', () => {
    expect(valueChoices('decidingRule')).toContain('R-7DAY-WINDOW');
    expect(valueChoices('freight.return')).toEqual(['buyer', 'seller', null]);
    expect(valueChoices('sevenDayWindowEnd')).toEqual([]);
  });

  it('keys an item live and names the rule that decided it', () => {
    const engine = engineAnswer(item, context);
    expect(engine).toMatchObject({ answer: 1, text: '10 月 13 日 00:00 前', rules: [{ id: expect.stringMatching(/^R-/) }] });
    expect(engineAnswer({ ...item, options: [item.options[0]] }, context)).toHaveProperty('problem');
  });

  it('tells the item kinds apart', () => {
    expect(entryKind('items', item)).toBe('single');
    expect(entryKind('items', { type: 'single', options: [{ text: 'x', promises: [] }] })).toBe('reply');
    expect(entryKind('items', { type: 'single', options: [] })).toBe('reply');
    expect(entryKind('items', { type: 'single', ask: 'resolution', options: [] })).toBe('single');
    expect(entryKind('templates', { type: 'truefalse' })).toBe('template-truefalse');
  });

  it('suggests the near-miss window ends first, never the key or a written option', () => {
    const suggestions = suggestedDistractors(item, context);
    const values = suggestions.map((entry) => entry.value);
    expect(values).not.toContain('2025-10-13 00:00');
    expect(values).not.toContain('2025-10-12 00:10');
    expect(suggestions[0]).toMatchObject({ nearMiss: true });
    // Signed a day later or earlier moves the window end a day.
    expect(values).toContain('2025-10-14 00:00');
  });

  it('places gate errors at their entry and field, the rest apart', () => {
    const error = (field: string, path?: string): GateErrorView => ({ code: 'X', file: 'content/questions/x.yaml', field, wrote: '', trace: [], fix: '', ...(path ? { path } : {}) });
    const placed = placeQuestionErrors([error('items[2].answer'), error('templates[0].params.at'), error('(文件)'), error('items[0].stem', 'exams/a.yaml')], 'questions/x.yaml');
    expect([...placed.entries.keys()]).toEqual(['items:2', 'templates:0']);
    expect(placed.entries.get('templates:0')![0]!.field).toBe('params.at');
    expect(placed.other.map((entry) => entry.field)).toEqual(['(文件)', 'items[0].stem']);
  });
});
