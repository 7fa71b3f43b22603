import type { DecisionRow, DecisionTable, StageId } from './decision-table.ts';
import { freightAdjustmentsTable, freightTable } from './freight.ts';
import { intakeTable } from './route.ts';
import { freightClaimTable } from './route-freight.ts';
import {
  afterSigningTable,
  counterfeitTable,
  giftTable,
  misdescribedTable,
  notReceivedTable,
  qualityTable,
  returnNotReceivedTable,
  sevenDayTable,
  surfaceMismatchTable,
} from './route-signed.ts';
import {
  beforeShipmentTable,
  breachConsequenceTable,
  inTransitTable,
  lateShipmentTable,
  refusalTable,
  shippingBreachTable,
} from './route-transit.ts';

/** A row as the handbook shows it: the rules it consults, when it settles the stage, what follows. */
export type DecisionRowView = Pick<DecisionRow<unknown, unknown>, 'rules' | 'when' | 'then' | 'next' | 'continues'>;

/** A stage's decision table as the handbook shows it (the rows without their code). */
export interface DecisionTableView {
  readonly id: StageId;
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly DecisionRowView[];
}

const view = (table: DecisionTable<never, unknown>): DecisionTableView => ({
  id: table.id,
  title: table.title,
  summary: table.summary,
  rows: table.rows.map((row) => ({ rules: row.rules, when: row.when, then: row.then, ...(row.next ? { next: row.next } : {}), ...(row.continues ? { continues: true as const } : {}) })),
});

/**
 * Every stage's decision table, in reading order: intake first, then the stages it hands over to, then freight.
 * `decide()` walks the same tables; these views drop only the code of each row.
 */
export const decisionTables: readonly DecisionTableView[] = [
  intakeTable,
  beforeShipmentTable,
  lateShipmentTable,
  shippingBreachTable,
  breachConsequenceTable,
  refusalTable,
  inTransitTable,
  afterSigningTable,
  notReceivedTable,
  sevenDayTable,
  qualityTable,
  misdescribedTable,
  surfaceMismatchTable,
  counterfeitTable,
  giftTable,
  returnNotReceivedTable,
  freightClaimTable,
  freightTable as DecisionTable<never, unknown>,
  freightAdjustmentsTable as DecisionTable<never, unknown>,
].map((table) => view(table as DecisionTable<never, unknown>));

/** The table with this stage id; throws for an id no table has (ids are permanent, so that is a programming error). */
export function decisionTable(id: StageId): DecisionTableView {
  const table = decisionTables.find((candidate) => candidate.id === id);
  if (!table) throw new Error(`No decision table has the id ${id}.`);
  return table;
}

/** The stages whose table consults `ruleId`, with the 0-based rows that do, in reading order. */
export function stagesConsulting(ruleId: string): readonly { readonly table: DecisionTableView; readonly rows: readonly number[] }[] {
  return decisionTables
    .map((table) => ({ table, rows: table.rows.flatMap((row, index) => (row.rules.includes(ruleId) ? [index] : [])) }))
    .filter((entry) => entry.rows.length > 0);
}
