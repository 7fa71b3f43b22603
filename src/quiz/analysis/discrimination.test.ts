import { describe, expect, it } from 'vitest';
import { discrimination, discriminationOf, planGroups, proportionOf, resolveCut, scoreCells, type RankedResponse } from './index.ts';

// The definition the cells must reproduce: sort every response best first (ties by attempt id), take round(27% × n)
// from each end.
function referenceUpperLower(responses: readonly RankedResponse[]): { upperLower: number; groupSize: number } {
  const ranked = [...responses].sort(
    (a, b) => proportionOf(b.score, b.maxScore) - proportionOf(a.score, a.maxScore) || (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0),
  );
  const groupSize = Math.max(1, Math.round(0.27 * ranked.length));
  const facility = (group: readonly RankedResponse[]) => group.filter((response) => response.correct).length / group.length;
  return { upperLower: facility(ranked.slice(0, groupSize)) - facility(ranked.slice(ranked.length - groupSize)), groupSize };
}

function referencePointBiserial(responses: readonly RankedResponse[]): number {
  const pairs = responses.map((r) => [r.correct ? 1 : 0, r.maxScore > 1 ? (r.score - (r.correct ? 1 : 0)) / (r.maxScore - 1) : 0] as const);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(pairs.map(([x]) => x));
  const my = mean(pairs.map(([, y]) => y));
  const cov = pairs.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const vx = pairs.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const vy = pairs.reduce((sum, [, y]) => sum + (y - my) ** 2, 0);
  return cov / Math.sqrt(vx * vy);
}

// A small deterministic generator: the same responses on every run.
function randomResponses(seed: number, count: number): RankedResponse[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Exams of 10, 20 and 5 questions, so levels like 5/10 and 10/20 merge, and few distinct scores, so ties abound.
  return Array.from({ length: count }, () => {
    const maxScore = [10, 20, 5][Math.floor(next() * 3)]!;
    const score = Math.floor(next() * (maxScore + 1));
    return { attemptId: `a${Math.floor(next() * 1e9).toString(36)}`, maxScore, score, correct: next() < score / maxScore };
  });
}

describe('discrimination from score cells', () => {
  it('matches the full ranking exactly, ties at the group boundary included', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const responses = randomResponses(seed, 2 + (seed % 97));
      const result = discrimination(responses, 2);
      const reference = referenceUpperLower(responses);
      expect(result.status).toBe('ok');
      if (result.status !== 'ok') continue;
      expect([result.upperLower, result.groupSize]).toEqual([reference.upperLower, reference.groupSize]);
    }
  });

  it('gives the same figures whatever order responses and cells arrive in', () => {
    const responses = randomResponses(7, 500);
    const reversed = [...responses].reverse();
    expect(discrimination(reversed, 10)).toEqual(discrimination(responses, 10));
    const cells = scoreCells(responses);
    const plan = planGroups(cells);
    const cutCorrect = { upper: 0, lower: 0 };
    for (const cut of plan.cuts) {
      cutCorrect[cut.side] = resolveCut(cut, responses.filter((r) => proportionOf(r.score, r.maxScore) === cut.proportion));
    }
    expect(discriminationOf([...cells].reverse(), planGroups([...cells].reverse()), cutCorrect, 10)).toEqual(discrimination(responses, 10));
  });

  it('computes the corrected point-biserial of the responses', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const responses = randomResponses(seed, 50 + seed);
      const result = discrimination(responses, 2);
      if (result.status !== 'ok') throw new Error('expected enough responses');
      expect(result.pointBiserial).toBeCloseTo(referencePointBiserial(responses), 12);
    }
  });

  it('resolves a cut with the lowest attempt ids for the upper group and the highest for the lower', () => {
    const level = [
      { attemptId: 'c', correct: true },
      { attemptId: 'a', correct: false },
      { attemptId: 'b', correct: true },
    ];
    expect(resolveCut({ side: 'upper', proportion: 0.5, take: 2 }, level)).toBe(1);
    expect(resolveCut({ side: 'lower', proportion: 0.5, take: 2 }, level)).toBe(2);
  });
});
