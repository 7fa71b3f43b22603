import { mergePatch, ruleHeadById, ruleHeads, type EditionId } from '../../rules/index.ts';
import {
  deriveKey,
  fieldDomain,
  ItemSchema,
  looksLikeReplyItem,
  nearMissAnswers,
  optionText,
  sameAnswer,
  scenarioFacts,
  ScenarioSchema,
  sequenceSteps,
  type AnswerValue,
  type AskedField,
  type ParamSpec,
  type ScenarioContext,
  type Template,
  type TrueFalseItem,
} from '../../quiz/index.ts';
import { draftFromFacts, factsFromDraft, withFieldText, withSection, type Draft } from '../sandbox/fact-draft.ts';
import type { SectionModel } from '../sandbox/fact-form-model.ts';
import type { GateErrorView } from './gate-errors.ts';
import { keyText, optionsOf } from './question-preview.ts';

/** The two lists of a question file. */
export type QuestionList = 'items' | 'templates';

/** What the form offers to add: the item shapes the quiz schema knows, and the two template types. */
export type QuestionKind = 'single' | 'reply' | 'multiple' | 'truefalse' | 'ordering' | 'template-single' | 'template-truefalse';

export const questionKindLabels: Readonly<Record<QuestionKind, string>> = {
  single: '单选题（引擎判定答案）',
  reply: '回复话术题',
  multiple: '多选题',
  truefalse: '判断题',
  ordering: '排序题',
  'template-single': '单选模板',
  'template-truefalse': '判断模板',
};

/** One item or template: its data as written (edited in place), and whether its answer follows the engine. */
export interface QuestionEntry {
  /** Stable within the editor session (ids may be edited or repeated while typing). */
  readonly uid: number;
  readonly data: Readonly<Record<string, unknown>>;
  /** engine: `answer` is the engine's key, written on save; override: the author's `answer`, checked by the gate. */
  readonly answerMode: 'engine' | 'override';
}

/** The facts form of the selected entry, opened on request so untouched facts are never rewritten. */
export interface FactsDraft {
  readonly uid: number;
  readonly draft: Draft;
  /** Paths in the written facts the form cannot show (kept as written unless the form is used). */
  readonly unknownPaths: readonly string[];
}

export interface QuestionFormState {
  readonly path: string;
  readonly isNew: boolean;
  readonly baseVersion: string | null;
  readonly items: readonly QuestionEntry[];
  readonly templates: readonly QuestionEntry[];
  /** Top-level keys of the file other than items/templates, and which lists the file wrote (an absent list stays absent). */
  readonly carried: Readonly<Record<string, unknown>>;
  readonly written: { readonly items: boolean; readonly templates: boolean };
  readonly selected: { readonly list: QuestionList; readonly uid: number } | null;
  readonly facts: FactsDraft | null;
  readonly nextUid: number;
}

export interface QuestionModel {
  readonly kind: 'question';
  readonly data: Record<string, unknown>;
}

type Data = Readonly<Record<string, unknown>>;
export type FieldPath = readonly (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `data` with YAML merge keys (`<<: *base`) applied as the gate reads them: the merged maps first, the entry's own keys
 * over them. The file model keeps `<<` as written so a save does not unfold shared facts.
 */
export function withMergesApplied(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withMergesApplied);
  if (!isRecord(data)) return data;
  const own = Object.fromEntries(Object.entries(data).filter(([key]) => key !== '<<').map(([key, value]) => [key, withMergesApplied(value)]));
  if (!('<<' in data)) return own;
  const sources = (Array.isArray(data['<<']) ? data['<<'] : [data['<<']]).map(withMergesApplied).filter(isRecord);
  return Object.assign({}, ...sources.reverse(), own);
}

/** The kind of an entry as the form shows it. */
export function entryKind(list: QuestionList, data: Data): QuestionKind {
  if (list === 'templates') return data.type === 'truefalse' ? 'template-truefalse' : 'template-single';
  switch (data.type) {
    case 'multiple':
    case 'truefalse':
    case 'ordering':
      return data.type;
    default:
      // A value item always names its `ask`; a reply item never does (a new one has no options to tell by yet).
      return looksLikeReplyItem(data) || !('ask' in data) ? 'reply' : 'single';
  }
}

