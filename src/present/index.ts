// The presentation layer: what views show, derived purely from rules, quiz and the records pages pass in. Components
// and pages render what this returns; nothing here touches Astro, Preact, storage or the DOM.
export { certificateStatusLabels, type CertificateStatus } from './certificate-status.ts';
export { compareCohorts } from './cohort-order.ts';
export { ATTEMPT_STATUS_LABELS, REVIEW_POLICY_LABELS, beijingDate, beijingTime, percent } from './lead-format.ts';
export type { CertificateView, Role, StaffRole, UserView } from './records.ts';
export { homeOf, mayAuthor, ROLE_LABELS, ROLES, STAFF_ROLES } from './records.ts';
export * from './dashboard/index.ts';
export { chineseDate, coveredAreas } from './certificate-view.ts';
export * from './fact-text.ts';
export * from './item-analysis-format.ts';
export * from './account-hint.ts';
export * from './form-result.ts';
export * from './answer-text.ts';
export * from './lead-labels.ts';
export * from './my-progress.ts';
export * from './session-limits.ts';
export { traceView } from './trace.ts';
export { explanationTraceView, type TraceFactView, type TraceStepView } from './trace-view.ts';
export * from './sandbox/index.ts';
export * from './practice/index.ts';
export * from './practice/practice-payload.ts';
export * from './flow/index.ts';
export * from './decision-path.ts';
export * from './case-library.ts';
export * from './assignments/index.ts';
export { examReviewView, answerWords, type ReviewView, type ReviewItemView, type ReviewOptionView } from './exam/review-view.ts';
export { examStartView, type ExamStanding, type ExamStartView } from './exam/start-view.ts';
export { clause, joinClauses, sentence, DOUBLED_PUNCTUATION } from './exam/wording.ts';
