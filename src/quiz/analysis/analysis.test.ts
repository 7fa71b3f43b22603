import { describe, expect, it } from 'vitest';
import type { KeyedQuestion } from '../exam-paper.ts';
import { analyseItems, chosenOptions, itemOutcomes, itemSpec, scoredAttempt, type ItemSpec, type ScoredAttempt } from './index.ts';

// Ten attempts at a 20-question exam. Score proportions rank them a01 > a02 > a03 = a04 > a05 > … > a10; the tie at
// 8/20 goes to the smaller id, so the upper 27% group (round(0.27 × 10) = 3 attempts) is a01, a02, a03 and the lower
// group is a08, a09, a10.
const SCORES: Record<string, number> = { a01: 10, a02: 9, a03: 8, a04: 8, a05: 7, a06: 6, a07: 5, a08: 4, a09: 3, a10: 2 };
const IDS = Object.keys(SCORES);

type Answer = readonly [correct: boolean, chosen: readonly string[] | null];

// q1, single choice, key option 0.
const Q1: Record<string, Answer> = {
  a01: [true, ['0']], a02: [true, ['0']], a03: [false, ['1']], a04: [true, ['0']], a05: [true, ['0']],
  a06: [false, ['2']], a07: [true, ['0']], a08: [false, ['1']], a09: [false, null], a10: [true, ['0']],
};
// q2, true/false keyed true, answered right by the weak attempts and wrong by the strong ones.
const Q2: Record<string, Answer> = {
  a01: [false, ['false']], a02: [false, ['false']], a03: [false, ['false']], a04: [true, ['true']], a05: [false, ['false']],
  a06: [true, ['true']], a07: [false, ['false']], a08: [true, ['true']], a09: [true, ['true']], a10: [true, ['true']],
};

const SPECS: Record<string, ItemSpec> = {
  q1: { itemId: 'q1', templateId: null, type: 'single', options: ['对', '错一', '错二', '错三'].map((label, i) => ({ id: String(i), label, correct: i === 0 })) },
  q2: { itemId: 'q2', templateId: null, type: 'truefalse', options: [{ id: 'true', label: '正确', correct: true }, { id: 'false', label: '错误', correct: false }] },
  q3: { itemId: 'q3', templateId: null, type: 'multiple', options: [0, 1, 2].map((i) => ({ id: String(i), label: `陈述${i}`, correct: i !== 1 })) },
  q4: { itemId: 'q4', templateId: null, type: 'ordering', options: [{ id: 'A → B → C', label: 'A → B → C', correct: true }] },
  't-x~1': { itemId: 't-x~1', templateId: 't-x', type: 'single', options: [{ id: '0', label: '甲', correct: true }, { id: '1', label: '乙', correct: false }] },
  't-x~2': { itemId: 't-x~2', templateId: 't-x', type: 'single', options: [{ id: '0', label: '丙', correct: true }, { id: '1', label: '丁', correct: false }] },
};

const ORDERS: Record<string, Answer> = {
  a01: [true, ['A → B → C']], a02: [true, ['A → B → C']], a05: [false, ['C → B → A']], a09: [false, ['B → A → C']],
};

function attempts(): ScoredAttempt[] {
  return IDS.map((id, index) => ({
    attemptId: id,
    score: SCORES[id]!,
    maxScore: 20,
    responses: [
      { itemId: 'q1', correct: Q1[id]![0], chosen: Q1[id]![1] },
      { itemId: 'q2', correct: Q2[id]![0], chosen: Q2[id]![1] },
      { itemId: 'q3', correct: true, chosen: ['2', '0'] },
      ...(ORDERS[id] ? [{ itemId: 'q4', correct: ORDERS[id]![0], chosen: ORDERS[id]![1] }] : []),
      // a01–a05 drew variant 1 of t-x and all missed it; a06–a10 drew variant 2 and only a06 got it.
      index < 5 ? { itemId: 't-x~1', correct: false, chosen: ['1'] } : { itemId: 't-x~2', correct: id === 'a06', chosen: [id === 'a06' ? '0' : '1'] },
      { itemId: 'gone', correct: true, chosen: null },
    ],
  }));
}