/** The engine's answer to an item written as `data`, in the shape of its `answer` field, or why there is none. */
export function engineAnswer(
  data: Data,
  context: ScenarioContext,
): { readonly answer: unknown; readonly text: string; readonly rules: readonly { readonly id: string; readonly title: string }[] } | { readonly problem: string } {
  const parsed = ItemSchema.safeParse(withMergesApplied(data));
  if (!parsed.success) return { problem: '题目还没填完整（题干至少 4 个字、至少选一个主题、单选题至少 2 个选项……），内容检查会标出具体位置。' };
  try {
    const key = deriveKey(parsed.data, context);
    const ids = [...new Set(key.rulings.map((ruling) => ruling.decidingRuleId))];
    const rules = ids.map((id) => ({ id, title: ruleHeadById(id)?.title ?? id }));
    return { answer: key.answer, text: keyText(key, optionsOf(parsed.data, context)), rules };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The editor's state for a question file's model. An item whose written answer is the engine's follows the engine;
 * one whose answer the engine cannot check or disagrees with is the author's override (the gate reports it).
 */
export function questionFormState(file: { path: string; version: string | null; model: { data: unknown } }, context: ScenarioContext): QuestionFormState {
  const data = isRecord(file.model.data) ? file.model.data : {};
  let uid = 0;
  const entries = (list: QuestionList): QuestionEntry[] =>
    (Array.isArray(data[list]) ? (data[list] as unknown[]) : []).map((raw) => {
      const entry = isRecord(raw) ? raw : {};
      const engine = list === 'items' ? engineAnswer(entry, context) : undefined;
      const follows = list === 'templates' || (engine !== undefined && 'answer' in engine && JSON.stringify(engine.answer) === JSON.stringify(entry.answer));
      return { uid: uid++, data: entry, answerMode: follows ? 'engine' : 'override' };
    });
  const items = entries('items');
  const templates = entries('templates');
  const carried = Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'items' && key !== 'templates'));
  const first = items[0] ? { list: 'items' as const, uid: items[0].uid } : templates[0] ? { list: 'templates' as const, uid: templates[0].uid } : null;
  return {
    path: file.path,
    isNew: file.version === null,
    baseVersion: file.version,
    items,
    templates,
    carried,
    written: { items: 'items' in data, templates: 'templates' in data },
    selected: first,
    facts: null,
    nextUid: uid,
  };
}

const today = '2025-10-01';

/** A new entry of `kind`, keys in the order content/questions writes them. */
export function newEntryData(kind: QuestionKind, id: string): Record<string, unknown> {
  const head = { id, type: kind === 'reply' || kind === 'template-single' ? 'single' : kind === 'template-truefalse' ? 'truefalse' : kind, topics: [] as string[], difficulty: 1, stem: '' };
  const facts = { channel: 'taobao', order: { paidAt: `${today} 10:00`, price: 199 } };
  switch (kind) {
    case 'single':
      return { ...head, scenario: { facts }, ask: 'resolution', options: [], answer: 0 };
    case 'reply':
      return { ...head, scenario: { facts }, options: [], answer: 0 };
    case 'multiple':
      return { ...head, scenario: { facts }, statements: [], answer: [] };
    case 'truefalse':
      return { ...head, scenario: { facts }, claim: { ask: 'resolution', equals: 'return-and-refund' }, labels: '正确错误', answer: true };
    case 'ordering':
      return { ...head, sequence: 'service-flow', answer: [] };
    case 'template-single':
      return { ...head, params: {}, facts, ask: 'resolution' };
    case 'template-truefalse':
      return { ...head, params: {}, facts, claim: { ask: 'resolution', equals: 'return-and-refund' } };
  }
}

/** The order content/questions writes an entry's keys in; a key the form adds goes to its place in it. */
const ENTRY_KEY_ORDER = ['id', 'type', 'topics', 'difficulty', 'exam', 'stem', 'scenario', 'sequence', 'params', 'facts', 'edition', 'ask', 'claim', 'options', 'statements', 'labels', 'answer', 'explanation'];

