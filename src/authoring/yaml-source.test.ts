import { describe, expect, it } from 'vitest';
import { applyYamlData, deleteYamlIn, parseYamlData, renderYamlDocument, setYamlIn, YamlEditError } from './yaml-source.ts';

describe('yaml splices', () => {
  it('fills an empty value after its key', () => {
    expect(setYamlIn('order:\n  paidAt:\n  price: 3\n', ['order', 'paidAt'], '2025-09-01 10:00')).toBe('order:\n  paidAt: "2025-09-01 10:00"\n  price: 3\n');
  });

  it('keeps a trailing comment and the quoting of the value it replaces', () => {
    expect(setYamlIn("a: 'x' # why\nb: 1\n", ['a'], "it's")).toBe("a: 'it''s' # why\nb: 1\n");
  });

  it('quotes what would not read back as the same string', () => {
    expect(setYamlIn('a: x\n', ['a'], 'true')).toBe('a: "true"\n');
    expect(setYamlIn('a: x\n', ['a'], 'k: v')).toBe('a: "k: v"\n');
    expect(setYamlIn('a: { b: x }\n', ['a', 'b'], 'p, q')).toBe('a: { b: "p, q" }\n');
  });

  it('creates missing maps on the way, in the house style', () => {
    expect(setYamlIn('facts:\n  channel: taobao\n', ['facts', 'gift', 'name'], '围巾')).toBe('facts:\n  channel: taobao\n  gift: { name: 围巾 }\n');
  });

  it('removes a block list item with its lines and keeps the comments of the others', () => {
    const text = 'items:\n  # first\n  - id: a\n    n: 1\n  - id: b\n    n: 2\n  - id: c\n    n: 3\n';
    expect(deleteYamlIn(text, ['items', 1])).toBe('items:\n  # first\n  - id: a\n    n: 1\n  - id: c\n    n: 3\n');
  });

  it('appends a block map to a list of block maps', () => {
    const text = 'items:\n  - id: a\n    topics: [x]\n';
    const data = parseYamlData(text) as { items: unknown[] };
    const out = applyYamlData(text, { items: [...(data.items as never[]), { id: 'b', topics: ['y'] }] });
    expect(out).toBe('items:\n  - id: a\n    topics: [x]\n  - id: b\n    topics: [y]\n');
  });

  it('removes the last pair of a flow map with the comma before it', () => {
    expect(deleteYamlIn('a: { b: 1, c: 2 }\n', ['a', 'c'])).toBe('a: { b: 1 }\n');
    expect(deleteYamlIn('a: { b: 1 }\n', ['a', 'b'])).toBe('a: {}\n');
  });

  it('refuses text that is not YAML', () => {
    expect(() => setYamlIn('a: [\n', ['a'], 1)).toThrow(YamlEditError);
  });

  it('renders new documents with block maps on top and flow maps below', () => {
    expect(renderYamlDocument({ title: 'T', topics: ['a', 'b'], facts: { order: { price: 3, paidAt: '2025-09-01' } } }, ['注释'])).toBe(
      '# 注释\ntitle: T\ntopics: [a, b]\nfacts:\n  order: { price: 3, paidAt: "2025-09-01" }\n',
    );
  });
});
