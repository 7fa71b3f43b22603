import { ruleById } from '../rules/index.ts';
import type { OrderingItem, Sequence } from '../quiz/index.ts';
import type { AuthorError, TraceLine } from './author-error.ts';
import { closest } from './closest.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { fieldText, type FieldPath } from './question-paths.ts';

/** Where each sequence is configured and the shop rule that states it. */
const sequenceSources: Record<Sequence, { readonly config: string; readonly ruleId: string }> = {
  'service-flow': { config: 'content/policy/shop.json 的 flow', ruleId: 'SOP-FLOW' },
  'negotiation-ladder': { config: 'content/policy/shop.json 的 ladder', ruleId: 'SOP-LADDER' },
};

// The rule's statement quotes the default steps; the note shows the configured ones, which are what the key uses.
function ruleLine(ruleId: string, steps: readonly string[]): TraceLine[] {
  const rule = ruleById(ruleId);
  return rule ? [{ ruleId, title: rule.title, note: `本店配置的顺序：${arrow(steps)}` }] : [];
}

const arrow = (steps: readonly string[]) => steps.join(' → ');
const quoted = (steps: readonly string[]) => `[${steps.join(', ')}]`;

/**
 * STEPS_MISMATCH when the author's steps are not the configured steps (misspelt, missing, extra, repeated);
 * EXPECTED_MISMATCH when they are the same steps in another order. `steps` is the key: the configured order.
 */
export function orderingErrors(item: OrderingItem, steps: readonly string[], where: { file: string; path: FieldPath; locate: Locate }): AuthorError[] {
  if (item.answer.length === steps.length && item.answer.every((step, index) => step === steps[index])) return [];
  const { config, ruleId } = sequenceSources[item.sequence];
  const field = fieldText([...where.path, 'answer']);
  const base = { file: where.file, item: item.id, ...lineOf(where.locate, field), field, wrote: arrow(item.answer), trace: ruleLine(ruleId, steps) };
  const unknown = item.answer.filter((step) => !steps.includes(step));
  const missing = steps.filter((step) => !item.answer.includes(step));
  const repeated = item.answer.filter((step, index) => item.answer.indexOf(step) !== index);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const problems = [
      ...unknown.map((step) => {
        const near = closest(step, steps);
        return `“${step}”不是本店流程的步骤${near ? `（相近的是“${near}”）` : ''}`;
      }),
      ...(missing.length > 0 ? [`缺少 ${missing.map((step) => `“${step}”`).join('、')}`] : []),
      ...(repeated.length > 0 ? [`${repeated.map((step) => `“${step}”`).join('、')} 写了不止一次`] : []),
    ];
    return [
      {
        code: 'STEPS_MISMATCH',
        ...base,
        decided: `${config}：${arrow(steps)}`,
        problem: `${problems.join('；')}。`,
        fix: `answer 要用 ${config} 里的全部步骤，名称逐字相同，各写一次，只是按你认为的顺序排列。如果本店流程确实变了，先改 shop.json。`,
      },
    ];
  }
  return [
    {
      code: 'EXPECTED_MISMATCH',
      ...base,
      decided: `${config}：${arrow(steps)}`,
      fix: `把 answer 改为 ${quoted(steps)}。顺序以 ${config} 为准；如果本店流程确实变了，改 shop.json，所有题目和案例都会按新流程核对。`,
    },
  ];
}
