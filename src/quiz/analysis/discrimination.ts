import type { Discrimination } from './types.ts';

/** One response to an item, paired with the attempt that gave it. */
export interface RankedResponse {
  readonly attemptId: string;
  readonly correct: boolean;
  readonly score: number;
  readonly maxScore: number;
}

/**
 * The responses of one item (or pooled template) from attempts with one score, counted: `n` responses, `correct` of
 * them right. A store can add these up with a GROUP BY; discrimination needs nothing else but the cuts (see planGroups).
 */
export interface ScoreCell {
  readonly score: number;
  readonly maxScore: number;
  readonly n: number;
  readonly correct: number;
}

/**
 * Where the upper or lower group ends inside one score level: of the responses whose attempt's score proportion is
 * `proportion`, the group takes the `take` with the lowest attempt ids (upper) or the highest (lower).
 */
export interface GroupCut {
  readonly side: 'upper' | 'lower';
  readonly proportion: number;
  readonly take: number;
}

/** The upper and lower groups as far as whole score levels decide them, and the cuts left to resolve by attempt id. */
export interface GroupPlan {
  readonly n: number;
  readonly groupSize: number;
  /** Right answers in the score levels that fall wholly in each group. */
  readonly upperCorrect: number;
  readonly lowerCorrect: number;
  /** At most one per side: the level the group boundary runs through. */
  readonly cuts: readonly GroupCut[];
}

/** Kelley's 27%: the share of attempts in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;

/** An attempt's score proportion, which ranks it (score / maxScore, so attempts at exams of different length compare). */
export const proportionOf = (score: number, maxScore: number): number => (maxScore > 0 ? score / maxScore : 0);

const byCell = (a: ScoreCell, b: ScoreCell) => a.maxScore - b.maxScore || a.score - b.score;

/**
 * The groups of upper–lower discrimination over responses ranked best first by score proportion, ties broken by
 * attempt id ascending (ids are random: arbitrary, but the same on every run and in every store). Groups hold
 * round(27% × n) responses, at least 1. Where a group boundary runs through a score level, the plan names the cut;
 * the caller counts the right answers among the responses the cut takes (see resolveCut).
 */
export function planGroups(cells: readonly ScoreCell[]): GroupPlan {
  const levels = new Map<number, { n: number; correct: number }>();
  for (const cell of cells) {
    const proportion = proportionOf(cell.score, cell.maxScore);
    const level = levels.get(proportion) ?? { n: 0, correct: 0 };
    level.n += cell.n;
    level.correct += cell.correct;
    levels.set(proportion, level);
  }
  const best = [...levels].sort(([a], [b]) => b - a);
  const n = best.reduce((sum, [, level]) => sum + level.n, 0);
  const groupSize = Math.max(1, Math.round(GROUP_SHARE * n));
  const cuts: GroupCut[] = [];
  const walk = (side: GroupCut['side'], ordered: typeof best) => {
    let left = groupSize;
    let correct = 0;
    for (const [proportion, level] of ordered) {
      if (left === 0) break;
      if (level.n <= left) {
        correct += level.correct;
        left -= level.n;
      } else {
        cuts.push({ side, proportion, take: left });
        left = 0;
      }
    }
    return correct;
  };
  const upperCorrect = walk('upper', best);
  const lowerCorrect = walk('lower', [...best].reverse());
  return { n, groupSize, upperCorrect, lowerCorrect, cuts };
}

/** Right answers among the responses a cut takes, given every response at its score level (in any order). */
export function resolveCut(cut: GroupCut, level: readonly Pick<RankedResponse, 'attemptId' | 'correct'>[]): number {
  const ordered = [...level].sort((a, b) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0));
  const taken = cut.side === 'upper' ? ordered.slice(0, cut.take) : ordered.slice(ordered.length - cut.take);
  return taken.filter((response) => response.correct).length;
}

/**
 * Corrected point-biserial from score cells: Pearson correlation between the item (1/0) and the attempt's rest score
 * proportion ((score − item) / (maxScore − 1)), so the item does not correlate with itself. Cells are summed in
 * (maxScore, score) order, so the result is the same to the last bit whatever order a store returns them in. Null when
 * either side has no variance.
 */
export function correctedPointBiserial(cells: readonly ScoreCell[]): number | null {
  const points: (readonly [x: number, y: number, weight: number])[] = [];
  for (const cell of [...cells].sort(byCell)) {
    const rest = (item: number) => (cell.maxScore > 1 ? (cell.score - item) / (cell.maxScore - 1) : 0);
    if (cell.correct > 0) points.push([1, rest(1), cell.correct]);
    if (cell.n > cell.correct) points.push([0, rest(0), cell.n - cell.correct]);
  }
  const n = points.reduce((sum, [, , weight]) => sum + weight, 0);
  const meanX = points.reduce((sum, [x, , weight]) => sum + x * weight, 0) / n;
  const meanY = points.reduce((sum, [, y, weight]) => sum + y * weight, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (const [x, y, weight] of points) {
    covariance += weight * (x - meanX) * (y - meanY);
    varianceX += weight * (x - meanX) ** 2;
    varianceY += weight * (y - meanY) ** 2;
  }
  // Below this the variance is rounding noise from the proportions, not a spread of scores.
  if (varianceX < 1e-12 || varianceY < 1e-12) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** The score cells of a list of responses (any order). */
export function scoreCells(responses: readonly RankedResponse[]): ScoreCell[] {
  const cells = new Map<string, { score: number; maxScore: number; n: number; correct: number }>();
  for (const { score, maxScore, correct } of responses) {
    const key = `${score}/${maxScore}`;
    const cell = cells.get(key) ?? { score, maxScore, n: 0, correct: 0 };
    cell.n += 1;
    if (correct) cell.correct += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

/**
 * Classical upper–lower discrimination from score cells, a plan (planGroups) and the right answers its cuts took,
 * plus the corrected point-biserial. With fewer than `minResponses` responses both are reported as insufficient: with
 * a handful of attempts one lucky guess swings D by 0.3 or more.
 */
export function discriminationOf(
  cells: readonly ScoreCell[],
  plan: GroupPlan,
  cutCorrect: { readonly upper: number; readonly lower: number },
  minResponses: number,
): Discrimination {
  if (plan.n < minResponses || plan.n < 2) return { status: 'insufficient', needed: Math.max(minResponses, 2) };
  const upper = (plan.upperCorrect + cutCorrect.upper) / plan.groupSize;
  const lower = (plan.lowerCorrect + cutCorrect.lower) / plan.groupSize;
  return { status: 'ok', upperLower: upper - lower, pointBiserial: correctedPointBiserial(cells), groupSize: plan.groupSize };
}

/** Discrimination of responses held in memory: the score cells, with each cut resolved from the responses at its level. */
export function discrimination(responses: readonly RankedResponse[], minResponses: number): Discrimination {
  if (responses.length < minResponses || responses.length < 2) return { status: 'insufficient', needed: Math.max(minResponses, 2) };
  const cells = scoreCells(responses);
  const plan = planGroups(cells);
  const cutCorrect = { upper: 0, lower: 0 };
  for (const cut of plan.cuts) {
    const level = responses.filter((response) => proportionOf(response.score, response.maxScore) === cut.proportion);
    cutCorrect[cut.side] = resolveCut(cut, level);
  }
  return discriminationOf(cells, plan, cutCorrect, minResponses);
}
