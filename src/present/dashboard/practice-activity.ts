import type { UserView } from '../records.ts';
import { type CohortScope, isInScope } from './cohort-scope.ts';

/** One user's practice in one rule area, as the store sums it (the server's `PracticeActivity` fits this). */
export interface PracticeActivityView {
  readonly userId: string;
  readonly area: string;
  readonly items: number;
  readonly answers: number;
  readonly correct: number;
  readonly lastAt: number | null;
}

/** One cell of the practice table: a trainee's practice in an area, worded; null where the trainee has none. */
export interface PracticeCell {
  readonly items: number;
  readonly answers: number;
  /** Whole percent right of the stored answers. */
  readonly accuracy: number;
}

export interface PracticeRow {
  readonly trainee: Pick<UserView, 'id' | 'name' | 'employeeId' | 'cohort'>;
  /** One per column, in column order. */
  readonly cells: readonly (PracticeCell | null)[];
  readonly items: number;
  readonly answers: number;
  readonly accuracy: number | null;
  readonly lastAt: number | null;
}

export interface PracticeTable {
  /** Rule areas anyone in scope practised, in handbook order. */
  readonly columns: readonly { readonly id: string; readonly title: string }[];
  /** Every trainee in scope, those who practised first (most recent first), then the rest in the given order. */
  readonly rows: readonly PracticeRow[];
  /** Trainees in scope who never synced any practice. */
  readonly idle: number;
}

const wholePercent = (part: number, whole: number) => Math.round((part / whole) * 100);

/**
 * The dashboard's practice table for the trainees in `scope`: practice per trainee and rule area (items practised,
 * answers, share right). Only signed-in practice counts: a browser that never synced is invisible here.
 */
export function practiceTable(
  trainees: readonly Pick<UserView, 'id' | 'name' | 'employeeId' | 'cohort'>[],
  activity: readonly PracticeActivityView[],
  areas: readonly { readonly id: string; readonly title: string }[],
  scope: CohortScope,
): PracticeTable {
  const inScope = trainees.filter((trainee) => isInScope(trainee, scope));
  const ids = new Set(inScope.map((trainee) => trainee.id));
  const mine = activity.filter((row) => ids.has(row.userId) && row.items > 0);
  const practised = new Set(mine.map((row) => row.area));
  const known = new Set(areas.map((area) => area.id));
  const columns = [...areas.filter((area) => practised.has(area.id)), ...[...practised].filter((id) => !known.has(id)).sort().map((id) => ({ id, title: id }))];
  const rows = inScope.map((trainee, order): PracticeRow & { order: number } => {
    const own = mine.filter((row) => row.userId === trainee.id);
    const answers = own.reduce((sum, row) => sum + row.answers, 0);
    const correct = own.reduce((sum, row) => sum + row.correct, 0);
    const times = own.flatMap((row) => (row.lastAt === null ? [] : [row.lastAt]));
    return {
      trainee,
      order,
      cells: columns.map((column) => {
        const row = own.find((entry) => entry.area === column.id);
        return row ? { items: row.items, answers: row.answers, accuracy: row.answers === 0 ? 0 : wholePercent(row.correct, row.answers) } : null;
      }),
      items: own.reduce((sum, row) => sum + row.items, 0),
      answers,
      accuracy: answers === 0 ? null : wholePercent(correct, answers),
      lastAt: times.length === 0 ? null : Math.max(...times),
    };
  });
  rows.sort((a, b) => (b.lastAt ?? -1) - (a.lastAt ?? -1) || a.order - b.order);
  return { columns, rows: rows.map(({ order: _order, ...row }) => row), idle: rows.filter((row) => row.items === 0).length };
}
