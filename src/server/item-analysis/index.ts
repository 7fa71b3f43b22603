export { analyseAttemptsInFull, analyseStoredAttempts, type AnalysisScope, type RowInfo, type ScopedItemAnalysis } from './item-analysis-service.ts';
