/** Who may start an exam: every trainee (in its availability window), or only the cohorts it is assigned to. */
export type ExamAudience = 'everyone' | 'assigned';

/** The part of an assignment that decides access (src/server/store's Assignment fits). */
export interface AssignmentWindow {
  readonly id: string;
  readonly cohorts: readonly string[];
  readonly opensAt: number;
  /** null: the window never closes. */
  readonly closesAt: number | null;
}

export type AssignmentAccess =
  | { readonly allowed: true; readonly via: 'everyone' }
  | { readonly allowed: true; readonly via: 'assignment'; readonly assignmentId: string }
  | {
      readonly allowed: false;
      /** No assignment of this exam names the trainee's cohort (or the trainee has none). */
      readonly code: 'EXAM_NOT_ASSIGNED';
    }
  | {
      readonly allowed: false;
      /** Every assignment for the trainee's cohort opens later; `at` is the earliest opening. */
      readonly code: 'ASSIGNMENT_NOT_YET_OPEN';
      readonly at: number;
    }
  | {
      readonly allowed: false;
      /** Every assignment for the trainee's cohort has closed; `at` is the latest close. */
      readonly code: 'ASSIGNMENT_CLOSED';
      readonly at: number;
    };

/** Whether the window is open at `now`: from `opensAt` (inclusive) to `closesAt` (exclusive). */
export const isWindowOpen = (window: Pick<AssignmentWindow, 'opensAt' | 'closesAt'>, now: number): boolean =>
  now >= window.opensAt && (window.closesAt === null || now < window.closesAt);

/**
 * Whether a trainee of `cohort` may start an exam at `now` (server clock) as far as assignments go; the exam's own
 * availability, attempts and cooldown are checked separately and also apply. An exam for `everyone` is not limited
 * by assignments (they only add a due date). An exam for `assigned` trainees can be started only through an
 * assignment of that exam naming the trainee's cohort whose window is open.
 */
export function assignmentAccess(
  audience: ExamAudience,
  cohort: string | null,
  assignments: readonly AssignmentWindow[],
  now: number,
): AssignmentAccess {
  if (audience === 'everyone') return { allowed: true, via: 'everyone' };
  const mine = cohort === null ? [] : assignments.filter((a) => a.cohorts.includes(cohort));
  if (mine.length === 0) return { allowed: false, code: 'EXAM_NOT_ASSIGNED' };
  const open = mine.find((a) => isWindowOpen(a, now));
  if (open) return { allowed: true, via: 'assignment', assignmentId: open.id };
  const later = mine.filter((a) => a.opensAt > now);
  if (later.length > 0) return { allowed: false, code: 'ASSIGNMENT_NOT_YET_OPEN', at: Math.min(...later.map((a) => a.opensAt)) };
  return { allowed: false, code: 'ASSIGNMENT_CLOSED', at: Math.max(...mine.map((a) => a.closesAt ?? 0)) };
}
