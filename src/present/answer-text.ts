/** A question as review views show it: its type and its choices in the order the trainee saw them. */
export interface ShownQuestion {
  readonly type: 'single' | 'multiple' | 'truefalse' | 'ordering';
  readonly choices: readonly string[];
}

/**
 * A stored response (or a key in display order) in words: the chosen option's text, the chosen statements joined
 * by 「；」, the true/false label, or the steps joined by 「 → 」; 未作答 when there is none. An index with no option
 * reads 「—」 rather than failing, since content may have moved on since the attempt.
 */
export function responseText(question: ShownQuestion, value: unknown): string {
  if (value === null || value === undefined) return '未作答';
  if (question.type === 'truefalse') return question.choices[value === true ? 0 : 1] ?? '—';
  if (question.type === 'ordering') return Array.isArray(value) ? (value as unknown[]).map(String).join(' → ') : '—';
  const indices = Array.isArray(value) ? (value as unknown[]) : [value];
  if (indices.length === 0) return '未作答';
  return indices.map((index) => (typeof index === 'number' ? (question.choices[index] ?? '—') : '—')).join('；');
}
