import type { Template } from './template-schema.ts';

// Template placeholders (`{{name}}`) and how a drawn parameter fills them. Kept apart from variants.ts so the ruling
// memo (which substitutes template facts) and the variant generator (which consults the memo) form no cycle.

type Scalar = string | number | boolean;
/** One drawn value per template parameter. */
export type ParamValues = Readonly<Record<string, Scalar>>;

const WHOLE = /^\{\{(\w+)\}\}$/;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Replaces `{{name}}` placeholders in any JSON value; a string that is only a placeholder takes the raw value. */
export function substitute(value: unknown, params: ParamValues): unknown {
  if (typeof value === 'string') {
    // Most strings hold no placeholder; the content gate substitutes template facts hundreds of thousands of times.
    if (!value.includes('{{')) return value;
    const whole = WHOLE.exec(value);
    if (whole) return params[whole[1]!] ?? value;
    return value.replace(PLACEHOLDER, (match, name: string) => (name in params ? String(params[name]) : match));
  }
  if (Array.isArray(value)) return value.map((entry) => substitute(entry, params));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(result, key, substitute((value as Record<string, unknown>)[key], params));
    return result;
  }
  return value;
}

/**
 * `target[key] = value` as an own data property, as `Object.fromEntries` would make it: a plain assignment to
 * `__proto__` (a key YAML may carry) would set the prototype instead.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The stem with each parameter shown through its `text` map where one is given. */
export function renderStem(template: Template, params: ParamValues): string {
  return template.stem.replace(PLACEHOLDER, (match, name: string) => {
    if (!(name in params)) return match;
    const spec = template.params[name];
    const raw = String(params[name]);
    return spec && 'oneOf' in spec && spec.text?.[raw] !== undefined ? spec.text[raw] : raw;
  });
}
