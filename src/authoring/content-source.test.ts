import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASE_SECTIONS } from './case-source.ts';
import { contentKindOf, readContentModel, writeContentModel, type ContentModel } from './content-source.ts';
import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { deleteIn, setIn, YamlEditError, type YamlPath, type YamlValue } from './yaml-source.ts';

const CONTENT = fileURLToPath(new URL('../../content', import.meta.url));

/** Every file under content/ the studio can edit, read from the folder so new files are covered automatically. */
const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
  .map((name) => relative(CONTENT, join(CONTENT, name)).split(sep).join('/'))
  .filter((path) => contentKindOf(path) !== undefined)
  .sort();

function read(path: string): string {
  return readFileSync(join(CONTENT, path), 'utf8');
}

/** The lines that differ between two texts of the same line count, as `[line number, before, after]`. */
function changedLines(before: string, after: string): [number, string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, index) => (line === b[index] ? [] : [[index + 1, line, b[index]!] as [number, string, string]]));
}

function edit(path: string, change: (model: ContentModel) => ContentModel): { before: string; after: string } {
  const before = read(path);
  const kind = contentKindOf(path)!;
  return { before, after: writeContentModel(kind, before, change(readContentModel(kind, before))) };
}

function withData(model: ContentModel, data: YamlValue): ContentModel {
  return { ...model, data } as ContentModel;
}

describe('round trip over every content file', () => {
  it('finds all four kinds of file', () => {
    const kinds = new Set(files.map(contentKindOf));
    expect([...kinds].sort()).toEqual(['case', 'exam', 'policy', 'question']);
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)('%s: opening and saving unchanged is byte-identical', (path) => {
    const text = read(path);
    const kind = contentKindOf(path)!;
    const model = readContentModel(kind, text);
    expect(writeContentModel(kind, text, model)).toBe(text);
    // A model that went through JSON (as it does over the API) is still the same file.
    expect(writeContentModel(kind, text, JSON.parse(JSON.stringify(model)) as ContentModel)).toBe(text);
    if (model.kind === 'case') expect(model.sections.map((section) => section.heading)).toEqual([...CASE_SECTIONS]);
  });
});

describe('targeted edits change only what was edited', () => {
  it('one fact inside a flow map: one line, one value', () => {
    const { before, after } = edit('cases/seven-day-last-minute.mdx', (model) => withData(model, setIn(model.data, ['facts', 'order', 'price'], 499)));
    expect(changedLines(before, after)).toEqual([
      [8, '  order: { paidAt: "2025-09-01 10:00", price: 399, freeShipping: true }', '  order: { paidAt: "2025-09-01 10:00", price: 499, freeShipping: true }'],
    ]);
  });

  it('a quoted time keeps its quotes; a new string that looks like a time is quoted', () => {
    const { before, after } = edit('cases/seven-day-last-minute.mdx', (model) => withData(model, setIn(model.data, ['expected', 'sevenDayWindowEnd'], '2025-09-12 00:00')));
    expect(changedLines(before, after)).toEqual([[19, '  sevenDayWindowEnd: "2025-09-11 00:00"', '  sevenDayWindowEnd: "2025-09-12 00:00"']]);
  });

  it('a fact added to a flow map goes at its end; a key added to a block map gets its own line', () => {
    const { before, after } = edit('cases/seven-day-last-minute.mdx', (model) =>
      withData(model, setIn(setIn(model.data, ['facts', 'order', 'completed'], false), ['expected', 'refundAmount'], 399)),
    );
    const lines = after.split('\n');
    expect(lines[7]).toBe('  order: { paidAt: "2025-09-01 10:00", price: 399, freeShipping: true, completed: false }');
    expect(lines[21]).toBe('  refundAmount: 399');
    expect(after.split('\n').length).toBe(before.split('\n').length + 1);
  });

  it('removing a key removes its line only; removing a fact from a flow map removes it and its comma', () => {
    const { before, after } = edit('cases/seven-day-last-minute.mdx', (model) =>
      withData(model, deleteIn(deleteIn(model.data, ['expected', 'overriddenSop']), ['facts', 'shipment', 'clickedAt'])),
    );
    expect(after).toBe(
      before
        .replace('  overriddenSop: [SOP-RETURN-WINDOWS]\n', '')
        .replace('shipment: { shipped: true, clickedAt: "2025-09-01 16:00", carrierRecordedAt', 'shipment: { shipped: true, carrierRecordedAt'),
    );
  });

  it('a topic added to a flow list stays on its line', () => {
    const { before, after } = edit('cases/seven-day-last-minute.mdx', (model) => withData(model, setIn(model.data, ['topics'], ['seven-day', 'freight', 'shop-sop'])));
    expect(changedLines(before, after)).toEqual([[4, 'topics: [seven-day, freight]', 'topics: [seven-day, freight, shop-sop]']]);
  });

  it('one body section: only that section changes', () => {
    const { before, after } = edit('cases/seven-day-last-minute.mdx', (model) => {
      if (model.kind !== 'case') throw new Error('not a case');
      return { ...model, sections: model.sections.map((section) => (section.heading === '常见错误' ? { ...section, markdown: '- 只有一条。' } : section)) };
    });
    const cut = before.indexOf('## 常见错误');
    expect(after.slice(0, cut)).toBe(before.slice(0, cut));
    expect(after.slice(cut)).toBe('## 常见错误\n\n- 只有一条。\n');
  });

  it('one option of a question: only its text changes, its quoting and the comment stay', () => {
    const { before, after } = edit('questions/seven-day.yaml', (model) => withData(model, setIn(model.data, ['items', 0, 'options', 2, 'text'], '9 月 10 日零点之前')));
    expect(changedLines(before, after)).toEqual([
      [13, '      - { value: "2025-09-10 00:00", text: 9 月 10 日 00:00 之前 }', '      - { value: "2025-09-10 00:00", text: 9 月 10 日零点之前 }'],
    ]);
  });

  it('an option appended to a block list is written like its neighbours', () => {
    const { before, after } = edit('questions/seven-day.yaml', (model) =>
      withData(model, setIn(model.data, ['items', 0, 'options', 3], { value: '2025-09-09 00:00', text: '9 月 9 日 00:00 之前' })),
    );
    expect(after).toBe(
      before.replace(
        '      - { value: "2025-09-10 00:00", text: 9 月 10 日 00:00 之前 }\n',
        '      - { value: "2025-09-10 00:00", text: 9 月 10 日 00:00 之前 }\n      - { value: "2025-09-09 00:00", text: 9 月 9 日 00:00 之前 }\n',
      ),
    );
  });

  it('one exam number: one line', () => {
    const { before, after } = edit('exams/basic-certification.yaml', (model) => withData(model, setIn(model.data, ['blueprint', 1, 'count'], 4)));
    expect(changedLines(before, after)).toEqual([[11, '    count: 5', '    count: 4']]);
  });

  it('one policy number: one line', () => {
    const { before, after } = edit('policy/shop.json', (model) => withData(model, setIn(model.data, ['compensation', 'maxYuanWithoutApproval'], 50)));
    expect(changedLines(before, after)).toEqual([[5, '    "maxYuanWithoutApproval": 30,', '    "maxYuanWithoutApproval": 50,']]);
  });
});

describe('new files look hand-written', () => {
  it('a case rendered from the model of the template case is that file', () => {
    const text = read('cases/seven-day-last-minute.mdx');
    const model = readContentModel('case', text);
    expect(writeContentModel('case', undefined, model)).toBe(text);
  });

  it('an exam rendered from its model is that file without its comment line', () => {
    const text = read('exams/basic-certification.yaml');
    expect(writeContentModel('exam', undefined, readContentModel('exam', text))).toBe(text.slice(text.indexOf('\n') + 1));
  });
});

describe('path guard', () => {
  it.each([
    ['cases/seven-day-last-minute.mdx', 'case'],
    ['questions/sub/b-gifts.yaml', 'question'],
    ['exams/basic-certification.yml', 'exam'],
    ['policy/shop.json', 'policy'],
  ])('%s is a %s', (path, kind) => expect(contentKindOf(path)).toBe(kind));

  it.each(['../cases/x.mdx', 'cases/../../etc/passwd.mdx', '/cases/x.mdx', 'cases\\x.mdx', 'cases/X.mdx', 'cases/x.md', 'policy/other.json', 'README.md', 'exams/sub/x.yaml', 'cases/.x.mdx', ''])(
    '%s is refused',
    (path) => expect(contentKindOf(path)).toBeUndefined(),
  );
});

/** Every scalar leaf of some data, as paths. */
function leaves(data: YamlValue, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(data)) return data.flatMap((item, index) => leaves(item, [...path, index]));
  if (typeof data === 'object' && data !== null) return Object.entries(data).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}