// Read in reverse so the result cannot depend on input order.
const analysis = analyseItems(attempts().reverse(), (id) => SPECS[id]);
const row = (id: string) => analysis.rows.find((r) => r.id === id)!;

describe('item analysis against hand-computed fixtures', () => {
  it('computes facility, upper–lower D with the documented tie-break, and option shares of a single-choice item', () => {
    const { stats } = row('q1');
    // Correct: a01 a02 a04 a05 a07 a10 = 6 of 10 → p = 0.6.
    expect(stats).toMatchObject({ n: 10, correctCount: 6, facility: 0.6, sufficient: true });
    // Upper a01 ✓ a02 ✓ a03 ✗ = 2/3; lower a08 ✗ a09 ✗ a10 ✓ = 1/3; D = 1/3. (Had a04 won the tie, upper would be 3/3.)
    expect(stats.discrimination).toMatchObject({ status: 'ok', groupSize: 3 });
    if (stats.discrimination.status !== 'ok') throw new Error('expected ok');
    expect(stats.discrimination.upperLower).toBeCloseTo(2 / 3 - 1 / 3, 12);
    // Option 0: 6/10; option 1 (a03, a08): 2/10; option 2 (a06): 1/10; option 3: nobody; blank (a09): 1/10.
    expect(stats.options.map((o) => [o.id, o.count, o.share])).toEqual([['0', 6, 0.6], ['1', 2, 0.2], ['2', 1, 0.1], ['3', 0, 0]]);
    expect(stats.blank).toEqual({ count: 1, share: 0.1 });
    expect(stats.flags).toEqual(['unused-distractor']);
  });

  it('computes the corrected point-biserial against the rest score', () => {
    const { stats } = row('q1');
    if (stats.discrimination.status !== 'ok') throw new Error('expected ok');
    // Rest score = score − item, a01…a10: 9 8 8 7 6 6 4 4 3 1 (r ignores the constant divisor 19); mean 56/10 = 5.6.
    // Item x: 1 1 0 1 1 0 1 0 0 1, mean 0.6.
    // Σ(x−x̄)(y−ȳ): right answers 0.4 × (3.4+2.4+1.4+0.4−1.6−4.6 = 1.4) = 0.56; wrong −0.6 × (2.4+0.4−1.6−2.6 = −1.4) = 0.84; total 1.4.
    // Σ(x−x̄)² = 6 × 0.16 + 4 × 0.36 = 2.4. Σ(y−ȳ)² = 11.56+5.76+5.76+1.96+0.16+0.16+2.56+2.56+6.76+21.16 = 58.4.
    expect(stats.discrimination.pointBiserial).toBeCloseTo(1.4 / Math.sqrt(2.4 * 58.4), 10);
  });

  it('flags an item the strong attempts miss and the weak ones get as negative discrimination', () => {
    const { stats } = row('q2');
    // Correct: a04 a06 a08 a09 a10 = 5/10. Upper a01 a02 a03 all wrong = 0; lower a08 a09 a10 all right = 1; D = −1.
    expect(stats.facility).toBe(0.5);
    expect(stats.discrimination).toMatchObject({ status: 'ok', upperLower: -1 });
    expect(stats.flags).toEqual(['negative-discrimination']);
    expect(stats.options.map((o) => [o.id, o.count])).toEqual([['true', 5], ['false', 5]]);
  });

  it('flags a multiple-choice item everyone gets right as too easy, with an unused wrong statement and no point-biserial', () => {
    const { stats } = row('q3');
    // 10/10 = 1 > 0.95; D = 1 − 1 = 0; every x is 1, so the correlation is undefined.
    expect(stats.facility).toBe(1);
    expect(stats.discrimination).toMatchObject({ status: 'ok', upperLower: 0, pointBiserial: null });
    expect(stats.flags).toEqual(['too-easy', 'unused-distractor']);
    // Statements 0 and 2 each chosen by 10/10; shares of a multiple-choice item add up to more than 1.
    expect(stats.options.map((o) => o.share)).toEqual([1, 0, 1]);
  });

  it('pools template variants, and reports variants with fewer than 10 responses as insufficient data', () => {
    const template = row('t-x');
    expect(template.kind).toBe('template');
    // Pooled: 1 correct (a06) of 10 → p = 0.1 < 0.2; upper a01–a03 0/3, lower a08–a10 0/3 → D = 0.
    expect(template.stats).toMatchObject({ n: 10, facility: 0.1, flags: ['too-hard'], discrimination: { status: 'ok', upperLower: 0 } });
    expect(template.stats.options).toEqual([]);
    expect(template.variants.map((v) => [v.id, v.n, v.correctCount, v.sufficient, v.flags])).toEqual([
      ['t-x~1', 5, 0, false, []],
      ['t-x~2', 5, 1, false, []],
    ]);
    expect(template.variants[0]!.discrimination).toEqual({ status: 'insufficient', needed: 10 });
    // Variant 2's options: 丙 chosen by a06 (1/5), 丁 by a07–a10 (4/5).
    expect(template.variants[1]!.options.map((o) => [o.label, o.count, o.share])).toEqual([['丙', 1, 0.2], ['丁', 4, 0.8]]);
  });

  it('counts each distinct wrong order of an ordering item as its own response, most chosen first then by text', () => {
    const { stats } = row('q4');
    // 4 responses: 2 in the keyed order → p = 0.5; too few for discrimination or flags.
    expect(stats).toMatchObject({ n: 4, facility: 0.5, sufficient: false, flags: [], discrimination: { status: 'insufficient' } });
    expect(stats.options.map((o) => [o.id, o.count, o.correct])).toEqual([['A → B → C', 2, true], ['B → A → C', 1, false], ['C → B → A', 1, false]]);
  });

  it('leaves out items no longer in the bank and lists them', () => {
    expect(analysis.unknownItemIds).toEqual(['gone']);
    expect(analysis.attempts).toBe(10);
    expect(analysis.rows.map((r) => r.id)).toEqual(['q1', 'q2', 'q3', 'q4', 't-x']);
  });

  it('honours a lower minResponses', () => {
    const loose = analyseItems(attempts(), (id) => SPECS[id], { minResponses: 4 });
    expect(loose.rows.find((r) => r.id === 'q4')!.stats.sufficient).toBe(true);
  });
});

