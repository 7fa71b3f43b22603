export { analyseItems, DEFAULT_MIN_RESPONSES, type AnalyseOptions } from './analyse-items.ts';
export {
  correctedPointBiserial,
  discrimination,
  discriminationOf,
  GROUP_SHARE,
  planGroups,
  proportionOf,
  resolveCut,
  scoreCells,
  type GroupCut,
  type GroupPlan,
  type RankedResponse,
  type ScoreCell,
} from './discrimination.ts';
export { FACILITY_TOO_EASY, FACILITY_TOO_HARD } from './item-statistics.ts';
export { itemSpec, scoredAttempt, templateIdOf, type ClosedAttemptView } from './scored-attempt.ts';
export { ORDER_SEPARATOR } from './item-outcomes.ts';
export type {
  AnalysisFlag,
  Discrimination,
  ItemAnalysis,
  ItemAnalysisRow,
  ItemSpec,
  ItemStatistics,
  OptionFrequency,
  OptionSpec,
  ScoredAttempt,
  ScoredResponse,
} from './types.ts';
export { chosenOptions, itemOutcomes, type ItemOutcome } from './item-outcomes.ts';
export {
  planAggregateAnalysis,
  type AggregateAnalysisPlan,
  type ItemAggregate,
  type ItemAggregates,
  type ItemCutQuery,
} from './aggregate-analysis.ts';
