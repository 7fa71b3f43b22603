// What the practice islands need: their own entry, so the 25 KB practice bundle carries no sandbox or dashboard
// models (their zod schemas and catalogue look-ups would not tree-shake away).
export * from './answer-view.ts';
export * from './area-summary.ts';
export * from './payload-shape.ts';
export * from './payload-url.ts';
export * from './practice-payload.ts';
export * from './quiz-round.ts';
export * from './review-schedule.ts';
export { explanationTraceView, type TraceStepView } from '../trace.ts';