describe('scoredAttempt', () => {
  const single = {
    item: { id: 's1', type: 'single', topics: ['freight'], difficulty: 1, exam: true, stem: '谁承担运费？', ask: 'freight.return', scenario: { case: 'x' }, options: ['买家', '卖家', '平台'].map((text) => ({ value: text, text })), answer: 1 },
    key: { type: 'single', answer: 1, value: '卖家', rulings: [] },
  } as unknown as KeyedQuestion;
  const multiple = {
    item: { id: 'm1', type: 'multiple', topics: ['freight'], difficulty: 1, exam: true, stem: '哪些说法正确？', statements: ['一', '二', '三'].map((text) => ({ text, claim: { ask: 'supported', equals: 'buyer' } })), answer: [0, 2] },
    key: { type: 'multiple', answer: [0, 2], rulings: [] },
  } as unknown as KeyedQuestion;
  const lookup = (id: string) => ({ s1: single, m1: multiple })[id];

  it('maps display-order responses back through the stored option order to authored options', () => {
    const scored = scoredAttempt(
      {
        id: 'x',
        // Shown order [2, 0, 1]: display 0 is authored 2, display 2 is authored 1.
        items: [{ itemId: 's1', optionOrder: [2, 0, 1] }, { itemId: 'm1', optionOrder: [1, 2, 0] }],
        answers: { s1: { response: 2 }, m1: { response: [2, 1] } },
        result: {
          score: 1,
          maxScore: 2,
          passed: false,
          certificateId: null,
          perItem: [
            { itemId: 's1', correct: true, ruleArea: 'general' },
            { itemId: 'm1', correct: true, ruleArea: 'general' },
          ],
        },
      },
      lookup,
    );
    // s1: display 2 → authored 1. m1: display [2, 1] → authored [0, 2].
    expect(scored!.responses).toEqual([
      { itemId: 's1', correct: true, chosen: ['1'] },
      { itemId: 'm1', correct: true, chosen: ['0', '2'] },
    ]);
  });

  it('treats a missing or cleared answer as blank and an in-progress attempt as nothing to analyse', () => {
    const base = { id: 'y', items: [{ itemId: 's1', optionOrder: [0, 1, 2] }], answers: {} };
    expect(scoredAttempt({ ...base, result: null }, lookup)).toBeNull();
    expect(scoredAttempt({ ...base, result: { score: 0, maxScore: 1, passed: false, certificateId: null, perItem: [{ itemId: 's1', correct: false, ruleArea: 'general' }] } }, lookup)!.responses[0]!.chosen).toBeNull();
  });

  it('describes options in authored order with the key marked', () => {
    expect(itemSpec('s1', single).options.map((o) => [o.label, o.correct])).toEqual([['买家', false], ['卖家', true], ['平台', false]]);
    expect(itemSpec('t-a~3', single).templateId).toBe('t-a');
  });
});

