import { CURRENT_EDITION, type EditionId } from './editions.ts';
import { assertConsistent } from './consistency.ts';
import { computeDeadlines } from './deadlines.ts';
import { parseFacts } from './parse-facts.ts';
import type { Facts } from './facts.ts';
import { defaultParameters, type PolicyParameters } from './parameters.ts';
import { freightFor, supportedParty } from './outcome.ts';
import type { StageId } from './decision-table.ts';
import { Evaluation } from './rule.ts';
import { route } from './route.ts';
import type { Ruling } from './ruling.ts';
import { defaultShopPolicy, type ShopPolicy } from './shop-policy.ts';
import { applyShopSop } from './sop/index.ts';
import { refundBaseRule } from './seven-day.ts';

export interface DecideOptions {
  /** Policy edition to decide under; defaults to the current edition (2025-08-15). */
  readonly edition?: EditionId;
  /** Overrides of the contested values; anything not given keeps its default. */
  readonly parameters?: Partial<PolicyParameters>;
  /** The shop's SOP configuration; defaults to the seeds' values. */
  readonly shopPolicy?: ShopPolicy;
}

/**
 * Decides a dispute scenario under one policy edition.
 *
 * Returns a ruling that carries the trace of every rule consulted, in order, with the facts each one read.
 * Throws `InvalidFactsError` when the facts do not fit the fact model, `ContradictoryFactsError` when they cannot
 * all be true, and `MissingFactError` when a rule on the scenario's path needs a fact that is not given.
 */
export function decide(input: unknown, options: DecideOptions = {}): Ruling {
  return decideParsed(parseFacts(input), options);
}

/** The price a refund starts from; traced only when part of the order is disputed, so whole-order traces stay short. */
function refundBase(evaluation: Evaluation): number {
  const { order, goods } = evaluation.facts;
  if (goods.price === undefined && !order.freeShippingLostByPartialReturn) return order.price;
  return evaluation.check(refundBaseRule).base;
}

/**
 * `decide()` for facts already returned by `parseFacts()`, for callers that parse each scenario once and need the
 * parsed facts themselves (the content gate). Throws what `decide()` throws after parsing.
 */
export function decideParsed(facts: Facts, options: DecideOptions = {}): Ruling {
  return evaluate(facts, options).ruling;
}

/** One row of the decision tables that settled its table, in the order the tables were settled (innermost first). */
export interface PathStep {
  readonly table: StageId;
  /** 0-based index into the table's rows. */
  readonly row: number;
}

/**
 * `decide()` that also returns the decision-table rows that settled each table walked (the routing tables and the
 * freight tables), for the handbook and tests. Throws what `decide()` throws.
 */
export function decideWithPath(input: unknown, options: DecideOptions = {}): { ruling: Ruling; path: readonly PathStep[] } {
  return decideParsedWithPath(parseFacts(input), options);
}

/** `decideWithPath()` for facts already returned by `parseFacts()`. */
export function decideParsedWithPath(facts: Facts, options: DecideOptions = {}): { ruling: Ruling; path: readonly PathStep[] } {
  const { ruling, evaluation } = evaluate(facts, options);
  return { ruling, path: evaluation.path as readonly PathStep[] };
}

function evaluate(facts: Facts, options: DecideOptions): { ruling: Ruling; evaluation: Evaluation } {
  assertConsistent(facts);
  const edition = options.edition ?? CURRENT_EDITION;
  const parameters: PolicyParameters = { ...defaultParameters, ...options.parameters };
  const evaluation = new Evaluation(facts, edition, parameters, options.shopPolicy ?? defaultShopPolicy);

  const routed = route(evaluation);
  const outcome =
    routed.freight === null && facts.shipment.shipped && routed.resolution !== 'not-accepted'
      ? { ...routed, freight: freightFor(evaluation, { kind: 'as-ordered' }, { outbound: true, return: false }) }
      : routed;
  const deadlines = computeDeadlines(facts, parameters);
  const supported = outcome.supported ?? supportedParty(outcome.resolution);
  const sop = applyShopSop(evaluation, {
    reason: facts.claim.reason,
    resolution: outcome.resolution,
    supported,
    decidingRuleId: outcome.decidingRuleId,
    deadlines,
  });
  const deductions = outcome.deductions ?? [];
  const refundAmount =
    outcome.refundAmount ??
    (outcome.resolution === 'refund' || outcome.resolution === 'return-and-refund'
      ? Math.max(0, refundBase(evaluation) - deductions.reduce((sum, deduction) => sum + deduction.amount, 0))
      : undefined);

  const ruling: Ruling = {
    edition,
    resolution: outcome.resolution,
    supported,
    decidingRuleId: outcome.decidingRuleId,
    ...(outcome.options ? { options: outcome.options } : {}),
    freight: outcome.freight,
    transitRisk: outcome.transitRisk,
    burdenOfProof: outcome.burdenOfProof ?? [],
    deductions,
    ...(refundAmount !== undefined ? { refundAmount } : {}),
    ...(outcome.testFee ? { testFee: outcome.testFee } : {}),
    ...(outcome.compensationMultiple ? { compensationMultiple: outcome.compensationMultiple } : {}),
    deadlines,
    sop,
    trace: evaluation.trace,
  };
  return { ruling, evaluation };
}
