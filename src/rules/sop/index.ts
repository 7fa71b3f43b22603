export { applyShopSop, sopRuleMetas, sopRules } from './catalogue.ts';
export { compensationApproval, type CompensationApproval } from './compensation.ts';
export { serviceFlow, type FlowStep } from './flow.ts';
export { negotiationLadder, type LadderStep } from './negotiation.ts';
export { firstResponseDeadline } from './response-times.ts';
export { shopWindowEnd } from './return-windows.ts';
export type { SopSituation } from './situation.ts';
export { sopStages, type SopOutcome, type SopRule, type SopStage } from './sop-rule.ts';
