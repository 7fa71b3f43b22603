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
export { mergeFacts, scenarioFacts, decideScenario, UnknownCaseError, type ScenarioContext } from './scenario.ts';
export { deriveKey, sequenceSteps, UnkeyableItemError, type Key } from './keys.ts';
export { judgeReplies, UnkeyableReplyError, type ReplyVerdict, type PromiseVerdict } from './replies.ts';
export {
  sopFieldIds,
  sopValueFields,
  isSopField,
  sopFieldRule,
  sopFieldLabel,
  keyRules,
  sequenceRules,
  type SopField,
  type SopValueFieldId,
} from './sop-fields.ts';
export { grade, type Grade, type Response } from './grade.ts';
export { generateVariant, drawParams, substitute, renderStem, distractors, variantId, type Variant, type ParamValues } from './variants.ts';
export { optionText, fieldDomain } from './option-text.ts';
export { seededRandom, shuffled, pick } from './random.ts';
export { explanationSteps, toPracticeItem, type PracticeItem, type ExplanationStep } from './practice-item.ts';
export { buildBank, bankSeeds, variantsPerTemplate, type Bank, type KeyedItem, type QuestionSource } from './bank.ts';
export * from './analysis/index.ts';
export * from './export/index.ts';
