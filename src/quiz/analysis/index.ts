export { analyseItems, DEFAULT_MIN_RESPONSES, type AnalyseOptions } from './analyse-items.ts';
export { correctedPointBiserial, discrimination, GROUP_SHARE, rankByScore, type RankedResponse } from './discrimination.ts';
export { FACILITY_TOO_EASY, FACILITY_TOO_HARD } from './item-statistics.ts';
export { itemSpec, ORDER_SEPARATOR, scoredAttempt, templateIdOf, type ClosedAttemptView } from './scored-attempt.ts';
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
