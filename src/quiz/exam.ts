// The exam surface of the quiz core: what src/server/exams imports.
export { ExamSchema, BlueprintSectionSchema, type Exam, type BlueprintSection } from './exam-schema.ts';
export { assembleAttempt, checkBlueprint, BlueprintUnfillableError, type AttemptEntry, type BlueprintCheck, type ExamBank, type SectionCheck } from './exam-assembly.ts';
export { examEligibility, attemptPhase, attemptDuration, type Eligibility, type EligibilityCondition, type PastAttempt } from './exam-eligibility.ts';
export {
  coveredRules,
  displayAnswer,
  examQuestion,
  gradePaper,
  keyResponse,
  questionLookup,
  ruleAreaOf,
  type ExamQuestion,
  type KeyedQuestion,
  type PaperGrade,
} from './exam-paper.ts';
export { examReview, type ReviewItem, type ReviewPolicy } from './exam-review.ts';
export { responseShapeProblem } from './response-shape.ts';
