import type { Discrimination } from './types.ts';

/** One response to an item, paired with the attempt that gave it. */
export interface RankedResponse {
  readonly attemptId: string;
  readonly correct: boolean;
  readonly score: number;
  readonly maxScore: number;
}

/** Kelley's 27%: the share of attempts in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;

const proportion = (response: RankedResponse) => (response.maxScore > 0 ? response.score / response.maxScore : 0);

/**
 * Best attempt first by score proportion (score / maxScore, so attempts at exams of different length compare);
 * ties broken by attempt id, ascending. Attempt ids are random, so the tie-break is arbitrary but the same on every
 * run and independent of the order attempts were read in.
 */
export function rankByScore(responses: readonly RankedResponse[]): RankedResponse[] {
  return [...responses].sort((a, b) => proportion(b) - proportion(a) || (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0));
}

function facilityOf(responses: readonly RankedResponse[]): number {
  return responses.filter((response) => response.correct).length / responses.length;
}

/**
 * Corrected point-biserial: Pearson correlation between the item (1/0) and the attempt's rest score proportion
 * ((score − item) / (maxScore − 1)), so the item does not correlate with itself. Null when either side has no variance.
 */
export function correctedPointBiserial(responses: readonly RankedResponse[]): number | null {
  const pairs = responses.map((response) => {
    const item = response.correct ? 1 : 0;
    const rest = response.maxScore > 1 ? (response.score - item) / (response.maxScore - 1) : 0;
    return [item, rest] as const;
  });
  const n = pairs.length;
  const meanX = pairs.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = pairs.reduce((sum, [, y]) => sum + y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (const [x, y] of pairs) {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
    varianceY += (y - meanY) ** 2;
  }
  // Below this the variance is rounding noise from the proportions, not a spread of scores.
  if (varianceX < 1e-12 || varianceY < 1e-12) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/**
 * Classical upper–lower discrimination with groups of round(27% × n) attempts (at least 1), plus the corrected
 * point-biserial. With fewer than `minResponses` responses both are reported as insufficient: with a handful of
 * attempts one lucky guess swings D by 0.3 or more.
 */
export function discrimination(responses: readonly RankedResponse[], minResponses: number): Discrimination {
  if (responses.length < minResponses || responses.length < 2) return { status: 'insufficient', needed: Math.max(minResponses, 2) };
  const ranked = rankByScore(responses);
  const groupSize = Math.max(1, Math.round(GROUP_SHARE * ranked.length));
  const upper = ranked.slice(0, groupSize);
  const lower = ranked.slice(ranked.length - groupSize);
  return { status: 'ok', upperLower: facilityOf(upper) - facilityOf(lower), pointBiserial: correctedPointBiserial(responses), groupSize };
}