describe('itemOutcomes (recorded at grading, without content)', () => {
  it('reads the chosen options from the response shape, through the option order, as scoredAttempt does by type', () => {
    const attempt = {
      items: [{ itemId: 's1', optionOrder: [2, 0, 1] }, { itemId: 'm1', optionOrder: [1, 2, 0] }, { itemId: 't1' }, { itemId: 'o1', optionOrder: [1, 0] }, { itemId: 'b1' }],
      answers: { s1: { response: 2 }, m1: { response: [2, 1, 2] }, t1: { response: false }, o1: { response: ['乙', '甲'] }, b1: { response: null } },
      result: {
        score: 3,
        maxScore: 5,
        passed: false,
        certificateId: null,
        perItem: ['s1', 'm1', 't1', 'o1', 'b1'].map((itemId) => ({ itemId, correct: itemId !== 'b1', ruleArea: 'general' })),
      },
    };
    // s1: shown 2 → authored 1; m1: shown [2, 1] → authored [0, 2]; an ordering is its steps as given.
    expect(itemOutcomes(attempt)).toEqual([
      { itemId: 's1', correct: true, chosen: ['1'] },
      { itemId: 'm1', correct: true, chosen: ['0', '2'] },
      { itemId: 't1', correct: true, chosen: ['false'] },
      { itemId: 'o1', correct: true, chosen: ['乙 → 甲'] },
      { itemId: 'b1', correct: false, chosen: null },
    ]);
    expect(itemOutcomes({ ...attempt, result: null })).toBeNull();
  });

  it('treats an empty list, a shown index the order lacks and a malformed response as blank', () => {
    const entry = { itemId: 'x', optionOrder: [1, 0] };
    expect(chosenOptions(entry, [])).toBeNull();
    expect(chosenOptions(entry, 2)).toBeNull();
    expect(chosenOptions(entry, -1)).toBeNull();
    expect(chosenOptions(entry, [0, 5])).toBeNull();
    expect(chosenOptions(entry, [0, '甲'])).toBeNull();
    expect(chosenOptions(entry, { a: 1 })).toBeNull();
    expect(chosenOptions(undefined, 3)).toEqual(['3']);
  });
});
