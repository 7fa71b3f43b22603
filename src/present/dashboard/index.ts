export { accuracyOf, type AreaInfo, type AreaTally, areaTallies, areasPresent, itemTallies, mergeTallies, overallTally } from './area-accuracy.ts';
export {
  type AttemptCounts,
  attemptCounts,
  dashboardAttempt,
  type DashboardAttempt,
  hasPassed,
  isClosed,
  isScored,
  type ScoredDashboardAttempt,
} from './attempt-counts.ts';
export {
  ALL_COHORTS_LABEL,
  type CohortScope,
  cohortScopeLabel,
  cohortScopeParam,
  isInScope,
  NO_COHORT_LABEL,
  NO_COHORT_PARAM,
  parseCohortScope,
  scopeOfCohort,
} from './cohort-scope.ts';
export { type CohortSummary, cohortSummary, type Share, traineeCountText } from './cohort-summary.ts';
export { buildDashboard, type CohortOption, type Dashboard, type DashboardInput } from './dashboard-model.ts';
export { CERTIFICATE_EXPIRY_WARNING_DAYS, type FollowUp, type FollowUpReason, followUpReasons, followUps } from './follow-up.ts';
export { HEAT_STEPS, heatmap, type Heatmap, type HeatmapRow, type HeatmapSource, HEATMAP_TRAINEE_LIMIT, heatStep, wholePercent } from './heatmap-model.ts';
export { type Score, type ScoreBin, SCORE_BIN_COUNT, scoreBinIndex, scoreDistribution, type ScoreStats, scoreStats } from './score-distribution.ts';
export { type CertificateWithStatus, type TraineeProgress, traineeProgress } from './trainee-progress.ts';
export { followUpText } from './follow-up-text.ts';
export { type PracticeActivityView, type PracticeCell, type PracticeRow, type PracticeTable, practiceTable } from './practice-activity.ts';
