import { accuracyOf, type AreaInfo, type AreaTally, areasPresent, overallTally } from './area-accuracy.ts';

/** How many trainee rows the heatmap shows unless the lead asks for all of them: the weakest first. */
export const HEATMAP_TRAINEE_LIMIT = 30;

export interface HeatmapRow {
  /** Stable key: a user id or a cohort parameter. */
  readonly key: string;
  readonly label: string;
  /** Extra text for the table (工号, 班组). */
  readonly detail: string;
  readonly href: string | null;
  /** One per column, in column order; a cell with total 0 had no item of that area. */
  readonly cells: readonly AreaTally[];
  readonly overall: AreaTally;
}

export interface Heatmap {
  readonly columns: readonly AreaInfo[];
  readonly rows: readonly HeatmapRow[];
  /** Rows there were before the limit: more than rows.length when some were left out. */
  readonly totalRows: number;
}

export interface HeatmapSource {
  readonly key: string;
  readonly label: string;
  readonly detail: string;
  readonly href: string | null;
  readonly areas: readonly AreaTally[];
}

/**
 * Lays out rows × rule areas. Columns are the areas any row has items in, in catalogue order. Rows with no items
 * at all are left out; with `weakestFirst`, rows are ordered by overall accuracy ascending (then by key), and only
 * the first `limit` are kept (null keeps all).
 */
export function heatmap(
  sources: readonly HeatmapSource[],
  catalogue: readonly AreaInfo[],
  options: { readonly weakestFirst: boolean; readonly limit: number | null },
): Heatmap {
  const withData = sources.filter((s) => overallTally(s.areas).total > 0);
  const columns = areasPresent(withData.map((s) => s.areas), catalogue);
  const rows = withData.map((source) => ({
    key: source.key,
    label: source.label,
    detail: source.detail,
    href: source.href,
    cells: columns.map((column) => source.areas.find((t) => t.area === column.id) ?? { area: column.id, correct: 0, total: 0 }),
    overall: overallTally(source.areas),
  }));
  if (options.weakestFirst) {
    rows.sort((a, b) => accuracyOf(a.overall)! - accuracyOf(b.overall)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return { columns, rows: options.limit === null ? rows : rows.slice(0, options.limit), totalRows: rows.length };
}

/** Lower bounds of accuracy for the five shades, darkest (weakest) last. */
export const HEAT_STEPS: readonly { readonly min: number; readonly label: string }[] = [
  { min: 90, label: '90%–100%' },
  { min: 75, label: '75%–89%' },
  { min: 60, label: '60%–74%' },
  { min: 40, label: '40%–59%' },
  { min: 0, label: '0%–39%' },
];

/** Accuracy as the whole percent the page prints (rounded), or null when nothing was asked. */
export function wholePercent(tally: Pick<AreaTally, 'correct' | 'total'>): number | null {
  return tally.total === 0 ? null : Math.round((tally.correct * 100) / tally.total);
}

/**
 * The shade (0 = strongest, 4 = weakest) for a cell, or null when it has no items. Judged on the printed whole
 * percent, so a cell never shows a number outside its legend range.
 */
export function heatStep(tally: Pick<AreaTally, 'correct' | 'total'>): number | null {
  const percent = wholePercent(tally);
  return percent === null ? null : HEAT_STEPS.findIndex((step) => percent >= step.min);
}
