import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair } from 'yaml';

/**
 * Editing hand-written YAML without rewriting it. The studio's files are the source of truth, and people diff and
 * review them: saving an unchanged file must give back the same bytes, and an edit must touch only what changed.
 * `yaml`'s `Document.toString()` cannot promise that here (the content mixes `[a, b]` with `{ a: 1 }` padding, which
 * one `flowCollectionPadding` setting cannot reproduce), so edits are *splices*: the `yaml` parser locates the node
 * an edit addresses and only that node's source text is replaced. Comments, key order, quoting and blank lines outside
 * the edited node are untouched by construction; every result is parsed again and compared with the intended data.
 */

/** A JSON-like value as YAML content holds it (the core schema: timestamps stay strings). */
export type YamlValue = null | boolean | number | string | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** A path into a YAML document: map keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** Why an edit could not be applied (the text is never half-edited: the caller keeps the original). */
export class YamlEditError extends Error {
  override readonly name = 'YamlEditError';
}

/** Lines longer than this become block collections in new text; hand-written facts groups run to ~215 characters. */
const FLOW_WIDTH = 220;

const TIMESTAMP_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Parses YAML text to plain data with the core schema (unquoted dates stay strings, as the studio edits text). */
export function parseYamlData(text: string): YamlValue {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) throw new YamlEditError(`YAML cannot be read: ${doc.errors[0]!.message}`);
  return (doc.toJS() ?? null) as YamlValue;
}

/**
 * Rewrites `text` so that it holds `target`, changing only the nodes whose values differ: maps are compared key by
 * key (a new key goes after the existing key the target puts before it, else after the last one; removed keys are
 * cut out with their lines), lists of the same length item by item, anything else is replaced whole. `applyYamlData(text, parseYamlData(text)) === text`.
 * @throws YamlEditError when the text is not valid YAML or a splice would not produce `target`.
 */
export function applyYamlData(text: string, target: YamlValue): string {
  let current = text;
  // One splice per pass keeps every range valid: each pass re-parses the text the previous splice produced.
  for (let pass = 0; pass < 10_000; pass++) {
    const doc = parseStrict(current);
    const have = (doc.toJS() ?? null) as YamlValue;
    const edit = firstEdit(doc, current, [], have, target);
    if (!edit) {
      // The check that every splice did what it meant: the text as parsed now must be the target.
      if (!deepEqual(have, target)) throw new YamlEditError('the edited YAML does not hold the intended data');
      return current;
    }
    current = current.slice(0, edit.start) + edit.insert + current.slice(edit.end);
  }
  throw new YamlEditError('too many edits');
}

/** Sets one value (creating missing maps on the way) and returns the new text; see {@link applyYamlData}. */
export function setYamlIn(text: string, path: YamlPath, value: YamlValue): string {
  return applyYamlData(text, setIn(parseYamlData(text), path, value));
}

/** Removes the value at `path` (a map key or a list item) and returns the new text; no-op when it is absent. */
export function deleteYamlIn(text: string, path: YamlPath): string {
  return applyYamlData(text, deleteIn(parseYamlData(text), path));
}

/**
 * YAML for a new file in the style people write here: block maps at the top two levels, small collections inline
 * (`topics: [a, b]`, `order: { paidAt: "…", price: 399 }`), list items that hold lists, lists of maps and maps of
 * maps as blocks, times quoted.
 * `header` lines become leading `# ` comments.
 */
export function renderYamlDocument(value: YamlValue, header: readonly string[] = []): string {
  const lines = header.map((line) => `# ${line}`.trimEnd());
  if (isPlainMap(value)) lines.push(...blockMapLines(value, 0, 0));
  else if (Array.isArray(value)) lines.push(...blockSeqLines(value, 0, 0));
  else lines.push(scalarText(value, false));
  return `${lines.join('\n')}\n`;
}

// ——— the diff: the first splice that brings the text closer to the target ———

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

function parseStrict(text: string): Document {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) throw new YamlEditError(`YAML cannot be read: ${doc.errors[0]!.message}`);
  return doc;
}

