import type { z } from 'zod';
import { globalRegistry, type ZodMiniType } from 'zod/mini';
import { ShopPolicySchema, type ShopPolicy } from '../../rules/index.ts';

/** One editable value of content/policy/shop.json as a form control. */
export interface PolicyField {
  /** Dotted path, also the form field's name (`compensation.maxYuanWithoutApproval`). */
  readonly path: string;
  readonly kind: 'number' | 'boolean' | 'text' | 'enum' | 'list';
  readonly label: string;
  readonly group: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, AnySchema>;
  readonly entries?: Record<string, string>;
}
/** ShopPolicySchema is written with zod/mini (see src/rules/facts.ts); its descriptions live in zod's global registry. */
type AnySchema = z.ZodType | ZodMiniType;
const descriptionOf = (schema: AnySchema) => globalRegistry.get(schema)?.description;
const defOf = (schema: AnySchema) => schema.def as unknown as Def;
const PERIODS: Readonly<Record<string, string>> = { weekly: '每周', monthly: '每月' };

/** The policy's fields, walked from ShopPolicySchema so a new setting appears in the form without touching it. */
export function policyFields(): PolicyField[] {
  const fields: PolicyField[] = [];
  const visit = (schema: AnySchema, path: string, group: string) => {
    const def = defOf(schema);
    if (def.type === 'object' && def.shape) {
      const label = path ? (descriptionOf(schema) ?? path).replace(/。$/, '') : '基本';
      for (const [key, child] of Object.entries(def.shape)) visit(child, path ? `${path}.${key}` : key, path ? label : '基本');
      return;
    }
    const label = (descriptionOf(schema) ?? path).replace(/。$/, '');
    const kind = def.type === 'number' ? 'number' : def.type === 'boolean' ? 'boolean' : def.type === 'enum' ? 'enum' : def.type === 'array' ? 'list' : 'text';
    const options = kind === 'enum' ? Object.values(def.entries ?? {}).map((value) => ({ value, label: PERIODS[value] ?? value })) : [];
    fields.push({ path, kind, label, group, options });
  };
  visit(ShopPolicySchema, '', '基本');
  return fields;
}

function valueAt(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** The text a control shows for a value (lists one item per line). */
export function policyFieldText(field: PolicyField, policy: unknown): string {
  const value = valueAt(policy, field.path);
  if (Array.isArray(value)) return value.join('\n');
  return value === undefined || value === null ? '' : String(value);
}

export type PolicyFormResult = { readonly ok: true; readonly policy: ShopPolicy } | { readonly ok: false; readonly errors: readonly { readonly path: string; readonly message: string }[] };

/**
 * The working copy from submitted form values laid over `current` (a value not submitted stays as it is), checked by
 * ShopPolicySchema; errors name the field in Chinese.
 */
export function policyFromForm(current: ShopPolicy, values: (path: string) => string | null): PolicyFormResult {
  const draft = structuredClone(current) as unknown as Record<string, unknown>;
  const errors: { path: string; message: string }[] = [];
  for (const field of policyFields()) {
    const text = values(field.path);
    if (text === null) continue;
    let value: unknown;
    if (field.kind === 'number') {
      value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value)) {
        errors.push({ path: field.path, message: `“${field.label}”要填数字。` });
        continue;
      }
    } else if (field.kind === 'boolean') value = text === 'true';
    else if (field.kind === 'list') value = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    else value = text.trim();
    const keys = field.path.split('.');
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, draft);
    parent[keys.at(-1)!] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const parsed = ShopPolicySchema.safeParse(draft);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const labels = new Map(policyFields().map((field) => [field.path, field.label]));
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      const label = labels.get(path) ?? path;
      const message = issue.code === 'too_small' ? `“${label}”的值太小（不能为空、为负数或为 0）。` : `“${label}”的值不对：${issue.message}`;
      return { path, message };
    }),
  };
}
