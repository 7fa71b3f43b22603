import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentModel, writeContentModel, type ContentModel } from '../../src/authoring/index.ts';
import { factFormModel } from '../../src/present/sandbox/index.ts';
import { questionFormReducer, questionFormState, questionModel, suggestedDistractors, type QuestionFormState } from '../../src/present/studio/index.ts';
import type { ScenarioContext } from '../../src/quiz/index.ts';
import { loadShopPolicy } from '../../src/server/content-check/content-files.ts';
import { loadCaseFacts } from '../../src/server/content-check/question-files.ts';

const form = factFormModel();
const reduce = questionFormReducer(form);
const shop = loadShopPolicy('content/policy/shop.json');
if ('errors' in shop) throw new Error('content/policy/shop.json is invalid');
const cases = loadCaseFacts('content/cases');
const context: ScenarioContext = { shopPolicy: shop.policy, caseFacts: (slug) => cases.get(slug) };
const dir = 'content/questions';
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));

function open(name: string) {
  const text = readFileSync(join(dir, name), 'utf8');
  const model = readContentModel('question', text);
  return { text, state: questionFormState({ path: `questions/${name}`, version: 'v', model }, context) };
}

const save = (text: string | undefined, state: QuestionFormState) => writeContentModel('question', text, questionModel(state, context) as ContentModel);

/** The lines of `after` that differ from `before`, as `-old` / `+new` (same line count assumed unless lines were added). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  return [...a.slice(start, endA + 1).map((line) => `-${line}`), ...b.slice(start, endB + 1).map((line) => `+${line}`)];
}

describe('question form model', () => {
  it('opens every question file in content/ with every item following the engine, and saves it unchanged to the same bytes', () => {
    expect(files.length).toBeGreaterThan(10);
    const changed: string[] = [];
    const overridden: string[] = [];
    for (const name of files) {
      const { text, state } = open(name);
      overridden.push(...state.items.filter((entry) => entry.answerMode === 'override').map((entry) => String(entry.data.id)));
      if (save(text, state) !== text) changed.push(name);
    }
    expect(changed).toEqual([]);
    // Every item in the library passes the gate, so every written answer is the engine's.
    expect(overridden).toEqual([]);
  }, 120_000);

  it('changes only the edited stem line, and leaves every other item byte-identical', () => {
    const { text, state } = open('a-seven-day.yaml');
    const target = state.items[0]!;
    const edited = reduce(state, { type: 'set', list: 'items', uid: target.uid, path: ['stem'], value: '改过的题干：七天无理由退货的申请最晚要在什么时候之前提出？' });
    expect(changedLines(text, save(text, edited))).toEqual([
      `-    stem: ${String(target.data.stem)}`,
      '+    stem: 改过的题干：七天无理由退货的申请最晚要在什么时候之前提出？',
    ]);
  });

  it('writes the engine\'s key as the answer when an edit of the facts moves it', () => {
    const { text, state } = open('a-seven-day.yaml');
    const target = state.items[0]!;
    // Signed a day later: the window ends a day later too, which is option 3's value (2025-10-13 00:10) only if we move it.
    let edited = reduce(state, { type: 'openFacts', uid: target.uid, base: undefined });
    edited = reduce(edited, { type: 'fact', path: 'delivery.signedAt', text: '2025-10-06 00:10', base: undefined });
    edited = reduce(edited, { type: 'set', list: 'items', uid: target.uid, path: ['options', 0, 'value'], value: '2025-10-14 00:00' });
    const diff = changedLines(text, save(text, edited));
    expect(diff).toContain('+    answer: 0');
    expect(diff).toContain('-    answer: 1');
    expect(diff.some((line) => line.startsWith('+') && line.includes('signedAt: "2025-10-06 00:10"'))).toBe(true);
  });

  it('moves, duplicates and deletes items as whole blocks', () => {
    const { text, state } = open('a-seven-day.yaml');
    const [first, second] = state.items;
    const moved = reduce(state, { type: 'move', list: 'items', uid: second!.uid, by: -1 });
    const back = reduce(moved, { type: 'move', list: 'items', uid: second!.uid, by: 1 });
    expect(save(text, back)).toBe(text);
    const removed = reduce(state, { type: 'remove', list: 'items', uid: first!.uid });
    const removedText = save(text, removed);
    expect(removedText).not.toContain(`id: ${String(first!.data.id)}\n`);
    expect(removedText.length).toBeLessThan(text.length);
    const copied = reduce(state, { type: 'duplicate', list: 'items', uid: first!.uid });
    const copiedText = save(text, copied);
    expect(copiedText).toContain(`id: ${String(first!.data.id)}-copy`);
    expect(readContentModel('question', copiedText).data).toEqual(questionModel(copied, context).data);
  });

  it('suggests near-miss distractors the engine reaches by moving one fact', () => {
    const { state } = open('a-seven-day.yaml');
    const target = state.items[0]!;
    // Remove every option but the key; the near misses include a window end a minute or a day away.
    const data = { ...target.data, options: [(target.data.options as unknown[])[1]] };
    const suggestions = suggestedDistractors(data, context);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0]!.nearMiss).toBe(true);
    expect(suggestions.map((entry) => entry.value)).not.toContain('2025-10-13 00:00');
  });

  it('writes a new file in the house style', () => {
    let state = questionFormState({ path: 'questions/new-one.yaml', version: null, model: { data: { items: [] } } }, context);
    state = reduce(state, { type: 'add', kind: 'truefalse', id: 'qa-new-one' });
    const uid = state.items[0]!.uid;
    state = reduce(state, { type: 'set', list: 'items', uid, path: ['topics'], value: ['seven-day'] });
    state = reduce(state, { type: 'set', list: 'items', uid, path: ['stem'], value: '这是一道新的判断题。' });
    state = reduce(state, { type: 'set', list: 'items', uid, path: ['scenario'], value: { case: 'locker-signed-0000-seven-day-in-time' } });
    state = reduce(state, { type: 'set', list: 'items', uid, path: ['claim'], value: { ask: 'claimInSevenDayWindow', equals: true } });
    state = reduce(state, { type: 'add', kind: 'single', id: 'qa-new-two' });
    const two = state.items[1]!.uid;
    state = reduce(state, { type: 'set', list: 'items', uid: two, path: ['options'], value: [{ value: 'seller', text: '卖家承担' }, { value: 'buyer', text: '买家承担' }] });
    const text = save(undefined, state);
    expect(text).toContain('  - id: qa-new-one\n    type: truefalse\n    topics: [seven-day]\n');
    expect(text).toContain('    answer: true\n');
    // Lists of maps and maps of maps are blocks, as people write them.
    expect(text).toContain('    options:\n      - { value: seller, text: 卖家承担 }\n      - { value: buyer, text: 买家承担 }\n');
    expect(text).toContain('    scenario:\n      facts:\n        channel: taobao\n');
  });
});
