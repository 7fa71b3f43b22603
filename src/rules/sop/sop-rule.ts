import { defineRule, type FactReader, type Rule, type RuleOutcome } from '../rule.ts';
import type { RuleHead } from '../rule-meta.ts';
import type { SopGuidance } from '../ruling.ts';
import type { SopSituation } from './situation.ts';

/** What a shop SOP rule returns: when it applies, the guidance for the agent. */
export interface SopOutcome extends RuleOutcome {
  /** Present exactly when `applies` is true. */
  readonly guidance?: SopGuidance;
}

/** The shop's service flow (安抚 → 核实 → 联系 → 跟踪 → 回访); SOP guidance is listed in this order. */
export const sopStages = ['soothe', 'verify', 'handle', 'track', 'follow-up'] as const;
export type SopStage = (typeof sopStages)[number];

/** Reads an optional fact by dotted path. Inside a rule it is `read.optional`, so the read lands in the trace. */
export type FactLookup = FactReader['optional'];

/** Decides whether a SOP rule is worth consulting for a scenario at all. */
export type SopRelevance = (situation: SopSituation, lookup: FactLookup) => boolean;

/** A shop SOP rule: a platform-style `Rule` plus where it sits in the shop's flow and when it is relevant. */
export interface SopRule extends Rule<[SopSituation], SopOutcome> {
  readonly stage: SopStage;
  readonly isRelevant: SopRelevance;
}

interface SopRuleSpec {
  readonly meta: RuleHead;
  readonly stage: SopStage;
  readonly isRelevant: SopRelevance;
  /** Trace note when the rule is not relevant, in Chinese. */
  readonly irrelevantNote: string;
  /** Runs only for relevant scenarios. */
  readonly evaluate: (read: FactReader, situation: SopSituation) => SopOutcome;
}

/**
 * Builds a SOP rule whose function first checks relevance through the traced reader, so a rule checked on its own
 * (outside `applyShopSop`) reports "not applied" instead of giving guidance for a scenario it does not concern.
 */
export function defineSopRule(spec: SopRuleSpec): SopRule {
  const rule = defineRule<[SopSituation], SopOutcome>(spec.meta, (read, situation) =>
    spec.isRelevant(situation, read.optional) ? spec.evaluate(read, situation) : { applies: false, note: spec.irrelevantNote },
  );
  return { ...rule, stage: spec.stage, isRelevant: spec.isRelevant };
}

/**
 * Metadata of a shop SOP rule: every SOP rule is configurable shop policy, valid in both editions. What it says and
 * quotes is in `../texts/sop/`.
 */
export function sopMeta(fields: { id: string; title: string }): RuleHead {
  return { ...fields, kind: 'sop', area: 'shop-sop', editions: ['2025-08-15', 'legacy'], decides: true };
}

/** A SOP rule's findings as data (see `SopGuidance.values`). */
export type SopValues = NonNullable<SopGuidance['values']>;

/**
 * An outcome that applies, carrying guidance; `overriddenBy` names the platform rule that wins over the shop rule;
 * `values` are the findings a question can be keyed from.
 */
export function guide(ruleId: string, note: string, guidance: string, overriddenBy?: string, values?: SopValues): SopOutcome {
  return {
    applies: true,
    note,
    guidance: { ruleId, guidance, ...(overriddenBy ? { overriddenBy } : {}), ...(values ? { values } : {}) },
  };
}

/** An outcome that does not apply. */
export function skip(note: string): SopOutcome {
  return { applies: false, note };
}
