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
export { traceView } from './trace.ts';
export { explanationTraceView, type TraceFactView, type TraceStepView } from './trace-view.ts';
export * from './sandbox/index.ts';
export * from './practice/index.ts';
export * from './practice/practice-payload.ts';
export * from './flow/index.ts';
export * from './decision-path.ts';
export * from './assignments/index.ts';
