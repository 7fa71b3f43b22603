import type { Outcome } from './outcome.ts';
import type { Evaluation } from './rule.ts';

/** Permanent ids of the stages whose routing is a decision table (they name the handbook's stage pages). */
export type StageId =
  | 'intake'
  | 'before-shipment'
  | 'late-shipment'
  | 'breach-consequence'
  | 'shipping-breach'
  | 'refusal'
  | 'in-transit'
  | 'after-signing'
  | 'not-received'
  | 'seven-day'
  | 'quality'
  | 'counterfeit'
  | 'misdescribed'
  | 'surface-mismatch'
  | 'gift'
  | 'return-not-received'
  | 'freight-claim'
  | 'freight'
  | 'freight-adjustments';

/** What the routing knows besides the facts once the shipping time is settled (the intake table fills it). */
export interface RouteContext {
  /** When the goods count as shipped (R-SHIP-TIME-DEF), or null when they were not shipped. */
  shippedAt: number | null;
  /** Whether they were shipped after the deadline (R-SHIP-DEADLINE). */
  late: boolean;
}

/** What a row settles: an outcome whose deciding rule defaults to the row's first rule. */
export type RowOutcome = Omit<Outcome, 'decidingRuleId'> & { readonly decidingRuleId?: string };

/**
 * One row of a stage's decision table. The table's rows are consulted in order; the first row whose `decide` returns
 * an outcome settles the stage. `rules`, `when`, `then` and `next` are the policy as a lead reads it (Chinese);
 * `decide` is the same policy as code, and reads facts only through the rules it checks, so the trace stays complete.
 */
export interface DecisionRow<Context, Result> {
  /** The rules this row consults, as permanent ids; the first one decides unless the row names another. */
  readonly rules: readonly string[];
  /** When the row settles the stage (中文, for the handbook). */
  readonly when: string;
  /** What it settles (中文); for a row that hands over to another stage, what happens there or after it. */
  readonly then: string;
  /** Set on a row that never settles the stage: it records or adjusts something and the walk goes on. */
  readonly continues?: true;
  /** The stage this row hands over to, when it does. */
  readonly next?: StageId;
  /** Checks the row's rules; returns the result, or undefined to go on with the next row. */
  readonly decide: (evaluation: Evaluation, context: Context) => Result | undefined;
}

/** A stage's routing as data: ordered rows, consulted first to last. */
export interface DecisionTable<Context = RouteContext, Result = RowOutcome> {
  readonly id: StageId;
  /** The stage's name in the handbook (中文). */
  readonly title: string;
  /** One sentence on when the stage is reached and how to read it (中文). */
  readonly summary: string;
  readonly rows: readonly DecisionRow<Context, Result>[];
}

/** The row that settled a stage, with its result. */
export interface RowResult<Context, Result> {
  readonly row: DecisionRow<Context, Result>;
  readonly result: Result;
}

/** Walks `table`'s rows in order; returns the first row's result, or undefined when no row settles the stage. */
export function walkTable<Context, Result>(
  table: DecisionTable<Context, Result>,
  evaluation: Evaluation,
  context: Context,
): RowResult<Context, Result> | undefined {
  for (const [index, row] of table.rows.entries()) {
    const result = row.decide(evaluation, context);
    if (result !== undefined) {
      evaluation.settled(table.id, index);
      return { row, result };
    }
  }
  return undefined;
}

/** Settles a routing stage, or returns undefined when none of its rows applies; the deciding rule defaults to the row's first. */
export function settleStage(table: DecisionTable, evaluation: Evaluation, context: RouteContext): Outcome | undefined {
  const settled = walkTable(table, evaluation, context);
  if (!settled) return undefined;
  const { row, result } = settled;
  return { ...result, decidingRuleId: result.decidingRuleId ?? row.rules[0]! };
}

/** Settles a stage whose last row always applies; throws if the table is incomplete (a programming error). */
export function settleStageFully(table: DecisionTable, evaluation: Evaluation, context: RouteContext): Outcome {
  const outcome = settleStage(table, evaluation, context);
  if (!outcome) throw new Error(`Decision table ${table.id} has no row for this scenario; its last row must always apply.`);
  return outcome;
}

/** A row that hands the scenario to another stage's table. */
export function handOver(
  table: () => DecisionTable,
  row: Omit<DecisionRow<RouteContext, RowOutcome>, 'decide' | 'next'> & { readonly applies: (evaluation: Evaluation, context: RouteContext) => boolean },
): DecisionRow<RouteContext, RowOutcome> {
  const { applies, ...shown } = row;
  return {
    ...shown,
    get next() {
      return table().id;
    },
    decide: (evaluation, context) => (applies(evaluation, context) ? settleStage(table(), evaluation, context) : undefined),
  };
}
