import type { z } from 'zod';
import { closest } from './closest.ts';
import { choicesOf, descriptionOf, fieldsFor, schemaAt, type AnySchema } from './schema-docs.ts';
import { quoteValue } from './value-text.ts';

type Issue = z.core.$ZodIssue;

/** One schema problem, phrased for authors; `field` is the path from the schema's root. */
export interface IssueText {
  readonly path: readonly (string | number)[];
  readonly wrote: string;
  readonly problem: string;
  readonly fix: string;
  /** True when the field is simply not filled in. */
  readonly isMissing: boolean;
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const kindNames: Record<string, string> = { string: '文字', number: '数字', boolean: 'true 或 false', object: '一组字段', array: '列表（[a, b]）', null: 'null' };

/** `文字、数字或 null`: the kinds a union of plain types accepts, from the members' own type issues. */
function unionKinds(issue: Issue): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const kinds = [...new Set(issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_type' ? [kindNames[inner.expected] ?? inner.expected] : [])))];
  if (kinds.length === 0) return undefined;
  return kinds.length === 1 ? kinds[0] : `${kinds.join('、')} 之一`;
}

function collectUnionValues(issue: Issue): unknown[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const values = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_value' ? [...inner.values] : []));
  return values.length > 0 ? values : undefined;
}

function describeField(root: AnySchema, path: readonly (string | number)[]): string {
  const schema = schemaAt(root, path);
  const description = schema ? descriptionOf(schema) : undefined;
  return description ? `（${description.replace(/。$/, '')}）` : '';
}

export interface IssueTextOptions {
  /** Names an allowed value in messages, e.g. `seven-day（七天无理由）`. */
  readonly label?: (value: unknown) => string;
  /** Shown before field paths in fixes when the schema is nested in a larger document, e.g. `facts`. */
  readonly prefix?: string;
  /** Spells a path in fixes, e.g. `items[3].options[1].value`; defaults to `prefix` and the path joined with dots. */
  readonly pathText?: (path: readonly (string | number)[]) => string;
}

/**
 * Rewrites one zod issue against `root` as what the author wrote, what is wrong and how to fix it. An unrecognised
 * key becomes one text per key so each can point at its own line. `label` names allowed values (e.g. topic labels).
 */
export function issueTexts(root: AnySchema, input: unknown, issue: Issue, options: IssueTextOptions = {}): IssueText[] {
  const { label = String, prefix } = options;
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  const written = valueAt(input, path);
  const dotted = options.pathText ?? ((p: readonly (string | number)[]) => [...(prefix ? [prefix] : []), ...p].join('.'));
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(fieldsFor(schemaAt(root, path) ?? root, written) ?? {});
    return issue.keys.map((key) => {
      const near = closest(key, known);
      return {
        path: [...path, key],
        wrote: `${key}: ${quoteValue(valueAt(written, [key]))}`,
        problem: `这里没有叫 ${key} 的字段。`,
        fix: `${near ? `改成 ${near}（拼写相近）` : `删除 ${key}`}。${dotted(path) ? `${dotted(path)} 下` : '最外层'}可用的字段有：${known.join('、')}。`,
        isMissing: false,
      };
    });
  }
  // An empty YAML value (`title:`) is null: for a field that must be filled that is the same as leaving it out.
  const isMissing = written === undefined || written === null;
  const choices = (issue.code === 'invalid_value' ? issue.values : undefined) ?? collectUnionValues(issue) ?? choicesOf(schemaAt(root, path) ?? root);
  const allowed = choices ? `可选值：${choices.map(label).join(' / ')}。` : '';
  const about = describeField(root, path);
  if (isMissing) {
    return [{ path, wrote: quoteValue(undefined), problem: '必填，但没有填写。', fix: `填写 ${dotted(path) || '这一项'}${about}。${allowed}`, isMissing }];
  }
  let problem: string;
  if (choices && (issue.code === 'invalid_value' || issue.code === 'invalid_union')) problem = '不是可选值之一。';
  else if (issue.code === 'invalid_type') problem = `应为${kindNames[issue.expected] ?? issue.expected}。`;
  else if (unionKinds(issue)) problem = `应为${unionKinds(issue)}。`;
  else if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    problem = issue.origin === 'string' ? `至少要写 ${min} 个字。` : issue.origin === 'array' ? `至少要写 ${min} 项。` : `不能小于 ${min}。`;
  } else if (issue.code === 'invalid_format' && issue.format === 'regex') problem = `格式不对，应符合 ${issue.pattern ?? '规定的格式'}。`;
  else problem = issue.message;
  return [{ path, wrote: quoteValue(written), problem, fix: `改正 ${dotted(path)}${about}。${allowed}`, isMissing }];
}
