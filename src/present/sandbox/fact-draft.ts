import { parseBeijingTime } from '../../rules/index.ts';
import type { FieldModel, SectionModel } from './fact-form-model.ts';

/**
 * What the sandbox form holds: the text of every field as typed, and which optional sections are present.
 * An empty text means the fact is ABSENT (never false or zero); facts are rebuilt from the draft on every change.
 */
export interface Draft {
  /** Field path → text as typed; missing or '' = absent. */
  readonly values: Readonly<Record<string, string>>;
  /** Paths of the optional sections that are present. Required sections are always present. */
  readonly sections: readonly string[];
}

export interface FieldError {
  readonly path: string;
  /** What is wrong, in Chinese, ending with how to fix it. */
  readonly message: string;
}

export type ParsedValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const ABSENT: ParsedValue = { ok: true, value: undefined };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Turns what was typed into a fact value. Returns `value: undefined` for an empty field (the fact is absent), or a
 * Chinese message when the text cannot be the field's kind of value. Times stay the text the author typed: the
 * engine reads Beijing-time strings itself, and copying the facts gives back what was typed.
 */
export function parseFieldText(field: FieldModel, text: string): ParsedValue {
  const trimmed = text.trim();
  if (trimmed === '') return ABSENT;
  switch (field.kind) {
    case 'boolean':
      if (trimmed === 'true' || trimmed === 'false') return { ok: true, value: trimmed === 'true' };
      return { ok: false, message: '请选择“是”或“否”，不确定就选“不填”。' };
    case 'enum':
      if (field.options.some((option) => option.value === trimmed)) return { ok: true, value: trimmed };
      return { ok: false, message: `“${trimmed}”不是可选的值，请从列表里选择。` };
    case 'time':
      if (parseBeijingTime(trimmed) !== null) return { ok: true, value: trimmed };
      return { ok: false, message: `“${trimmed}”不是有效的北京时间：请写成“YYYY-MM-DD HH:mm”，例如“2025-09-01 14:30”。` };
    case 'number': {
      const normalised = trimmed.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
      if (!NUMBER.test(normalised)) return { ok: false, message: `“${trimmed}”不是数字：请只填阿拉伯数字，例如 399 或 12.5。` };
      const value = Number(normalised);
      if (field.min && (field.min.inclusive ? value < field.min.value : value <= field.min.value)) {
        return { ok: false, message: field.min.inclusive ? '不能是负数。' : '必须大于 0。' };
      }
      return { ok: true, value };
    }
    case 'text':
      return { ok: true, value: trimmed };
  }
}

/** The text a form shows for a fact value read from a case (the inverse of parseFieldText). */
function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface DraftFromFacts {
  readonly draft: Draft;
  /** Paths in the case's facts that the fact model does not know; the form cannot show them. */
  readonly unknownPaths: readonly string[];
}

/** The draft that shows `facts` (a case's frontmatter facts, times as Beijing strings). */
export function draftFromFacts(model: SectionModel, facts: unknown): DraftFromFacts {
  const values: Record<string, string> = {};
  const sections: string[] = [];
  const unknownPaths: string[] = [];
  const visit = (section: SectionModel, data: Record<string, unknown>) => {
    const known = new Set([...section.fields.map((f) => f.path), ...section.sections.map((s) => s.path)]);
    for (const key of Object.keys(data)) {
      const path = section.path ? `${section.path}.${key}` : key;
      if (!known.has(path)) unknownPaths.push(path);
    }
    for (const field of section.fields) {
      const value = data[field.path.slice(field.path.lastIndexOf('.') + 1)];
      if (value !== undefined) values[field.path] = fieldText(value);
    }
    for (const child of section.sections) {
      const value = data[child.path.slice(child.path.lastIndexOf('.') + 1)];
      if (isRecord(value)) {
        if (child.optional) sections.push(child.path);
        visit(child, value);
      } else if (value !== undefined) unknownPaths.push(child.path);
    }
  };
  visit(model, isRecord(facts) ? facts : {});
  return { draft: { values, sections }, unknownPaths };
}

export interface FactsFromDraft {
  /** The scenario as decide() takes it; only present sections and non-empty fields appear. */
  readonly facts: Record<string, unknown>;
  /** Fields whose text could not be read; while there are any, the sandbox does not decide. */
  readonly errors: readonly FieldError[];
}

/** Rebuilds the facts from the draft. */
export function factsFromDraft(model: SectionModel, draft: Draft): FactsFromDraft {
  const present = new Set(draft.sections);
  const errors: FieldError[] = [];
  const build = (section: SectionModel): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    for (const field of section.fields) {
      const parsed = parseFieldText(field, draft.values[field.path] ?? '');
      if (!parsed.ok) errors.push({ path: field.path, message: parsed.message });
      else if (parsed.value !== undefined) object[field.path.slice(field.path.lastIndexOf('.') + 1)] = parsed.value;
    }
    for (const child of section.sections) {
      if (child.optional && !present.has(child.path)) continue;
      object[child.path.slice(child.path.lastIndexOf('.') + 1)] = build(child);
    }
    return object;
  };
  return { facts: build(model), errors };
}

/** The draft with one field's text replaced. */
export function withFieldText(draft: Draft, path: string, text: string): Draft {
  return { ...draft, values: { ...draft.values, [path]: text } };
}

/**
 * The draft with an optional section added or removed. Removing keeps the typed texts, so adding the section back
 * restores them; facts are only ever built from present sections.
 */
export function withSection(draft: Draft, path: string, isPresent: boolean): Draft {
  const others = draft.sections.filter((section) => section !== path);
  return { ...draft, sections: isPresent ? [...others, path] : others };
}