function firstEdit(doc: Document, text: string, path: YamlPath, have: YamlValue, want: YamlValue): Splice | undefined {
  if (deepEqual(have, want)) return undefined;
  if (isPlainMap(have) && isPlainMap(want)) {
    for (const key of Object.keys(have)) {
      if (!Object.hasOwn(want, key)) return removePair(doc, text, path, key);
    }
    for (const key of Object.keys(want)) {
      if (!Object.hasOwn(have, key)) return addPair(doc, text, path, key, want[key]!, Object.keys(want).slice(0, Object.keys(want).indexOf(key)).findLast((other) => Object.hasOwn(have, other)));
      const inner = firstEdit(doc, text, [...path, key], have[key]!, want[key]!);
      if (inner) return inner;
    }
    return undefined;
  }
  if (Array.isArray(have) && Array.isArray(want)) {
    if (have.length === want.length) {
      for (let index = 0; index < have.length; index++) {
        const inner = firstEdit(doc, text, [...path, index], have[index]!, want[index]!);
        if (inner) return inner;
      }
      return undefined;
    }
    // Appending to or removing one item from a block list keeps the other items' text; anything else replaces the list.
    const node = nodeAt(doc, path);
    if (isSeq(node) && !node.flow && want.length > have.length && have.every((item, index) => deepEqual(item, want[index]!)) && have.length > 0) {
      return appendSeqItem(text, node, want[have.length]!);
    }
    if (isSeq(node) && !node.flow && want.length === have.length - 1 && want.length > 0) {
      const removed = have.findIndex((_, index) => deepEqual(have.filter((__, other) => other !== index), want));
      if (removed >= 0) return removeSeqItem(text, node, removed);
    }
  }
  return replaceValue(doc, text, path, want);
}

function nodeAt(doc: Document, path: YamlPath): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function pairAt(doc: Document, path: YamlPath, key: string): { map: Node; pair: Pair<Node, Node> } {
  const map = nodeAt(doc, path);
  if (!isMap(map)) throw new YamlEditError(`no map at ${path.join('.')}`);
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  if (!pair) throw new YamlEditError(`no key ${key} at ${path.join('.')}`);
  return { map, pair: pair as Pair<Node, Node> };
}

/** Whether the node at `path` sits inside a flow collection (so new text must be inline and flow-safe). */
function inFlow(doc: Document, path: YamlPath): boolean {
  for (let depth = 0; depth < path.length; depth++) {
    const node = nodeAt(doc, path.slice(0, depth));
    if ((isMap(node) || isSeq(node)) && node.flow) return true;
  }
  return false;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of a node's content, before any trailing line breaks a block node's range may include. */
function contentEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === ' ')) end--;
  return end;
}

function replaceValue(doc: Document, text: string, path: YamlPath, want: YamlValue): Splice {
  if (path.length === 0) {
    const root = doc.contents;
    if (!root || !root.range) return { start: 0, end: text.length, insert: renderYamlDocument(want) };
    return { start: root.range[0], end: contentEnd(text, root), insert: renderYamlDocument(want).trimEnd() };
  }
  const flow = inFlow(doc, path);
  const node = nodeAt(doc, path) as Node | null;
  const parentPath = path.slice(0, -1);
  const parent = nodeAt(doc, parentPath);
  const last = path[path.length - 1]!;
  const inline = flow ? flowText(want, true) : inlineText(want, false);
  const oldScalar = isScalar(node) ? node : undefined;
  if (node?.range && node.range[1] > node.range[0] && (isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow)) && inline !== undefined) {
    const styled = oldScalar && typeof want === 'string' ? keepQuoting(oldScalar.type, want, flow) ?? inline : inline;
    return { start: node.range[0], end: contentEnd(text, node), insert: styled };
  }
  if (isMap(parent)) {
    const { pair } = pairAt(doc, parentPath, String(last));
    const keyStart = pair.key.range![0];
    const indent = columnOf(text, keyStart);
    const colon = text.indexOf(':', pair.key.range![1]);
    const end = pair.value?.range ? Math.max(contentEnd(text, pair.value), colon + 1) : colon + 1;
    return { start: colon + 1, end, insert: afterKey(want, indent, flow) };
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last] as Node | undefined;
    if (!item?.range) throw new YamlEditError(`no item ${last} at ${parentPath.join('.')}`);
    const column = columnOf(text, item.range[0]);
    const insert = flow ? flowText(want, true)! : itemBody(want, column);
    return { start: item.range[0], end: contentEnd(text, item), insert };
  }
  throw new YamlEditError(`cannot replace ${path.join('.')}`);
}

/** Adds `key` after the pair `after` (the key before it in the target's order), or after the last pair. */
function addPair(doc: Document, text: string, path: YamlPath, key: string, value: YamlValue, after?: string): Splice {
  const map = nodeAt(doc, path);
  if (!isMap(map) || map.items.length === 0) {
    // An empty or null map: write the whole map anew.
    return replaceValue(doc, text, path, { [key]: value });
  }
  const previous = after === undefined ? undefined : map.items.find((item) => isScalar(item.key) && String(item.key.value) === after);
  const lastPair = (previous ?? map.items[map.items.length - 1]) as Pair<Node, Node>;
  const lastEnd = lastPair.value?.range ? contentEnd(text, lastPair.value) : text.indexOf(':', lastPair.key.range![1]) + 1;
  if (map.flow) {
    return { start: lastEnd, end: lastEnd, insert: `, ${keyText(key)}: ${flowText(value, true)}` };
  }
  const indent = columnOf(text, (map.items[0] as Pair<Node, Node>).key.range![0]);
  const flow = inFlow(doc, path);
  return { start: lastEnd, end: lastEnd, insert: `\n${' '.repeat(indent)}${keyText(key)}:${afterKey(value, indent, flow)}` };
}

