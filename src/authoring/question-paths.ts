import type { Locate } from './fact-issues.ts';

/** A path into a question file: object keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** `['items', 3, 'options', 1, 'value']` → `items[3].options[1].value`, the form question-file messages show. */
export function fieldText(path: FieldPath): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

/** `items[3].options[1].value` → `['items', 3, 'options', 1, 'value']`: the path Astro shows an issue under. */
export function fieldSegments(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A locator for question-file fields on top of one that reads dotted paths (`items.3.options.1.value`). */
export function questionLocate(locate: Locate): Locate {
  return (field) => locate(fieldSegments(field).join('.'));
}
