import { topics, type TopicId } from '../topics.ts';
import type { Bank } from '../bank.ts';
import type { Item } from '../item-schema.ts';
import type { Key } from '../keys.ts';
import { explanationSteps } from '../practice-item.ts';
import { variantId } from '../variants.ts';
import { MIN_MATCHING_STEPS, type ExportQuestion, type SkippedQuestion, YES_NO_HINT } from './types.ts';

function feedbackOf(item: Item, key: Key): string {
  const steps = explanationSteps(key.rulings).filter((step) => step.applied);
  const basis = [...new Map(steps.map((step) => [step.ruleId, `${step.title}（${step.ruleId}）`])).values()];
  return [item.explanation, basis.length > 0 ? `依据：${basis.join('；')}` : undefined].filter(Boolean).join('\n');
}

function questionOf(id: string, category: readonly string[], item: Item, key: Key): ExportQuestion | SkippedQuestion {
  const common = { id, category, stem: item.stem, feedback: feedbackOf(item, key) };
  switch (item.type) {
    case 'single':
      return { ...common, kind: 'single', choices: item.options.map((option, index) => ({ text: option.text, correct: index === key.answer })) };
    case 'multiple': {
      const answer = key.answer as readonly number[];
      return { ...common, kind: 'multiple', choices: item.statements.map((statement, index) => ({ text: statement.text, correct: answer.includes(index) })) };
    }
    case 'truefalse':
      return { ...common, stem: item.labels === '是否' ? `${item.stem}${YES_NO_HINT}` : item.stem, kind: 'truefalse', answer: key.answer as boolean };
    case 'ordering': {
      const steps = key.answer as readonly string[];
      if (steps.length < MIN_MATCHING_STEPS) return { id, reason: `排序题只有 ${steps.length} 个步骤，Moodle 的配对题至少需要 ${MIN_MATCHING_STEPS} 个，未导出。` };
      return { ...common, kind: 'ordering', steps };
    }
  }
}

const topicLabel = (item: Item) => topics[item.topics[0] as TopicId] ?? item.topics[0]!;
const poolLabel = (item: Item) => (item.exam ? '认证题' : '练习题');

/**
 * The whole bank as exportable questions, exam-only items included (exports are for leads only): authored items in
 * bank order, filed under 认证题/练习题 and their first topic; then every bank variant of each template (seeds
 * 1–6), filed one level deeper under `模板 <id>` so a Moodle random question can draw one variant per template, as
 * our exams do. Questions are grouped by category in first-seen order. Ordering items become matching questions;
 * those Moodle cannot take are listed in `skipped`.
 */
export function bankQuestions(bank: Pick<Bank, 'items' | 'variants'>): { questions: ExportQuestion[]; skipped: SkippedQuestion[] } {
  const questions: ExportQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  const add = (entry: ExportQuestion | SkippedQuestion) => ('reason' in entry ? skipped.push(entry) : questions.push(entry));
  for (const { item, key } of bank.items) add(questionOf(item.id, [poolLabel(item), topicLabel(item)], item, key));
  for (const variant of bank.variants) {
    const { item, key } = variant;
    add(questionOf(variantId(variant.templateId, variant.seed), [poolLabel(item), topicLabel(item), `模板 ${variant.templateId}`], item, key));
  }
  // Grouped by category (first-seen order, bank order within), so each category is declared once in the file.
  const order = new Map<string, number>();
  for (const question of questions) if (!order.has(question.category.join('/'))) order.set(question.category.join('/'), order.size);
  const grouped = questions
    .map((question, index) => ({ question, index }))
    .sort((a, b) => order.get(a.question.category.join('/'))! - order.get(b.question.category.join('/'))! || a.index - b.index)
    .map(({ question }) => question);
  return { questions: grouped, skipped };
}
