import type { EditionId, Ruling } from '../../rules/index.ts';
import type { ImpactPolicy } from './policy.ts';

/** A ruling, or the message of the rule module's refusal to decide. */
export type Decided = { readonly ruling: Ruling } | { readonly error: string; readonly ruleId?: string };

const isRefusal = (error: unknown): error is Error & { code: string; ruleId?: unknown } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

/**
 * Decides under one policy, turning the rule module's own refusals (missing, invalid, contradictory facts: errors
 * with a `code`, from this module or another revision's) into a value. Anything else is a defect and is rethrown.
 */
export function decideUnder(policy: ImpactPolicy, facts: unknown, declaredEdition: EditionId): Decided {
  try {
    return { ruling: policy.decide(facts, declaredEdition) };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { error: error.message, ...(typeof error.ruleId === 'string' ? { ruleId: error.ruleId } : {}) };
  }
}

/** One scenario decided under both policies. */
export interface DecidedPair {
  readonly facts: unknown;
  readonly edition: EditionId;
  readonly before: Decided;
  readonly after: Decided;
}

export function decidePair(from: ImpactPolicy, to: ImpactPolicy, facts: unknown, edition: EditionId): DecidedPair {
  return { facts, edition, before: decideUnder(from, facts, edition), after: decideUnder(to, facts, edition) };
}
