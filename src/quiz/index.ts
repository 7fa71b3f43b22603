export { askedFields, askedFieldIds, answerOf, sameAnswer, type AskedField, type AnswerValue } from './asked-fields.ts';
export {
  ItemSchema,
  ScenarioSchema,
  ClaimSchema,
  SingleChoiceSchema,
  MultipleChoiceSchema,
  TrueFalseSchema,
  OrderingSchema,
  sequences,
  tones,
  ReplyOptionSchema,
  ReplySingleSchema,
  ValueSingleSchema,
  looksLikeReplyItem,
  isReplyItem,
  isValueItem,
  type ReplyItem,
  type ReplyOption,
  type ValueItem,
  type ValueOption,
  type Item,
  type Scenario,
  type Claim,
  type SingleChoiceItem,
  type MultipleChoiceItem,
  type TrueFalseItem,
  type OrderingItem,
  type Sequence,
} from './item-schema.ts';
export { TemplateSchema, ParamSpecSchema, type Template, type ParamSpec } from './template-schema.ts';
export { QuestionFileSchema } from './question-file.ts';
export { scenarioFacts, decideScenario, UnknownCaseError, type ScenarioContext } from './scenario.ts';
export { deriveKey, sequenceSteps, UnkeyableItemError, type Key } from './keys.ts';
export { judgeReplies, UnkeyableReplyError, type ReplyVerdict, type PromiseVerdict } from './replies.ts';
export {
  sopFieldIds,
  sopValueFields,
  isSopField,
  isSopTimeField,
  sopFieldRule,
  sopFieldLabel,
  keyRules,
  sequenceRules,
  type SopField,
  type SopValueFieldId,
} from './sop-fields.ts';
export { grade, type Grade, type Response } from './grade.ts';
export { generateVariant, drawParams, distractors, variantId, type Variant } from './variants.ts';
export { substitute, renderStem, setOwn, type ParamValues } from './placeholders.ts';
export { optionText, fieldDomain } from './option-text.ts';
export { seededRandom, shuffled, pick } from './random.ts';
export { explanationSteps, toPracticeItem, type PracticeItem, type ExplanationStep } from './practice-item.ts';
export { buildBank, bankSeeds, variantsPerTemplate, type Bank, type KeyedItem, type QuestionSource } from './bank.ts';
export { topics, topicIds, difficulties, type TopicId, type Difficulty } from './topics.ts';
export { directRuleCalls, rememberingRuleCalls, type RuleCalls } from './ruling-memo.ts';
export { nearMissAnswers } from './bank-near-miss.ts';
export { addMinutesText, sevenDayEndText, shipByText } from './variant-time.ts';
export { ExamSchema, BlueprintSectionSchema, type Exam, type BlueprintSection } from './exam-schema.ts';
export {
  assembleAttempt,
  blueprintUnits,
  checkBlueprint,
  checkBlueprintUnits,
  BlueprintUnfillableError,
  type AttemptEntry,
  type BlueprintCheck,
  type BlueprintUnit,
  type ExamBank,
  type SectionCheck,
} from './exam-assembly.ts';
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
export { examReview, optionBases, type OptionBasis, type ReviewItem, type ReviewPolicy } from './exam-review.ts';
export { responseShapeProblem } from './response-shape.ts';
export { isGraded, type AttemptResultView, type AttemptStatus, type AttemptView, type GradedAttempt } from './attempt-view.ts';
export * from './analysis/index.ts';
export * from './export/index.ts';
export { assignmentAccess, isWindowOpen, type AssignmentAccess, type AssignmentWindow, type ExamAudience } from './assignment-access.ts';
