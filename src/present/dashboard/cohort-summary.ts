import { type AreaTally, mergeTallies } from './area-accuracy.ts';
import { type AttemptCounts, attemptCounts } from './attempt-counts.ts';
import { type ScoreBin, scoreDistribution, type ScoreStats, scoreStats } from './score-distribution.ts';
import type { TraineeProgress } from './trainee-progress.ts';

/** `part` out of `whole`, kept as counts so that the page can print both and the share. */
export interface Share {
  readonly part: number;
  readonly whole: number;
}

/**
 * One exam's figures for a group of trainees. Definitions (shown on the dashboard too):
 * - firstAttemptPass: trainees whose first attempt passed, out of trainees whose first attempt is closed;
 * - everPassed: trainees with any passing attempt, out of trainees with a closed attempt;
 * - certified: enabled trainees whose newest certificate is valid now, out of all enabled trainees in the group
 *   (a disabled account has left the programme);
 * - attemptPass: passing attempts out of closed attempts (what /lead/exams shows);
 * - scores, bins: every scored attempt counts once, retakes included.
 */
export interface CohortSummary {
  /** activated + pending + disabled: each trainee is in exactly one of the three. */
  readonly trainees: number;
  /** Enabled trainees who have activated their account. */
  readonly activated: number;
  /** Enabled trainees who never activated their account (they cannot take an exam yet). */
  readonly pending: number;
  readonly disabled: number;
  /** Activated, enabled trainees with no attempt at the exam yet (a part of `activated`). */
  readonly notStarted: number;
  readonly attempts: AttemptCounts;
  readonly firstAttemptPass: Share;
  readonly everPassed: Share;
  readonly certified: Share;
  readonly attemptPass: Share;
  readonly scores: ScoreStats;
  readonly bins: readonly ScoreBin[];
  /** Per rule area over every scored attempt of the group. */
  readonly areas: readonly AreaTally[];
}

export function cohortSummary(progresses: readonly TraineeProgress[]): CohortSummary {
  const attempts = progresses.flatMap((p) => p.attempts);
  const scored = progresses.flatMap((p) => p.scored);
  const closed = attempts.filter((a) => a.status !== 'in-progress');
  const withFirst = progresses.filter((p) => p.firstAttemptPassed !== null);
  const takers = progresses.filter((p) => p.latestClosed !== null);
  const enabled = progresses.filter((p) => !p.user.disabled);
  return {
    trainees: progresses.length,
    activated: enabled.filter((p) => p.user.activatedAt !== null).length,
    pending: enabled.filter((p) => p.user.activatedAt === null).length,
    disabled: progresses.length - enabled.length,
    notStarted: progresses.filter((p) => p.user.activatedAt !== null && !p.user.disabled && p.attempts.length === 0).length,
    attempts: attemptCounts(attempts),
    firstAttemptPass: { part: withFirst.filter((p) => p.firstAttemptPassed).length, whole: withFirst.length },
    everPassed: { part: takers.filter((p) => p.hasEverPassed).length, whole: takers.length },
    certified: { part: enabled.filter((p) => p.certificate?.status === 'valid').length, whole: enabled.length },
    attemptPass: { part: closed.filter((a) => a.result?.passed === true).length, whole: closed.length },
    scores: scoreStats(scored.map((a) => a.result)),
    bins: scoreDistribution(scored.map((a) => a.result)),
    areas: mergeTallies(progresses.map((p) => p.areas)),
  };
}

/** The trainee card's line on the dashboard, e.g. 「已激活 2（其中未参加考试 0），待激活 2（激活后才能考试），已停用 1」. */
export function traineeCountText(summary: Pick<CohortSummary, 'activated' | 'pending' | 'disabled' | 'notStarted'>): string {
  const parts = [`已激活 ${summary.activated}（其中未参加考试 ${summary.notStarted}）`];
  if (summary.pending > 0) parts.push(`待激活 ${summary.pending}（激活后才能考试）`);
  if (summary.disabled > 0) parts.push(`已停用 ${summary.disabled}`);
  return parts.join('，');
}
