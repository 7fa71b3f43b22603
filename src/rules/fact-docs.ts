import type { z } from 'zod';
import { FactsSchema } from './facts.ts';

type AnySchema = z.ZodType;

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
    if (current.description) return current.description;
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
