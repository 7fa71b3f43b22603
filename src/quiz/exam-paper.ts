import { decisiveRules, ruleHeadById } from '../rules/index.ts';
import type { Bank } from './bank.ts';
import type { AttemptEntry } from './exam-assembly.ts';
import type { Item } from './item-schema.ts';
import type { Key } from './keys.ts';
import { grade, type Response } from './grade.ts';
import { authoredChoices } from './item-choices.ts';
import { keyRules } from './sop-fields.ts';
import { variantId } from './variants.ts';

export interface KeyedQuestion {
  readonly item: Item;
  readonly key: Key;
}

/** What the exam page receives for one question: text and choices in display order, never the key or a trace. */
export interface ExamQuestion {
  readonly id: string;
  readonly type: Item['type'];
  readonly stem: string;
  /** Single: options. Multiple: statements. True/false: the two labels. Ordering: the steps, shuffled. */
  readonly choices: readonly string[];
}

/** Looks up stored attempt ids (item ids and `templateId~seed`) in the bank; undefined when content has moved on. */
export function questionLookup(bank: Pick<Bank, 'items' | 'variants'>): (itemId: string) => KeyedQuestion | undefined {
  const byId = new Map<string, KeyedQuestion>();
  for (const entry of bank.items) byId.set(entry.item.id, entry);
  for (const variant of bank.variants) byId.set(variantId(variant.templateId, variant.seed), variant);
  return (itemId) => byId.get(itemId);
}

const inOrder = <T>(values: readonly T[], order: readonly number[] | undefined): T[] =>
  order ? order.map((index) => values[index]!) : [...values];

/** The question as the trainee sees it in this attempt. */
export function examQuestion(entry: AttemptEntry, question: KeyedQuestion): ExamQuestion {
  return { id: entry.itemId, type: question.item.type, stem: question.item.stem, choices: inOrder(authoredChoices(question.item, question.key), entry.optionOrder) };
}

/**
 * Translates a response given in display order into the key's order. Ordering responses are step names and need no
 * translation; a display index with no option maps to -1, which no key matches.
 */
export function keyResponse(entry: AttemptEntry, type: Item['type'], response: Response): Response {
  if (!entry.optionOrder || type === 'ordering' || type === 'truefalse') return response;
  const order = entry.optionOrder;
  const toAuthored = (shown: number) => order[shown] ?? -1;
  if (type === 'single') return typeof response === 'number' ? toAuthored(response) : response;
  return Array.isArray(response) && response.every((value) => typeof value === 'number') ? (response as number[]).map(toAuthored) : response;
}

/** The key expressed in display order, for the review page. */
export function displayAnswer(entry: AttemptEntry, key: Key): Response {
  const order = entry.optionOrder;
  if (!order || key.type === 'truefalse' || key.type === 'ordering') return key.answer;
  if (key.type === 'single') return order.indexOf(key.answer);
  return key.answer.map((authored) => order.indexOf(authored)).sort((a, b) => a - b);
}

/** Rule area of the rule that decided the key, for per-area results; `shop-sop` when no platform rule decided. */
export function ruleAreaOf(key: Key): string {
  const decidingRuleId = key.rulings[0]?.decidingRuleId;
  return decidingRuleId ? (ruleHeadById(decidingRuleId)?.area ?? 'general') : 'shop-sop';
}

/**
 * Rule ids that decided any question of the paper: what a certificate covers. A question keyed from the shop SOP
 * covers its SOP rule too, so a change to shop.json can name the certificates that examined it.
 */
export function coveredRules(questions: readonly KeyedQuestion[]): string[] {
  const ids = new Set<string>();
  for (const { item, key } of questions) {
    for (const ruling of key.rulings) if (ruling.decidingRuleId) ids.add(ruling.decidingRuleId);
    for (const id of keyRules(item, key, decisiveRules)) if (id.startsWith('SOP-')) ids.add(id);
  }
  return [...ids].sort();
}

export interface PaperGrade {
  readonly score: number;
  readonly maxScore: number;
  readonly perItem: readonly { readonly itemId: string; readonly correct: boolean; readonly ruleArea: string }[];
}

/**
 * Grades a paper on the server: each saved response (display order) is translated to key order and graded; an
 * unanswered question is wrong. Throws when a paper id is missing from the bank, since grading against a guess would
 * be worse than refusing.
 */
export function gradePaper(
  entries: readonly AttemptEntry[],
  responses: Readonly<Record<string, Response | undefined>>,
  lookup: (itemId: string) => KeyedQuestion | undefined,
): PaperGrade {
  const perItem = entries.map((entry) => {
    const question = lookup(entry.itemId);
    if (!question) throw new Error(`试卷中的题目 ${entry.itemId} 已不在题库中，无法评分。请恢复该题或由组长作废本次考试。`);
    const response = responses[entry.itemId];
    const correct = response !== undefined && grade(question.key, keyResponse(entry, question.item.type, response)).correct;
    return { itemId: entry.itemId, correct, ruleArea: ruleAreaOf(question.key) };
  });
  return { score: perItem.filter((item) => item.correct).length, maxScore: entries.length, perItem };
}
