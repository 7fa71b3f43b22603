// What the practice islands need: their own entry, so the 25 KB practice bundle carries no sandbox or dashboard
// models (their zod schemas and catalogue look-ups would not tree-shake away).
export * from './answer-view.ts';
export * from './area-summary.ts';
export * from './payload-shape.ts';
export * from './payload-url.ts';
// practice-payload.ts builds the payload at build time (it runs the whole bank): pages take it from src/present's
// index.ts; here only its types, so an island never evaluates it.
export type { PracticePayload, TopicQuiz } from './practice-payload.ts';
export * from './progress-data.ts';
export * from './quiz-round.ts';
export * from './review-schedule.ts';
export * from './round-state.ts';
export { explanationTraceView, type TraceStepView } from '../trace-view.ts';
