/**
 * Writes facts as the `facts:` block of a case's frontmatter, in the flow style content/cases uses
 * (`order: { paidAt: "2025-09-01 10:00", price: 399 }`). Hand-written rather than the `yaml` package because the
 * shape is fixed (objects of scalars, two levels deep) and `yaml`'s stringify would add ~16 KB gz to the page.
 */

/** Strings YAML would read as something else, or that flow style cannot hold bare. */
const BARE = /^[A-Za-z][A-Za-z0-9-]*$/;
const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null)$/i;

function scalar(value: unknown): string {
  if (typeof value === 'string') return BARE.test(value) && !YAML_WORDS.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value ?? null);
}

function flow(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return scalar(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, v]) => `${key}: ${flow(v)}`).join(', ')} }`;
}

/** The facts as a YAML `facts:` block, one top-level fact per line. JSON.stringify is valid YAML for every string. */
export function factsToYaml(facts: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(facts)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${key}: ${flow(value)}`);
  return `facts:\n${lines.join('\n')}\n`;
}
