import type { z } from 'zod';
import { globalRegistry, type ZodMiniType } from 'zod/mini';
import { FactsSchema } from './facts.ts';

// The fact model is written with zod/mini (light in the sandbox island); authoring schemas with zod: both share zod's core.
type AnySchema = z.ZodType | ZodMiniType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function descriptionOf(schema: AnySchema): string | undefined {
  let current: AnySchema | undefined = schema;
  while (current) {
    const description = globalRegistry.get(current)?.description;
    if (description) return description;
    const def = current.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    current = def.type === 'pipe' ? def.in : def.innerType;
  }
  return undefined;
}

/** The schema node for a dotted fact path, or undefined when no such fact exists in the model. */
export function factSchema(path: string): AnySchema | undefined {
  let current: AnySchema = FactsSchema;
  for (const segment of path.split('.')) {
    const node = unwrap(current) as AnySchema & { shape?: Record<string, AnySchema> };
    const next = node.shape?.[segment];
    if (!next) return undefined;
    current = next;
  }
  return current;
}

/** The author-facing description of a fact (Chinese), as written in the fact model. */
export function describeFact(path: string): string | undefined {
  const schema = factSchema(path);
  return schema ? descriptionOf(schema) : undefined;
}

/** True for facts written as Beijing-time strings and held as Instants (e.g. `order.paidAt`). */
export function isTimeFact(path: string): boolean {
  let current = factSchema(path);
  while (current) {
    const def = current.def as { type: string; innerType?: AnySchema };
    if (def.type === 'pipe') return true;
    current = def.innerType;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The Chinese name a description gives an enum value ("none 非到付" → 非到付), or undefined when it does not name it.
 * The fact model writes every enum value as `value 名称；value 名称。`, introduced after "：", "；" or a space, so
 * "不填视为 none。" does not count as naming `none`.
 */
export function enumValueLabel(description: string, value: string): string | undefined {
  const pattern = new RegExp(`(?:^|[：；\\s])${escapeRegExp(value)} ([^；。]+)`);
  return pattern.exec(description)?.[1]?.trim();
}

const enumLabelCache = new Map<string, ReadonlyMap<string, string>>();

/**
 * The names the fact model gives an enum fact's values, e.g. `goods.condition` → `intact` → `完好`: the words authors
 * read in the description are the words learners read on case pages and in the sandbox. Values the description does
 * not name are left out; an unknown or non-enum path gives an empty map.
 */
export function enumValueLabels(path: string): ReadonlyMap<string, string> {
  const cached = enumLabelCache.get(path);
  if (cached) return cached;
  const schema = factSchema(path);
  const description = describeFact(path) ?? '';
  const entries = schema ? ((unwrap(schema).def as { entries?: Record<string, string> }).entries ?? {}) : {};
  const labels = new Map<string, string>();
  for (const value of Object.values(entries)) {
    const label = enumValueLabel(description, value);
    if (label !== undefined) labels.set(value, label);
  }
  enumLabelCache.set(path, labels);
  return labels;
}