function getIn(data: YamlValue, path: readonly (string | number)[]): YamlValue {
  return path.reduce<YamlValue>((node, key) => (node as Record<string | number, YamlValue>)[key]!, data);
}

/** A different value of the same type, as an editor would set it. */
function changed(value: YamlValue): YamlValue {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return `${value}改`;
  return 'x';
}

/**
 * Whether a leaf of a YAML file's data is shared with other items: reached through an alias (`facts: *base`) or a
 * merge key (`<<: *base`), or inside an anchored node (`facts: &base`) that aliases repeat. One edit in the text would
 * change every item sharing the anchor.
 */
function shared(text: string, leaf: YamlPath): boolean {
  let node: unknown = parseDocument(text).contents;
  for (const key of leaf) {
    if (isAlias(node) || ((isMap(node) || isSeq(node)) && node.anchor)) return true;
    if (isMap(node)) {
      // A key the mapping does not write itself comes from a merge key (`<<: *base`).
      node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
    } else {
      return false;
    }
    if (node === undefined) return true;
  }
  return isAlias(node);
}

describe('every single-value edit of every content file touches one line', () => {
  it.each(files.filter((path) => contentKindOf(path) !== 'policy'))('%s', (path) => {
    const before = read(path);
    const kind = contentKindOf(path)!;
    const model = readContentModel(kind, before);
    const all = leaves(model.data);
    // Up to 10 leaves per file, spread evenly: each edit parses the file twice (find the node, confirm the result).
    const step = Math.max(1, Math.floor(all.length / 10));
    for (let index = 0; index < all.length; index += step) {
      const leaf = all[index]!;
      const edited = withData(model, setIn(model.data, leaf, changed(getIn(model.data, leaf))));
      // A value shared through an anchor is either written where only this item reads it (the writer re-reads its
      // result) or refused with YamlEditError, never written through to the anchor's other users.
      if (path.endsWith('.yaml') && shared(before, leaf)) {
        try {
          writeContentModel(kind, before, edited);
        } catch (error) {
          expect(error, `${leaf.join('.')}`).toBeInstanceOf(YamlEditError);
        }
        continue;
      }
      const after = writeContentModel(kind, before, edited);
      const a = before.split('\n');
      const b = after.split('\n');
      expect(b.length, `${leaf.join('.')}`).toBe(a.length);
      expect(a.filter((line, n) => line !== b[n]).length, `${leaf.join('.')}`).toBe(1);
    }
  }, 60_000);
});
