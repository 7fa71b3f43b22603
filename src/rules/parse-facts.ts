import { InvalidFactsError, type FactIssue } from './errors.ts';
import { FactsSchema, type Facts } from './facts.ts';

function describeReceived(value: unknown): string {
  if (value === undefined) return '没有填写';
  return `写的是 ${JSON.stringify(value)}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates untrusted facts (frontmatter, island state, API bodies) against the fact model.
 * Throws `InvalidFactsError` listing every problem with its dotted path, what was written, and what is expected.
 */
export function parseFacts(input: unknown): Facts {
  const result = FactsSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: FactIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(整个情景)';
    if (issue.code === 'unrecognized_keys') {
      return { path, message: `有事实模型里不存在的字段：${issue.keys.join('、')}。请检查拼写，或删除这些字段。` };
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const allowed = (issue.values as readonly unknown[]).map((value) => String(value)).join(' / ');
      return { path, message: `${describeReceived(valueAt(input, issue.path))}，只能是 ${allowed} 之一。` };
    }
    if (issue.code === 'invalid_type') {
      const received = valueAt(input, issue.path);
      if (received === undefined) return { path, message: '必填，但没有填写。' };
      const expected = { string: '文字', number: '数字', boolean: 'true 或 false', object: '一组字段' }[issue.expected as string] ?? issue.expected;
      return { path, message: `${describeReceived(received)}，应为${expected}。` };
    }
    return { path, message: issue.message };
  });
  throw new InvalidFactsError(issues);
}
