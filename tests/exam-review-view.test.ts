import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOUBLED_PUNCTUATION, examReviewView, type ReviewItemView } from '../src/present/index.ts';
import { displayAnswer, examReview, variantId, type AttemptEntry, type KeyedQuestion } from '../src/quiz/index.ts';
import { loadExamContent } from '../src/server/exams/index.ts';
import { ROOT } from './server/built-server.ts';

// The result page's review, built from the real bank: every question, each choice with the rule that makes it right
// or wrong, and no doubled punctuation where texts that end in 。 are joined (「平台支持卖家。；」).
const content = loadExamContent(join(ROOT, 'content'));
const keyed: { id: string; question: KeyedQuestion }[] = [
  ...content.bank.items.map((entry) => ({ id: entry.item.id, question: entry })),
  ...content.bank.variants.map((variant) => ({ id: variantId(variant.templateId, variant.seed), question: variant })),
];

/** A paper of every question, choices shown reversed (so display order differs from authored order). */
function paper(): AttemptEntry[] {
  return keyed.map(({ id, question }) => {
    const count = question.item.type === 'single' ? question.item.options.length : question.item.type === 'multiple' ? question.item.statements.length : 0;
    return count > 0 ? { itemId: id, optionOrder: Array.from({ length: count }, (_, index) => count - 1 - index) } : { itemId: id };
  });
}

/** A wrong answer in display order: the first choice that is not the key (or a reversed ordering). */
function wrongAnswer(entry: AttemptEntry, question: KeyedQuestion): unknown {
  const key = displayAnswer(entry, question.key);
  if (typeof key === 'boolean') return !key;
  if (typeof key === 'number') return key === 0 ? 1 : 0;
  if (question.item.type === 'ordering') return [...(key as string[])].reverse();
  return (key as number[]).length === 1 ? [] : [(key as number[])[0]];
}

/** Every text the result page prints for one reviewed question, glued as ExamResult.astro glues them. */
const printed = (item: ReviewItemView): string[] => [
  `第 ${item.number} 题：${item.stem}`,
  `你的答案：${item.yours}`,
  ...(item.key === null ? [] : [`正确答案：${item.key}`]),
  ...item.options.flatMap((option) => [`${option.label}. ${option.text}${option.mark ?? ''}`, option.reason ?? '']),
  ...item.rules.map((rule) => `${rule.title}：${rule.note}`),
  item.authorExplanation ?? '',
];

describe('exam review view over the whole bank', () => {
  const entries = paper();
  const lookup = (id: string) => keyed.find((entry) => entry.id === id)?.question;
  const byId = new Map(keyed.map((entry) => [entry.id, entry.question]));
  const responses = Object.fromEntries(entries.map((entry) => [entry.itemId, wrongAnswer(entry, byId.get(entry.itemId)!)])) as Record<string, never>;
  const view = examReviewView('full', examReview('full', entries, responses, (id) => byId.get(id) ?? lookup(id)));

  it('lists every question, each choice of a choice question with its mark and the rule behind it', () => {
    expect(view.items).toHaveLength(keyed.length);
    const choiceItems = view.items.filter((_item, index) => keyed[index]!.question.item.type !== 'ordering');
    expect(choiceItems.length).toBeGreaterThan(500);
    for (const item of choiceItems) {
      expect(item.status).toBe('wrong');
      expect(item.options.length).toBeGreaterThanOrEqual(2);
      expect(item.options.filter((option) => option.mark?.startsWith('✓ 正确答案')).length).toBeGreaterThan(0);
      for (const option of item.options) expect(option.reason, `${item.stem} / ${option.text}`).toMatch(/依据「.+」（(R|SOP)-[A-Z0-9-]+）/);
    }
  });

  it('prints no doubled punctuation anywhere in the review', () => {
    const doubled = view.items.flatMap((item) => printed(item).filter((text) => DOUBLED_PUNCTUATION.test(text)));
    expect(doubled).toEqual([]);
  });

  it('under the mistakes policy lists the right answers too, without their key or reasons', () => {
    const first = entries.slice(0, 2);
    const right = { [first[0]!.itemId]: displayAnswer(first[0]!, byId.get(first[0]!.itemId)!.key) };
    const mistakes = examReviewView('mistakes', examReview('mistakes', first, right as Record<string, never>, (id) => byId.get(id)));
    expect(mistakes.items.map((item) => item.status)).toEqual(['correct', 'blank']);
    expect(mistakes.items[0]).toMatchObject({ key: null, options: [], rules: [] });
    expect(mistakes.items[1]!.options.length).toBeGreaterThan(0);
  });
});