function removePair(doc: Document, text: string, path: YamlPath, key: string): Splice {
  const { map, pair } = pairAt(doc, path, key);
  if (!isMap(map)) throw new YamlEditError('not a map');
  const index = map.items.indexOf(pair);
  const start = pair.key.range![0];
  const end = pair.value?.range ? contentEnd(text, pair.value) : text.indexOf(':', pair.key.range![1]) + 1;
  if (map.flow) {
    if (map.items.length === 1) return { start: map.range![0], end: map.range![1], insert: '{}' };
    if (index < map.items.length - 1) {
      const next = (map.items[index + 1] as Pair<Node, Node>).key.range![0];
      return { start, end: next, insert: '' };
    }
    const previous = map.items[index - 1] as Pair<Node, Node>;
    const previousEnd = previous.value?.range ? contentEnd(text, previous.value) : text.indexOf(':', previous.key.range![1]) + 1;
    return { start: previousEnd, end, insert: '' };
  }
  if (map.items.length === 1 && path.length > 0) return replaceValue(doc, text, path, {});
  // A block pair: its whole lines, from the key's line to the end of its value's last line.
  const from = lineStart(text, start);
  const lineEnd = text.indexOf('\n', end);
  return { start: from, end: lineEnd === -1 ? text.length : lineEnd + 1, insert: '' };
}

function appendSeqItem(text: string, seq: Node & { items: unknown[] }, value: YamlValue): Splice {
  const lastItem = seq.items[seq.items.length - 1] as Node;
  const firstItem = seq.items[0] as Node;
  // The dash sits two columns before a block item's content.
  const dashColumn = columnOf(text, firstItem.range![0]) - 2;
  const end = contentEnd(text, lastItem);
  return { start: end, end, insert: `\n${' '.repeat(dashColumn)}- ${itemBody(value, dashColumn + 2)}` };
}

function removeSeqItem(text: string, seq: Node & { items: unknown[] }, index: number): Splice {
  const item = seq.items[index] as Node;
  const end = contentEnd(text, item);
  const lineEnd = text.indexOf('\n', end);
  return { start: lineStart(text, item.range![0]), end: lineEnd === -1 ? text.length : lineEnd + 1, insert: '' };
}

// ——— rendering new values in the house style ———

