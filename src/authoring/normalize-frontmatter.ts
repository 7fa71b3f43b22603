import { setOwn } from '../quiz/index.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * YAML turns unquoted `2025-09-02` and `2025-09-01 10:00:30` into Dates read as UTC (Astro's js-yaml and the CLI's
 * `yaml` with the timestamp tag agree on which scalars). Spelling the UTC fields back out recovers exactly what the
 * author typed, which the engine then reads as Beijing time like every other time. A timestamp written with an
 * explicit offset cannot be recovered this way; content/README.md tells authors to quote times.
 */
function dateAsWritten(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  const seconds = date.getUTCSeconds();
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  return `${day} ${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/** `value` with every YAML timestamp spelt back out as the author typed it (see `dateAsWritten`). */
export function withoutDates(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : dateAsWritten(value);
  if (Array.isArray(value)) return value.map(withoutDates);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(result, key, withoutDates((value as Record<string, unknown>)[key]));
    return result;
  }
  return value;
}

const isBlank = (value: unknown) => value === null || value === '';

/** Facts with every empty YAML value (`paidAt:` or `''`) removed, so an unfilled field reads as "not given". */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isBlank(item)).map(withoutBlanks);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      if (!isBlank(inner)) setOwn(result, key, withoutBlanks(inner));
    }
    return result;
  }
  return value;
}

/**
 * Frontmatter as the gate and the pages read it: YAML timestamps back to the text the author wrote, and blank facts
 * left out. Blanks are dropped only under `facts`: elsewhere `null` means something (`freight: null`).
 */
export function normalizeFrontmatter(frontmatter: unknown): unknown {
  const plain = withoutDates(frontmatter);
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain) || !('facts' in plain)) return plain;
  const { facts, ...rest } = plain as { facts: unknown };
  return isBlank(facts) ? rest : { ...rest, facts: withoutBlanks(facts) };
}
