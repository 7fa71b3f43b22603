import { describe, expect, it } from 'vitest';
import { clause, DOUBLED_PUNCTUATION, joinClauses, sentence } from './wording.ts';

describe('joining Chinese clauses', () => {
  it('joins statements that end in 。 without doubling the mark (「平台支持卖家。；」)', () => {
    const joined = joinClauses(['A. 平台支持卖家。', 'B. 运费由买家承担。']);
    expect(joined).toBe('A. 平台支持卖家；B. 运费由买家承担');
    expect(DOUBLED_PUNCTUATION.test(`你的答案：${joined}。`)).toBe(false);
  });

  it('ends a sentence with exactly one mark, keeping a question mark', () => {
    expect(sentence('依据规则：买家承担运费。')).toBe('依据规则：买家承担运费。');
    expect(sentence('买家承担运费；')).toBe('买家承担运费。');
    expect(sentence('能否退货？。')).toBe('能否退货？');
    expect(sentence('  ')).toBe('');
    expect(clause('已签收。 ')).toBe('已签收');
  });

  it('finds doubled punctuation', () => {
    expect(DOUBLED_PUNCTUATION.test('平台支持卖家。；')).toBe(true);
    expect(DOUBLED_PUNCTUATION.test('「七天无理由」。')).toBe(false);
  });
});
