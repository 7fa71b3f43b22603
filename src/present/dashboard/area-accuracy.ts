import type { AttemptView } from '../../quiz/index.ts';
import { isGraded } from '../../quiz/index.ts';

/** Items answered correctly out of items asked, in one rule area (or overall when `area` is '*'). */
export interface AreaTally {
  readonly area: string;
  readonly correct: number;
  readonly total: number;
}

/** A rule area as the catalogue names it (`ruleAreas` from src/rules). */
export interface AreaInfo {
  readonly id: string;
  readonly title: string;
}

/** Per-area tallies over every item of every scored attempt given, in first-seen order. */
export function areaTallies(attempts: readonly AttemptView[]): AreaTally[] {
  return itemTallies(attempts.flatMap((attempt) => (isGraded(attempt) ? attempt.result.perItem : [])));
}

/**
 * One graded attempt's per-area tallies from its per-item results, in first-seen order: what the stores keep with a
 * closed attempt (written at grading time) so that dashboards add tallies instead of reading every answer.
 */
export function itemTallies(perItem: readonly { readonly correct: boolean; readonly ruleArea: string }[]): AreaTally[] {
  const tallies = new Map<string, { correct: number; total: number }>();
  for (const item of perItem) {
    const tally = tallies.get(item.ruleArea) ?? { correct: 0, total: 0 };
    tally.total += 1;
    if (item.correct) tally.correct += 1;
    tallies.set(item.ruleArea, tally);
  }
  return [...tallies].map(([area, { correct, total }]) => ({ area, correct, total }));
}

/** Adds tallies of the same area together. */
export function mergeTallies(lists: readonly (readonly AreaTally[])[]): AreaTally[] {
  const merged = new Map<string, { correct: number; total: number }>();
  for (const list of lists) {
    for (const { area, correct, total } of list) {
      const sum = merged.get(area) ?? { correct: 0, total: 0 };
      sum.correct += correct;
      sum.total += total;
      merged.set(area, sum);
    }
  }
  return [...merged].map(([area, { correct, total }]) => ({ area, correct, total }));
}

/** All areas of the tallies added into one. */
export function overallTally(tallies: readonly AreaTally[]): AreaTally {
  return tallies.reduce((sum, t) => ({ area: '*', correct: sum.correct + t.correct, total: sum.total + t.total }), { area: '*', correct: 0, total: 0 });
}

/** correct / total (0–1), or null when nothing was asked. */
export function accuracyOf(tally: Pick<AreaTally, 'correct' | 'total'>): number | null {
  return tally.total === 0 ? null : tally.correct / tally.total;
}

/**
 * The areas that occur in the tallies, in catalogue order; an area id the catalogue does not know (a retired area in
 * an old attempt) follows, titled by its id.
 */
export function areasPresent(lists: readonly (readonly AreaTally[])[], catalogue: readonly AreaInfo[]): AreaInfo[] {
  const present = new Set(lists.flatMap((list) => list.filter((t) => t.total > 0).map((t) => t.area)));
  const known = catalogue.filter((area) => present.has(area.id));
  const unknown = [...present].filter((id) => !catalogue.some((area) => area.id === id)).sort();
  return [...known, ...unknown.map((id) => ({ id, title: id }))];
}