/** `record` with `key` set: an existing key keeps its place, a new one goes after the last key ENTRY_KEY_ORDER puts before it. */
function withEntryKey(record: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  if (key in record || !ENTRY_KEY_ORDER.includes(key)) return { ...record, [key]: value };
  const rank = ENTRY_KEY_ORDER.indexOf(key);
  const entries = Object.entries(record);
  const before = entries.filter(([other]) => ENTRY_KEY_ORDER.includes(other) && ENTRY_KEY_ORDER.indexOf(other) < rank).map(([other]) => other);
  const at = before.length === 0 ? 0 : entries.findIndex(([other]) => other === before[before.length - 1]) + 1;
  return Object.fromEntries([...entries.slice(0, at), [key, value], ...entries.slice(at)]);
}

/** `data` with the value at `path` replaced; `undefined` removes the key (or list element). Keys keep their order. */
export function setAt(data: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(data) ? [...(data as unknown[])] : [];
    const next = setAt(list[head], rest, value);
    if (next === undefined && rest.length === 0) list.splice(head, 1);
    else list[head] = next;
    return list;
  }
  const record: Record<string, unknown> = isRecord(data) ? { ...data } : {};
  const next = setAt(record[head!], rest, value);
  if (next === undefined) delete record[head!];
  else record[head!] = next;
  return record;
}

/** The value at `path`, undefined when any step is missing. */
export function getAt(data: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((value, segment) => (value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined), data);
}