function isPlainMap(value: YamlValue | undefined): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyText(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A scalar as YAML: plain when it reads back as the same string (and is safe inside `[]`/`{}` when `flow`), else JSON-quoted. */
function scalarText(value: YamlValue, flow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new YamlEditError('not a scalar');
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const unsafe = TIMESTAMP_LIKE.test(value) || (flow && /[,[\]{}#]/.test(value)) || plain !== value || value !== value.trim() || value === '';
  return unsafe ? JSON.stringify(value) : value;
}

/** The old quoting kept for a new string value where it is still valid. */
function keepQuoting(type: string | undefined, value: string, flow: boolean): string | undefined {
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (type === 'PLAIN' || type === undefined) return scalarText(value, flow);
  return undefined;
}

/** A collection on one line, `{ a: 1 }` / `[a, b]` as written here; undefined when it does not fit or is not flow-able. */
function flowText(value: YamlValue, force = false): string | undefined {
  let text: string;
  if (Array.isArray(value)) text = value.length === 0 ? '[]' : `[${value.map((item) => flowText(item, true)).join(', ')}]`;
  else if (isPlainMap(value)) {
    const entries = Object.entries(value);
    text = entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${keyText(key)}: ${flowText(item, true)}`).join(', ')} }`;
  } else return scalarText(value, true);
  return force || text.length <= FLOW_WIDTH ? text : undefined;
}

/** Scalars and small collections inline; undefined when the value must be a block. */
function inlineText(value: YamlValue, asListItem: boolean): string | undefined {
  if (!Array.isArray(value) && !isPlainMap(value)) return scalarText(value, false);
  // A list item holding a list (an exam blueprint section, a question) reads better as a block.
  if (asListItem && isPlainMap(value) && Object.values(value).some((item) => Array.isArray(item) && item.length > 0)) return undefined;
  if (Array.isArray(value) && value.some((item) => isPlainMap(item) && Object.values(item).some((inner) => Array.isArray(inner)))) return undefined;
  // A list of maps (options, statements, promises) is a block list, one map a line; a map of maps (a template's
  // params, `scenario: { facts: … }`) is a block map, one entry a line: as content/questions writes them.
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainMap)) return undefined;
  if (isPlainMap(value) && Object.keys(value).length > 0 && Object.values(value).every(isPlainMap)) return undefined;
  return flowText(value);
}

/** What follows `key:` for a value whose key sits at column `indent`. */
function afterKey(value: YamlValue, indent: number, flow: boolean): string {
  if (flow) return ` ${flowText(value, true)!}`;
  const inline = inlineText(value, false);
  if (inline !== undefined) return ` ${inline}`;
  const lines = isPlainMap(value) ? blockMapLines(value, indent + 2, indent + 2) : blockSeqLines(value as readonly YamlValue[], indent + 2, indent + 2);
  return `\n${lines.join('\n')}`;
}

/** A list item's text after `- ` (its first line unindented, the rest at `column`). */
function itemBody(value: YamlValue, column: number): string {
  const inline = inlineText(value, true);
  if (inline !== undefined) return inline;
  if (isPlainMap(value)) return blockMapLines(value, column, 0).join('\n');
  return blockSeqLines(value as readonly YamlValue[], column, 0).join('\n');
}

/** A block map's lines at `indent`; the first line is indented by `firstIndent` (0 after `- `). */
function blockMapLines(value: { readonly [key: string]: YamlValue }, indent: number, firstIndent: number): string[] {
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const pad = ' '.repeat(lines.length === 0 ? firstIndent : indent);
    // The top two levels stay blocks (the document and `facts:` / `expected:`), as people write them.
    // Scenario and template `facts:` are blocks at any depth, one fact group a line.
    const block = (indent < 2 && (isPlainMap(item) || (Array.isArray(item) && item.some((entry) => typeof entry === 'object' && entry !== null)))) || (key === 'facts' && isPlainMap(item) && Object.keys(item).length > 0);
    const inline = block ? undefined : inlineText(item, false);
    if (inline !== undefined) lines.push(`${pad}${keyText(key)}: ${inline}`);
    else if (isPlainMap(item)) lines.push(`${pad}${keyText(key)}:`, ...blockMapLines(item, indent + 2, indent + 2));
    else lines.push(`${pad}${keyText(key)}:`, ...blockSeqLines(item as readonly YamlValue[], indent + 2, indent + 2));
  }
  return lines;
}

function blockSeqLines(value: readonly YamlValue[], indent: number, firstIndent: number): string[] {
  // Maps listed right under a top-level key (`items:`, `templates:`, `blueprint:`) are blocks, each key on its line.
  return value.map((item, index) => {
    const pad = ' '.repeat(index === 0 ? firstIndent : indent);
    if (indent <= 2 && isPlainMap(item)) return `${pad}- ${blockMapLines(item, indent + 2, 0).join('\n')}`;
    return `${pad}- ${itemBody(item, indent + 2)}`;
  });
}

// ——— plain-data helpers ———

/** Structural equality of YAML data (key order ignored; it is the text's business). */
export function deepEqual(a: YamlValue | undefined, b: YamlValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainMap(a) && isPlainMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A copy of `data` with `value` at `path`, creating maps on the way. */
export function setIn(data: YamlValue, path: YamlPath, value: YamlValue): YamlValue {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(data) ? [...data] : [];
    list[head] = setIn(list[head] ?? null, rest, value);
    return list;
  }
  const map = isPlainMap(data) ? data : {};
  const inner = setIn(Object.hasOwn(map, head!) ? map[head!]! : null, rest, value);
  // Entries, not assignment: a key named __proto__ stays a key.
  const entries = Object.entries(map);
  return Object.fromEntries(Object.hasOwn(map, head!) ? entries.map(([key, item]) => [key, key === head ? inner : item]) : [...entries, [head!, inner]]);
}

/** A copy of `data` without the value at `path`. */
export function deleteIn(data: YamlValue, path: YamlPath): YamlValue {
  if (path.length === 0) return null;
  const [head, ...rest] = path;
  if (typeof head === 'number' && Array.isArray(data)) {
    if (head >= data.length) return data;
    return rest.length === 0 ? data.filter((_, index) => index !== head) : data.map((item, index) => (index === head ? deleteIn(item, rest) : item));
  }
  if (typeof head === 'string' && isPlainMap(data) && Object.hasOwn(data, head)) {
    if (rest.length === 0) return Object.fromEntries(Object.entries(data).filter(([key]) => key !== head));
    return { ...data, [head]: deleteIn(data[head]!, rest) };
  }
  return data;
}
