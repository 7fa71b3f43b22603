// The presentation layer: what views show, derived purely from rules, quiz and the records pages pass in. Components
// and pages render what this returns; nothing here touches Astro, Preact, storage or the DOM.
export { certificateStatusLabels, type CertificateStatus } from './certificate-status.ts';
export { compareCohorts } from './cohort-order.ts';
export { ATTEMPT_STATUS_LABELS, REVIEW_POLICY_LABELS, beijingDate, beijingTime, percent } from './lead-format.ts';
export type { CertificateView, Role, UserView } from './records.ts';
export * from './dashboard/index.ts';
export { chineseDate, coveredAreas } from './certificate-view.ts';
export * from './fact-text.ts';
export * from './item-analysis-format.ts';
export * from './sandbox/fact-description.ts';
export * from './sandbox/fact-draft.ts';
export * from './sandbox/fact-form-model.ts';
export * from './sandbox/facts-yaml.ts';
export * from './sandbox/field-ids.ts';
export * from './sandbox/ruling-changes.ts';
export * from './sandbox/ruling-format.ts';
export * from './sandbox/sandbox-cases.ts';
export * from './sandbox/sandbox-outcome.ts';
export * from './practice/answer-view.ts';
export * from './practice/area-summary.ts';
export * from './practice/payload-shape.ts';
export * from './practice/payload-url.ts';
export * from './practice/practice-payload.ts';
export * from './practice/quiz-round.ts';
export * from './practice/review-schedule.ts';
export * from './flow/flows.ts';
export * from './flow/layout.ts';
export { explanationTraceView, traceView, type TraceFactView, type TraceStepView } from './trace.ts';
