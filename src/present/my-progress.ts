import { isGraded, type AttemptView } from '../quiz/index.ts';
import { accuracyOf, type AreaInfo, type AreaTally, areasPresent, areaTallies, overallTally } from './dashboard/area-accuracy.ts';

/** One graded attempt as a point of the trainee's own progress chart. */
export interface ProgressPoint {
  readonly attemptId: string;
  readonly examId: string;
  /** When it closed (submitted or expired), else when it started. */
  readonly at: number;
  readonly correct: number;
  readonly total: number;
  /** Whole percent of items right. */
  readonly percent: number;
  readonly passed: boolean;
  readonly certified: boolean;
}

/** One rule area across the trainee's attempts: a tally per point (null where the attempt asked nothing there). */
export interface AreaProgress {
  readonly area: AreaInfo;
  readonly byAttempt: readonly (AreaTally | null)[];
  readonly overall: AreaTally;
  /** Whole percent in the first and in the latest attempt that asked this area. */
  readonly first: number | null;
  readonly latest: number | null;
}

export interface MyProgress {
  /** Graded attempts, oldest first. */
  readonly points: readonly ProgressPoint[];
  readonly areas: readonly AreaProgress[];
  /** Certificates issued to the trainee, whatever their standing. */
  readonly certificates: number;
}

const wholePercentOf = (tally: Pick<AreaTally, 'correct' | 'total'>): number | null => {
  const accuracy = accuracyOf(tally);
  return accuracy === null ? null : Math.round(accuracy * 100);
};

/**
 * A trainee's own progress over time, from their attempts (any order; in-progress ones are left out) and the rule
 * area catalogue: each graded attempt's score, and each rule area's accuracy attempt by attempt, first and latest.
 */
export function myProgress(
  attempts: readonly AttemptView[],
  catalogue: readonly AreaInfo[],
  certificates: readonly { readonly attemptId: string }[],
): MyProgress {
  const graded = attempts.filter(isGraded).sort((a, b) => (a.submittedAt ?? a.startedAt) - (b.submittedAt ?? b.startedAt));
  const certified = new Set(certificates.map((certificate) => certificate.attemptId));
  const tallies = graded.map((attempt) => areaTallies([attempt]));
  const points = graded.map((attempt, index): ProgressPoint => {
    const overall = overallTally(tallies[index]!);
    return {
      attemptId: attempt.id,
      examId: attempt.examId,
      at: attempt.submittedAt ?? attempt.startedAt,
      correct: overall.correct,
      total: overall.total,
      percent: wholePercentOf(overall) ?? 0,
      passed: attempt.result.passed,
      certified: certified.has(attempt.id),
    };
  });
  const areas = areasPresent(tallies, catalogue).map((area): AreaProgress => {
    const byAttempt = tallies.map((list) => list.find((tally) => tally.area === area.id && tally.total > 0) ?? null);
    const asked = byAttempt.filter((tally): tally is AreaTally => tally !== null);
    return {
      area,
      byAttempt,
      overall: { area: area.id, correct: asked.reduce((sum, t) => sum + t.correct, 0), total: asked.reduce((sum, t) => sum + t.total, 0) },
      first: asked.length > 0 ? wholePercentOf(asked[0]!) : null,
      latest: asked.length > 0 ? wholePercentOf(asked.at(-1)!) : null,
    };
  });
  return { points, areas, certificates: certificates.length };
}
