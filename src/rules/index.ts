export { decide, decideParsed, decideWithPath, type DecideOptions, type PathStep } from './decide.ts';
export { decisionTables, decisionTable, stagesConsulting, type DecisionTableView, type DecisionRowView } from './decision-paths.ts';
export type { StageId } from './decision-table.ts';
export { decisiveRules } from './decisive.ts';
export { parseFacts } from './parse-facts.ts';
export {
  FactsSchema,
  type Facts,
  type FactsInput,
  type Channel,
  type SevenDayClass,
  type Receiver,
  channels,
  sevenDayClasses,
  receivers,
  deliveryStatuses,
  claimTypes,
  claimReasons,
} from './facts.ts';
export { describeFact, enumValueLabel, enumValueLabels, factSchema, isTimeFact } from './fact-docs.ts';
export type { FactPath } from './rule.ts';
export {
  resolutions,
  type Resolution,
  type Party,
  type Ruling,
  type TraceStep,
  type FactRead,
  type FreightBearers,
  type TransitRisk,
  type Deadlines,
  type SopGuidance,
} from './ruling.ts';
export { RuleEngineError, InvalidFactsError, MissingFactError, ContradictoryFactsError, EditionSilentError, type FactIssue } from './errors.ts';
export { editions, CURRENT_EDITION, type Edition, type EditionId } from './editions.ts';
export { defaultParameters, type PolicyParameters } from './parameters.ts';
export { ShopPolicySchema, defaultShopPolicy, type ShopPolicy } from './shop-policy.ts';
export { ruleCatalogue, ruleById, ruleAreas, type RuleArea } from './catalogue.ts';
export { ruleHeadById, ruleHeads, ruleKindLabels } from './rule-heads.ts';
export type { RuleMeta, RuleHead, RuleText, RuleKind, RuleAreaId, RuleSource, EditionNote } from './rule-meta.ts';
export { resolutionLabels, resolutionPhrases, partyLabels, channelLabels, receiverLabels, riskLabels } from './labels.ts';
export { parseBeijingTime, formatBeijingTime, type Instant } from './beijing-time.ts';
export { sevenDayWindow, isInSevenDayWindow, sevenDayEligibility, refundDueBy } from './seven-day.ts';
export { legalShippingTime, shippingDeadline, isShippedLate } from './shipping.ts';
export { isValidSigning } from './signing.ts';
export { sevenDayReturnFreight, type FreightBasis } from './freight.ts';
export { returnTransitRisk } from './returns.ts';
export { threeGuaranteesOptions } from './quality.ts';
export { compensationApproval, negotiationLadder, serviceFlow, firstResponseDeadline } from './sop/index.ts';
export { mergePatch } from './merge-patch.ts';
