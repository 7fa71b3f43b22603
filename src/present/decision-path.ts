import { decisionTables, ruleById, type DecisionTableView, type StageId } from '../rules/index.ts';
import type { ChainFlow } from './flow/flows.ts';

/** A rule as a decision path names it: id, title and its handbook page. */
export interface RuleLink {
  readonly id: string;
  readonly title: string;
  readonly href: string;
}

/** A stage as a link: its title and its place on the handbook's decision-path page. */
export interface StageLink {
  readonly id: StageId;
  readonly title: string;
  readonly href: string;
}

/** One row of a stage's decision path, numbered from 1 in the order `decide()` consults it. */
export interface DecisionPathRow {
  readonly order: number;
  readonly rules: readonly RuleLink[];
  readonly when: string;
  readonly then: string;
  readonly next?: StageLink;
  /** The row never settles the stage: it records or adjusts, and the walk goes on. */
  readonly continues: boolean;
}

/** A stage's decision table as the handbook and /flows render it. */
export interface DecisionPath extends StageLink {
  readonly summary: string;
  /** Anchor of the stage on the handbook page (and on /flows). */
  readonly anchor: string;
  readonly rows: readonly DecisionPathRow[];
}

/** The handbook page that lists every stage's decision path. */
export const DECISION_PATH_PAGE = '/rules/path';

const anchorOf = (id: StageId) => `stage-${id}`;

/** Links a stage to its table on the handbook page. */
export function stageLink(table: Pick<DecisionTableView, 'id' | 'title'>): StageLink {
  return { id: table.id, title: table.title, href: `${DECISION_PATH_PAGE}#${anchorOf(table.id)}` };
}

/** Links a rule to its handbook page; a rule id the catalogue lacks keeps the id as its title. */
export function ruleLink(id: string): RuleLink {
  return { id, title: ruleById(id)?.title ?? id, href: `/rules/${id}` };
}

/** Every stage's decision path, in the reading order of `decisionTables`. */
export function decisionPaths(tables: readonly DecisionTableView[] = decisionTables): DecisionPath[] {
  const titles = new Map(tables.map((table) => [table.id, table.title]));
  return tables.map((table) => ({
    ...stageLink(table),
    summary: table.summary,
    anchor: anchorOf(table.id),
    rows: table.rows.map((row, index) => ({
      order: index + 1,
      rules: row.rules.map(ruleLink),
      when: row.when,
      then: row.then,
      ...(row.next ? { next: stageLink({ id: row.next, title: titles.get(row.next) ?? row.next }) } : {}),
      continues: row.continues === true,
    })),
  }));
}

/** Where a rule sits in the decision paths: each stage whose rows consult it, with those rows' numbers. */
export function decisionPlacesOf(ruleId: string, paths: readonly DecisionPath[] = decisionPaths()): { stage: StageLink; rows: number[] }[] {
  return paths
    .map((path) => ({
      stage: { id: path.id, title: path.title, href: path.href },
      rows: path.rows.filter((row) => row.rules.some((rule) => rule.id === ruleId)).map((row) => row.order),
    }))
    .filter((place) => place.rows.length > 0);
}

/**
 * A stage's decision path as a chain diagram: one box per row in the order consulted, each with what follows when
 * its condition holds; the arrow down is “otherwise”.
 */
export function decisionPathFlow(path: DecisionPath): ChainFlow {
  const ruleIds = [...new Set(path.rows.flatMap((row) => row.rules.map((rule) => rule.id)))];
  return {
    kind: 'chain',
    id: path.anchor,
    title: path.title,
    summary: `${path.summary}自上而下逐行查看：条件成立就按右侧处理，否则看下一行。`,
    ruleIds,
    noteWidth: 18 * 13,
    steps: path.rows.map((row) => ({
      label: `${row.order}. ${row.when}`,
      note: row.continues ? row.then : row.next ? `是 → 转「${row.next.title}」` : `是 → ${row.then}`,
      ...(row.rules[0] ? { ruleId: row.rules[0].id } : {}),
      ...(row.next ? { tone: 'head' as const } : {}),
    })),
  };
}
