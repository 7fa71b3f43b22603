import { globalRegistry, type z } from 'zod';
import type { ZodMiniType } from 'zod/mini';

/** A schema written with zod or zod/mini (the fact model): both share zod's core, whose `def` this module reads. */
export type AnySchema = z.ZodType | ZodMiniType;
interface Def {
  readonly type: string;
  readonly innerType?: AnySchema;
  readonly in?: AnySchema;
  readonly element?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly options?: readonly AnySchema[];
  readonly valueType?: AnySchema;
}

const defOf = (schema: AnySchema): Def => schema.def as unknown as Def;

/** Strips optional/nullable/default/prefault wrappers and the input side of pipes, down to the schema that shapes the value. */
export function unwrapSchema(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** True when the field may be left out (optional, or filled in by a default). */
export function isOptionalField(schema: AnySchema): boolean {
  const { type } = defOf(schema);
  return type === 'optional' || type === 'default' || type === 'prefault';
}

/** The default a field falls back to when it is left out, or undefined when there is none. */
export function defaultOf(schema: AnySchema): unknown {
  let current: AnySchema | undefined = schema;
  while (current) {
    const def = defOf(current) as Def & { defaultValue?: unknown };
    if (def.type === 'default') return def.defaultValue;
    current = def.innerType;
  }
  return undefined;
}

/** The author-facing `.describe()` text nearest to the field, looking through wrappers. */
export function descriptionOf(schema: AnySchema): string | undefined {
  let current: AnySchema | undefined = schema;
  while (current) {
    const description = globalRegistry.get(current)?.description;
    if (description) return description;
    const def = defOf(current);
    current = def.type === 'pipe' ? def.in : def.innerType;
  }
  return undefined;
}

/** The fields of an object schema (after unwrapping), or undefined for anything else. */
export function fieldsOf(schema: AnySchema): Readonly<Record<string, AnySchema>> | undefined {
  const def = defOf(unwrapSchema(schema));
  return def.type === 'object' ? def.shape : undefined;
}

/** The allowed values of an enum or a union of literals, or undefined when the field is not a closed choice. */
export function choicesOf(schema: AnySchema): readonly unknown[] | undefined {
  const def = defOf(unwrapSchema(schema));
  if (def.type === 'enum' && def.entries) return Object.values(def.entries);
  if (def.type === 'literal') return def.values;
  if (def.type === 'union' && def.options) {
    const values = def.options.map((option) => choicesOf(option));
    return values.every((value) => value !== undefined) ? values.flat() as unknown[] : undefined;
  }
  return undefined;
}

/** The kind of value a field holds, for scaffolds and messages. */
export function valueKindOf(schema: AnySchema): 'object' | 'array' | 'time' | 'string' | 'number' | 'boolean' | 'choice' | 'unknown' {
  const inner = unwrapSchema(schema);
  if (choicesOf(inner)) return 'choice';
  const { type } = defOf(inner);
  // Fact times are strings piped into a transform that reads Beijing time.
  if (type === 'string' && hasPipe(schema)) return 'time';
  if (type === 'object' || type === 'array' || type === 'string' || type === 'number' || type === 'boolean') return type;
  return 'unknown';
}

function hasPipe(schema: AnySchema): boolean {
  let current: AnySchema | undefined = schema;
  while (current) {
    const def = defOf(current);
    if (def.type === 'pipe') return true;
    current = def.innerType;
  }
  return false;
}

/**
 * The schema of the field at `path` (dotted; array indexes allowed), or undefined when the schema has no such field.
 * Records are read through to their value schema; a union to the first member that has the rest of the path.
 */
export function schemaAt(root: AnySchema, path: readonly (string | number)[]): AnySchema | undefined {
  let current: AnySchema = root;
  for (const [index, segment] of path.entries()) {
    const inner = unwrapSchema(current);
    const def = defOf(inner);
    if (def.type === 'union' && def.options) {
      const rest = path.slice(index);
      return def.options.map((option) => schemaAt(option, rest)).find((found) => found !== undefined);
    }
    if (def.type === 'array' && def.element && /^\d+$/.test(String(segment))) {
      current = def.element;
      continue;
    }
    if (def.type === 'record' && def.valueType) {
      current = def.valueType;
      continue;
    }
    const next = def.type === 'object' ? def.shape?.[String(segment)] : undefined;
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/**
 * The fields an object written at a schema may have: the object's own, or for a union of objects, those of the
 * member that shares the most keys with `written` (the member the author evidently meant).
 */
export function fieldsFor(schema: AnySchema, written: unknown): Readonly<Record<string, AnySchema>> | undefined {
  const def = defOf(unwrapSchema(schema));
  if (def.type !== 'union' || !def.options) return fieldsOf(schema);
  const keys = written !== null && typeof written === 'object' ? Object.keys(written) : [];
  let best: Readonly<Record<string, AnySchema>> | undefined;
  let bestShared = -1;
  for (const option of def.options) {
    const fields = fieldsOf(option);
    const shared = fields ? keys.filter((key) => key in fields).length : -1;
    if (fields && shared > bestShared) [best, bestShared] = [fields, shared];
  }
  return best;
}
