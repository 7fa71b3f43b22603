import type { EditionId } from '../editions.ts';
import { FactsSchema, type FactsInput } from '../facts.ts';
import { defaultParameters } from '../parameters.ts';
import { Evaluation } from '../rule.ts';
import { defaultShopPolicy, type ShopPolicy } from '../shop-policy.ts';
import type { SopSituation } from './situation.ts';
import type { SopOutcome, SopRule } from './sop-rule.ts';

/**
 * Test-only scenario builders for the SOP rules. The base scenario: a standard coat, signed 2025-09-03 20:00, returned
 * without reason on 2025-09-05 10:00, which the platform supports. The shop's 7-day return window ends
 * 2025-09-10 20:00; the legal 7-day window ends 2025-09-11 00:00.
 */
export const baseFacts: FactsInput = {
  channel: 'taobao',
  order: { paidAt: '2025-09-01 10:00', price: 199, freeShipping: true },
  goods: { name: '羊毛呢大衣', sevenDayClass: 'standard', condition: 'intact' },
  shipment: { shipped: true, carrierRecordedAt: '2025-09-01 18:00' },
  delivery: { status: 'signed', signedAt: '2025-09-03 20:00', receivedBy: 'self' },
  claim: { at: '2025-09-05 10:00', type: 'return-and-refund', reason: 'no-reason' },
};

/** A deep partial; `undefined` removes the key from the base. */
export type Patch<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[]
    ? T[K] | undefined
    : NonNullable<T[K]> extends object
      ? Patch<NonNullable<T[K]>> | undefined
      : T[K] | undefined;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function merge<T>(base: T, patch: Patch<T>): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === undefined) delete result[key];
    else if (isPlainObject(value) && isPlainObject(result[key])) result[key] = merge(result[key], value as Patch<unknown>);
    else result[key] = value;
  }
  return result as T;
}

export function policyWith(patch: Patch<ShopPolicy>): ShopPolicy {
  return merge(defaultShopPolicy, patch);
}

export interface SopCheckOptions {
  readonly facts?: Patch<FactsInput>;
  readonly situation?: Partial<SopSituation>;
  readonly policy?: ShopPolicy;
  readonly edition?: EditionId;
}

/** Builds an evaluation and a situation (reason taken from the facts unless overridden). */
export function scenario(options: SopCheckOptions = {}): { evaluation: Evaluation; situation: SopSituation } {
  const facts = FactsSchema.parse(merge(baseFacts, options.facts ?? {}));
  const evaluation = new Evaluation(facts, options.edition ?? '2025-08-15', defaultParameters, options.policy ?? defaultShopPolicy);
  const situation: SopSituation = {
    reason: facts.claim.reason,
    resolution: 'return-and-refund',
    supported: 'buyer',
    decidingRuleId: 'R-7DAY-SCOPE',
    deadlines: {},
    ...options.situation,
  };
  return { evaluation, situation };
}

/** Checks one SOP rule against a scenario and returns its outcome. */
export function checkSop(rule: SopRule, options: SopCheckOptions = {}): SopOutcome {
  const { evaluation, situation } = scenario(options);
  return evaluation.check(rule, situation);
}
