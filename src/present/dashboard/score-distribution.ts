/** A graded score: items right out of items asked. */
export interface Score {
  readonly score: number;
  readonly maxScore: number;
}

export interface ScoreBin {
  /** Whole percent, inclusive. */
  readonly from: number;
  /** Whole percent, exclusive except for the last bin, which includes 100 %. */
  readonly to: number;
  readonly count: number;
}

export interface ScoreStats {
  readonly count: number;
  /** Percent of the maximum (0–100), or null when nothing was scored. */
  readonly mean: number | null;
  readonly median: number | null;
}

export const SCORE_BIN_COUNT = 10;

/** The 10 % bin a score falls in (0–9); integer arithmetic, so 16 / 20 lands in 80–90 % and not below it. */
export function scoreBinIndex({ score, maxScore }: Score): number {
  if (maxScore <= 0) return 0;
  return Math.min(SCORE_BIN_COUNT - 1, Math.max(0, Math.floor((score * SCORE_BIN_COUNT) / maxScore)));
}

/** Counts scores in ten 10 % bins: [0, 10), [10, 20), …, [90, 100]. */
export function scoreDistribution(scores: readonly Score[]): ScoreBin[] {
  const counts = new Array<number>(SCORE_BIN_COUNT).fill(0);
  for (const score of scores) counts[scoreBinIndex(score)]! += 1;
  const width = 100 / SCORE_BIN_COUNT;
  return counts.map((count, index) => ({ from: index * width, to: (index + 1) * width, count }));
}

/** Mean and median of the scores as percentages of their maxima. */
export function scoreStats(scores: readonly Score[]): ScoreStats {
  const percents = scores.filter((s) => s.maxScore > 0).map((s) => (s.score / s.maxScore) * 100).sort((a, b) => a - b);
  if (percents.length === 0) return { count: 0, mean: null, median: null };
  const mean = percents.reduce((sum, value) => sum + value, 0) / percents.length;
  const middle = Math.floor(percents.length / 2);
  const median = percents.length % 2 === 1 ? percents[middle]! : (percents[middle - 1]! + percents[middle]!) / 2;
  return { count: percents.length, mean, median };
}
