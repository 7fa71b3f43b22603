import { describe, expect, it } from 'vitest';
import { answerLines, feedbackView, isCorrect, keyAnswer, type Answer } from './answer-view.ts';
import { ItemSchema, deriveKey, grade, toPracticeItem, type Item, type Response, type ScenarioContext } from '../../quiz/index.ts';
import { defaultShopPolicy } from '../../rules/index.ts';
import { scenario } from '../../../tests/factories/facts.ts';

const context: ScenarioContext = { caseFacts: () => undefined, shopPolicy: defaultShopPolicy };
const base = { topics: ['seven-day'], difficulty: 1 };

const items: Item[] = [
  ItemSchema.parse({
    ...base,
    id: 'q-single',
    type: 'single',
    stem: '买家 9 月 3 日 14:20 签收，七天无理由退货最晚什么时候申请？',
    scenario: { facts: scenario() },
    ask: 'sevenDayWindowEnd',
    options: [
      { value: '2025-09-10 14:20', text: '9 月 10 日 14:20 前' },
      { value: '2025-09-11 00:00', text: '9 月 11 日 00:00 前' },
      { value: '2025-09-10 00:00', text: '9 月 10 日 00:00 前' },
    ],
    answer: 1,
  }),
  ItemSchema.parse({
    ...base,
    id: 'q-truefalse',
    type: 'truefalse',
    stem: '包邮商品七天无理由退货，退回运费由卖家承担。',
    scenario: { facts: scenario() },
    claim: { ask: 'freight.return', equals: 'seller' },
    answer: false,
  }),
  ItemSchema.parse({
    ...base,
    id: 'q-multiple',
    type: 'multiple',
    stem: '以下关于七天无理由退货运费的说法，哪些正确？',
    scenario: { facts: scenario() },
    statements: [
      { text: '包邮商品，买家只承担退回运费', claim: { ask: 'freight.return', equals: 'buyer' } },
      { text: '包邮商品，发货运费也由买家承担', claim: { ask: 'freight.outbound', equals: 'buyer' } },
      {
        text: '不包邮的商品，发货运费由买家承担',
        scenario: { facts: scenario({ order: { freeShipping: false } }) },
        claim: { ask: 'freight.outbound', equals: 'buyer' },
      },
    ],
    answer: [0, 2],
  }),
  ItemSchema.parse({
    ...base,
    topics: ['shop-sop'],
    id: 'q-ordering',
    type: 'ordering',
    stem: '把售后标准流程排好顺序',
    sequence: 'service-flow',
    answer: ['安抚顾客', '核实信息', '联系处理', '跟踪进度', '回访顾客'],
  }),
];

/** Every answer a trainee could give to `choices` of this type (orderings: the key, its reverse, one swap). */
function everyAnswer(type: Item['type'], choices: readonly string[], key: Answer): Answer[] {
  if (type === 'single' || type === 'truefalse') return choices.map((_, index) => index);
  if (type === 'multiple') {
    return Array.from({ length: 2 ** choices.length }, (_, mask) => choices.flatMap((_, index) => ((mask >> index) & 1 ? [index] : [])));
  }
  const steps = key as readonly string[];
  return [steps, [...steps].reverse(), [steps[1]!, steps[0]!, ...steps.slice(2)], choices];
}

/** The island's answer as `grade()` takes it: true/false answers are the chosen label, true being the first. */
const asResponse = (type: Item['type'], answer: Answer): Response => (type === 'truefalse' ? answer === 0 : (answer as Response));

describe('practice grading', () => {
  it.each(items.map((item) => [item.type, item] as const))('agrees with grade() on every answer to a %s item', (_, item) => {
    const key = deriveKey(item, context);
    const practice = toPracticeItem(item, key);
    for (const answer of everyAnswer(item.type, practice.choices, keyAnswer(practice))) {
      expect(isCorrect(practice, answer), JSON.stringify(answer)).toBe(grade(key, asResponse(item.type, answer)).correct);
    }
  });

  it('counts a multiple-choice answer right in any order, and wrong with one statement missing', () => {
    const practice = toPracticeItem(items[2]!, deriveKey(items[2]!, context));
    expect(isCorrect(practice, [2, 0])).toBe(true);
    expect(isCorrect(practice, [0])).toBe(false);
  });

  it('shows a wrong single answer next to the right one, lettered, and says both aloud', () => {
    const practice = toPracticeItem(items[0]!, deriveKey(items[0]!, context));
    expect(feedbackView(practice, 0)).toEqual({
      isCorrect: false,
      yours: ['A. 9 月 10 日 14:20 前'],
      correct: ['B. 9 月 11 日 00:00 前'],
      announcement: '回答错误。正确答案：B. 9 月 11 日 00:00 前。',
    });
    expect(feedbackView(practice, 1)).toMatchObject({ isCorrect: true, announcement: '回答正确。' });
  });

  it('shows true/false answers by their label, without letters', () => {
    const practice = toPracticeItem(items[1]!, deriveKey(items[1]!, context));
    expect(practice.choices).toEqual(['正确', '错误']);
    expect(feedbackView(practice, 0)).toMatchObject({ isCorrect: false, yours: ['正确'], correct: ['错误'] });
  });

  it('shows multiple-choice answers as lettered statements in order, and an empty answer in words', () => {
    const practice = toPracticeItem(items[2]!, deriveKey(items[2]!, context));
    expect(answerLines(practice, [2, 0])).toEqual(['A. 包邮商品，买家只承担退回运费', 'C. 不包邮的商品，发货运费由买家承担']);
    expect(answerLines(practice, [])).toEqual(['（一项都没有选）']);
  });

  it('shows orderings as numbered steps', () => {
    const practice = toPracticeItem(items[3]!, deriveKey(items[3]!, context));
    expect(feedbackView(practice, practice.choices).correct).toEqual(['1. 安抚顾客', '2. 核实信息', '3. 联系处理', '4. 跟踪进度', '5. 回访顾客']);
  });
});