/** What a case-based scenario's `patch` must hold so that `mergePatch(base, patch)` gives `facts` (null removes). */
export function factsPatch(base: unknown, facts: unknown): Record<string, unknown> {
  const from = isRecord(base) ? base : {};
  const to = isRecord(facts) ? facts : {};
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(to)) {
    const old = from[key];
    if (isRecord(old) && isRecord(value)) {
      const inner = factsPatch(old, value);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (JSON.stringify(old) !== JSON.stringify(value)) patch[key] = value;
  }
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

export type QuestionFormAction =
  | { readonly type: 'select'; readonly list: QuestionList; readonly uid: number }
  | { readonly type: 'add'; readonly kind: QuestionKind; readonly id: string }
  | { readonly type: 'duplicate'; readonly list: QuestionList; readonly uid: number }
  | { readonly type: 'remove'; readonly list: QuestionList; readonly uid: number }
  | { readonly type: 'move'; readonly list: QuestionList; readonly uid: number; readonly by: -1 | 1 }
  | { readonly type: 'set'; readonly list: QuestionList; readonly uid: number; readonly path: FieldPath; readonly value: unknown }
  | { readonly type: 'answerMode'; readonly uid: number; readonly mode: 'engine' | 'override' }
  /** Opens the facts form on an item's scenario: `base` is the referenced case's facts (case-based scenarios). */
  | { readonly type: 'openFacts'; readonly uid: number; readonly base: unknown }
  | { readonly type: 'fact'; readonly path: string; readonly text: string; readonly base: unknown }
  | { readonly type: 'factSection'; readonly path: string; readonly isPresent: boolean; readonly base: unknown }
  | { readonly type: 'saved'; readonly version: string }
  | { readonly type: 'rebase'; readonly version: string }
  | { readonly type: 'replace'; readonly state: QuestionFormState };

function listOf(state: QuestionFormState, list: QuestionList): readonly QuestionEntry[] {
  return list === 'items' ? state.items : state.templates;
}

function withList(state: QuestionFormState, list: QuestionList, entries: readonly QuestionEntry[]): QuestionFormState {
  return list === 'items' ? { ...state, items: entries } : { ...state, templates: entries };
}

function mapEntry(state: QuestionFormState, list: QuestionList, uid: number, change: (entry: QuestionEntry) => QuestionEntry): QuestionFormState {
  return withList(state, list, listOf(state, list).map((entry) => (entry.uid === uid ? change(entry) : entry)));
}

/** An id not yet used in the file: `<id>-copy`, `<id>-copy-2`, … */
function freshId(state: QuestionFormState, id: string): string {
  const used = new Set([...state.items, ...state.templates].map((entry) => entry.data.id));
  let candidate = `${id}-copy`;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-copy-${n}`;
  return candidate;
}

/** The facts an item's scenario stands for after a facts-form edit: `scenario.facts`, or `scenario.patch` over the case. */
function withDraftFacts(state: QuestionFormState, form: SectionModel, draft: Draft, base: unknown): QuestionFormState {
  const open = state.facts;
  if (!open) return state;
  const next = { ...state, facts: { ...open, draft } };
  const { facts } = factsFromDraft(form, draft);
  return mapEntry(next, 'items', open.uid, (entry) => {
    const scenario = isRecord(entry.data.scenario) ? entry.data.scenario : {};
    if (typeof scenario.case === 'string') {
      const patch = factsPatch(base, facts);
      return { ...entry, data: setAt(entry.data, ['scenario', 'patch'], Object.keys(patch).length > 0 ? patch : undefined) as Data };
    }
    return { ...entry, data: setAt(entry.data, ['scenario', 'facts'], facts) as Data };
  });
}

/** The editor's reducer over the sandbox's fact form model: pure, so the island only renders and dispatches. */
export function questionFormReducer(form: SectionModel) {
  return (state: QuestionFormState, action: QuestionFormAction): QuestionFormState => {
    switch (action.type) {
      case 'select':
        return { ...state, selected: { list: action.list, uid: action.uid }, facts: state.facts?.uid === action.uid ? state.facts : null };
      case 'add': {
        const list: QuestionList = action.kind.startsWith('template-') ? 'templates' : 'items';
        const entry: QuestionEntry = { uid: state.nextUid, data: newEntryData(action.kind, action.id), answerMode: 'engine' };
        return { ...withList(state, list, [...listOf(state, list), entry]), selected: { list, uid: entry.uid }, facts: null, nextUid: state.nextUid + 1 };
      }
      case 'duplicate': {
        const entries = listOf(state, action.list);
        const index = entries.findIndex((entry) => entry.uid === action.uid);
        if (index < 0) return state;
        const original = entries[index]!;
        const copy: QuestionEntry = { ...original, uid: state.nextUid, data: { ...structuredClone(original.data), id: freshId(state, String(original.data.id ?? 'q')) } };
        const next = [...entries.slice(0, index + 1), copy, ...entries.slice(index + 1)];
        return { ...withList(state, action.list, next), selected: { list: action.list, uid: copy.uid }, facts: null, nextUid: state.nextUid + 1 };
      }
      case 'remove': {
        const entries = listOf(state, action.list);
        const index = entries.findIndex((entry) => entry.uid === action.uid);
        if (index < 0) return state;
        const next = entries.filter((entry) => entry.uid !== action.uid);
        const neighbour = next[Math.min(index, next.length - 1)];
        const selected = state.selected?.uid === action.uid ? (neighbour ? { list: action.list, uid: neighbour.uid } : null) : state.selected;
        return { ...withList(state, action.list, next), selected, facts: state.facts?.uid === action.uid ? null : state.facts };
      }
      case 'move': {
        const entries = [...listOf(state, action.list)];
        const index = entries.findIndex((entry) => entry.uid === action.uid);
        const target = index + action.by;
        if (index < 0 || target < 0 || target >= entries.length) return state;
        [entries[index], entries[target]] = [entries[target]!, entries[index]!];
        return withList(state, action.list, entries);
      }
      case 'set': {
        const [key] = action.path;
        return mapEntry(state, action.list, action.uid, (entry) => {
          if (action.path.length === 1 && typeof key === 'string' && action.value !== undefined) return { ...entry, data: withEntryKey(entry.data, key, action.value) };
          const base = typeof key === 'string' && action.path.length > 1 && !(key in entry.data) ? withEntryKey(entry.data, key, {}) : entry.data;
          return { ...entry, data: setAt(base, action.path, action.value) as Data };
        });
      }
      case 'answerMode':
        return mapEntry(state, 'items', action.uid, (entry) => ({ ...entry, answerMode: action.mode }));
      case 'openFacts': {
        const entry = state.items.find((candidate) => candidate.uid === action.uid);
        if (!entry) return state;
        const scenario = withMergesApplied(entry.data.scenario);
        if (!isRecord(scenario)) return state;
        const facts = typeof scenario.case === 'string' ? mergePatch(action.base, scenario.patch) : scenario.facts;
        const { draft, unknownPaths } = draftFromFacts(form, facts ?? {});
        return { ...state, facts: { uid: action.uid, draft, unknownPaths } };
      }
      case 'fact':
        return state.facts ? withDraftFacts(state, form, withFieldText(state.facts.draft, action.path, action.text), action.base) : state;
      case 'factSection':
        return state.facts ? withDraftFacts(state, form, withSection(state.facts.draft, action.path, action.isPresent), action.base) : state;
      case 'saved':
        return { ...state, baseVersion: action.version, isNew: false };
      case 'rebase':
        return { ...state, baseVersion: action.version };
      case 'replace':
        return action.state;
    }
  };
}

/**
 * The content model a save sends. An item following the engine gets the engine's key as its `answer` (so no
 * hand-entered key can disagree); one the engine cannot key yet keeps what it has, and the gate says why. `keyOf` is
 * `engineAnswer` of the entry's data (the island passes a memoised one: entries keep their data object until edited).
 */
export function questionModel(state: QuestionFormState, context: ScenarioContext, keyOf: (entry: QuestionEntry) => ReturnType<typeof engineAnswer> = (entry) => engineAnswer(entry.data, context)): QuestionModel {
  const items = state.items.map((entry) => {
    if (entry.answerMode !== 'engine') return entry.data;
    const engine = keyOf(entry);
    if (!('answer' in engine) || JSON.stringify(engine.answer) === JSON.stringify(entry.data.answer)) return entry.data;
    return setAt(entry.data, ['answer'], engine.answer);
  });
  const data: Record<string, unknown> = { ...state.carried };
  if (state.written.items || items.length > 0) data.items = items;
  if (state.written.templates || state.templates.length > 0) data.templates = state.templates.map((entry) => entry.data);
  return { kind: 'question', data };
}

/** A wrong option the engine suggests: a near miss (one fact moved a step changes the answer to it) or another value of the field. */
export interface SuggestedDistractor {
  readonly value: AnswerValue;
  readonly text: string;
  readonly nearMiss: boolean;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/**
 * Near-miss distractors for a value single-choice item: the item's facts read as a one-point template (each boolean,
 * whole number and time a parameter), so the quiz module's `nearMissAnswers` — what template variants draw their
 * distractors from — moves one fact at a time (a boolean flipped, a number ±1, a time ±1 minute and ±1 day) and
 * keeps the answers that differ from the key. Then the field's other values. Options already written are left out.
 */
export function suggestedDistractors(data: Data, context: ScenarioContext, limit = 6): SuggestedDistractor[] {
  const ask = data.ask as AskedField | undefined;
  if (typeof ask !== 'string' || !isRecord(data.scenario)) return [];
  const engine = engineKeyValue(data, context);
  if (engine === undefined) return [];
  const written = (Array.isArray(data.options) ? data.options : []).map((option) => (isRecord(option) ? (option.value as AnswerValue) : undefined));
  const found: SuggestedDistractor[] = [];
  const add = (value: AnswerValue, nearMiss: boolean) => {
    if (sameAnswer(value, engine.key) || written.some((other) => other !== undefined && sameAnswer(other, value)) || found.some((other) => sameAnswer(other.value, value))) return;
    found.push({ value, text: optionText(ask, value), nearMiss });
  };
  for (const step of [1, 24 * 60]) {
    const { facts, params, specs } = asOnePointTemplate(engine.facts, step);
    const template: Template = { id: 't-item', type: 'single', topics: ['seven-day'], difficulty: 1, exam: false, stem: '····', params: specs, facts, edition: engine.edition, ask, labels: '正确错误' };
    for (const value of nearMissAnswers(template, params, engine.key, context)) add(value, true);
  }
  for (const value of fieldDomain(ask)) add(value, false);
  return found.slice(0, limit);
}

/**
 * What the engine decides a value single-choice item's `ask` is, in an option's words, whether or not the options
 * are complete yet: the key shows from the moment the scenario is.
 */
export function engineValueText(data: Data, context: ScenarioContext): string | undefined {
  if (typeof data.ask !== 'string') return undefined;
  const engine = engineKeyValue(data, context);
  return engine === undefined ? undefined : optionText(data.ask as AskedField, engine.key);
}

/** The engine's value of the item's `ask` for its scenario, with the facts and edition it was decided on. */
function engineKeyValue(data: Data, context: ScenarioContext): { key: AnswerValue; facts: unknown; edition: EditionId } | undefined {
  try {
    const scenario = ScenarioSchema.parse(withMergesApplied(data.scenario));
    const { facts, edition } = scenarioFacts(scenario, context);
    const claim = { ask: data.ask as AskedField, equals: null };
    const probe: TrueFalseItem = { id: 'probe', type: 'truefalse', topics: ['seven-day'], difficulty: 1, exam: false, stem: '····', scenario, claim, labels: '正确错误', answer: true };
    const key = deriveKey(probe, context);
    return key.type === 'truefalse' ? { key: key.value, facts, edition } : undefined;
  } catch {
    return undefined;
  }
}

/** Facts with every boolean, whole number and time replaced by a `{{pN}}` placeholder, and the parameters that draw them. */
function asOnePointTemplate(facts: unknown, stepMinutes: number): { facts: unknown; params: Record<string, string | number | boolean>; specs: Record<string, ParamSpec> } {
  const params: Record<string, string | number | boolean> = {};
  const specs: Record<string, ParamSpec> = {};
  const visit = (value: unknown): unknown => {
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner)]));
    if (Array.isArray(value)) return value;
    const name = `p${Object.keys(params).length}`;
    if (typeof value === 'boolean') specs[name] = { oneOf: [value, !value] };
    else if (typeof value === 'number' && Number.isInteger(value)) specs[name] = { int: [value - 1, value + 1] };
    else if (typeof value === 'string' && TIME.test(value)) specs[name] = { time: [value, value], stepMinutes };
    else return value;
    params[name] = value;
    return `{{${name}}}`;
  };
  return { facts: visit(facts), params, specs };
}

/** The options of a value single-choice item as a list of { value, text }, and the steps of an ordering item. */
export function orderingSteps(data: Data, context: ScenarioContext): readonly string[] {
  return data.sequence === 'service-flow' || data.sequence === 'negotiation-ladder' ? sequenceSteps(data.sequence, context.shopPolicy) : [];
}

/**
 * The values a select offers for a value of `ask`: rule ids for the deciding rule (and a shop rule's yielding), the
 * field's small domain plus null (不适用 / 不涉及) otherwise; empty when the value is typed (times, amounts, names).
 */
export function valueChoices(ask: string): readonly AnswerValue[] {
  if (ask === 'decidingRule') return [...ruleHeads.keys()];
  if (ask.startsWith('sop.yieldsTo:')) return [null, ...ruleHeads.keys()];
  const domain = fieldDomain(ask as AskedField);
  return domain.length > 0 ? [...domain, null] : [];
}

/**
 * A value typed in a field that holds a claim's or option's value: true/false/null and numbers as such, anything else
 * as text (times stay strings).
 */
export function answerFromText(text: string): AnswerValue {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed === 'null') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/** How `answerFromText` would show a value again. */
export function answerToText(value: unknown): string {
  return value === null ? 'null' : value === undefined ? '' : String(value);
}

/** Errors of the content gate placed at the entry (`items[3]` → items#3) and the field (`answer`, `options[1].value`, …). */
export interface PlacedQuestionErrors {
  /** `items:3` / `templates:0` → the entry's errors, each with the field below the entry (`answer`, `stem`, …). */
  readonly entries: ReadonlyMap<string, readonly { readonly field: string; readonly error: GateErrorView }[]>;
  readonly other: readonly GateErrorView[];
}

/** Puts each gate error at the entry and field it is about; errors in other files or about the whole file go to `other`. */
export function placeQuestionErrors(errors: readonly GateErrorView[], path: string): PlacedQuestionErrors {
  const entries = new Map<string, { field: string; error: GateErrorView }[]>();
  const other: GateErrorView[] = [];
  for (const error of errors) {
    const match = /^(items|templates)\[(\d+)\]\.?(.*)$/.exec(error.field);
    if ((error.path === undefined || error.path === path) && match) {
      const key = `${match[1]}:${match[2]}`;
      entries.set(key, [...(entries.get(key) ?? []), { field: match[3] ?? '', error }]);
    } else other.push(error);
  }
  return { entries, other };
}
