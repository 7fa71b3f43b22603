import type { PracticeItem } from '../../quiz/index.ts';

/** One row of the end-of-quiz summary: how the trainee did on the questions a rule area decided. */
export interface AreaScore {
  readonly area: string;
  readonly title: string;
  readonly correct: number;
  readonly total: number;
  /** The area's section of the rule handbook. */
  readonly href: string;
}

/**
 * Scores by rule area, in the handbook's order (the key order of `areaTitles`) so the table reads the same from
 * round to round. Items without a result are skipped; an area missing from `areaTitles` is shown under its id, last.
 */
export function areaSummary(
  items: readonly PracticeItem[],
  results: ReadonlyMap<string, boolean>,
  areaTitles: Readonly<Record<string, string>>,
): AreaScore[] {
  const order = Object.keys(areaTitles);
  const rows = new Map<string, { correct: number; total: number }>();
  for (const item of items) {
    const result = results.get(item.id);
    if (result === undefined) continue;
    const row = rows.get(item.area) ?? { correct: 0, total: 0 };
    rows.set(item.area, { correct: row.correct + (result ? 1 : 0), total: row.total + 1 });
  }
  const rank = (area: string) => (order.includes(area) ? order.indexOf(area) : order.length);
  return [...rows.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([area, row]) => ({ area, title: areaTitles[area] ?? area, ...row, href: `/rules#${area}` }));
}
