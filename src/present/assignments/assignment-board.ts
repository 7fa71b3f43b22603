import { compareCohorts } from '../cohort-order.ts';
import type { UserView } from '../records.ts';
import {
  type AssigneeStatus,
  assigneeStatus,
  type AssignmentDue,
  type AssignmentStatus,
  type AttemptStanding,
  type CertificateStanding,
} from './assignee-status.ts';

/** The part of an assignment the board shows (src/server/store's Assignment fits). */
export interface AssignmentRecord extends AssignmentDue {
  readonly id: string;
  readonly cohorts: readonly string[];
  readonly note: string;
  readonly revision: number;
}

export interface AssigneeRow extends AssigneeStatus {
  readonly user: UserView;
}

/** One assignment's completion against its due date. */
export interface AssignmentProgress {
  readonly assignment: AssignmentRecord;
  readonly examTitle: string;
  /** Enabled trainees of the assignment's cohorts (within the board's cohort filter), by cohort then employee id. */
  readonly rows: readonly AssigneeRow[];
  readonly counts: Readonly<Record<AssignmentStatus, number>>;
  /** Trainees whose valid certificate was issued by the due date. */
  readonly onTime: number;
  /** Whether the due date has passed at `now`. */
  readonly isPastDue: boolean;
}

/** One trainee who has not completed an assignment by its due date, or whose certificate lapsed. */
export interface OverdueRow {
  readonly user: UserView;
  readonly assignment: AssignmentRecord;
  readonly examTitle: string;
  readonly status: 'overdue' | 'needs-recertification';
  /** ms past the due date; null for a lapsed certificate whose assignment is not yet due. */
  readonly lateMs: number | null;
  readonly openAttemptId: string | null;
}

export interface AssignmentBoard {
  readonly assignments: readonly AssignmentProgress[];
  /** Most late first; lapsed certificates without a past due date after them. */
  readonly overdue: readonly OverdueRow[];
}

export interface AssignmentBoardInput {
  readonly assignments: readonly AssignmentRecord[];
  readonly trainees: readonly UserView[];
  readonly attempts: readonly AttemptStanding[];
  readonly certificates: readonly CertificateStanding[];
  readonly examTitle: (examId: string) => string;
  /** Only trainees this accepts are counted (the dashboard's cohort scope); default: all. */
  readonly includes?: (trainee: UserView) => boolean;
  readonly now: number;
}

const EMPTY_COUNTS: Record<AssignmentStatus, number> = {
  'not-started': 0,
  'in-progress': 0,
  passed: 0,
  overdue: 0,
  'needs-recertification': 0,
};

/**
 * Completion of every assignment against its due date and the list of who is late, computed at `now`. Disabled
 * accounts are left out (they have left the programme, as on the dashboard); trainees without a cohort are never
 * assigned. A trainee in two assignments of one exam appears in both.
 */
export function assignmentBoard(input: AssignmentBoardInput): AssignmentBoard {
  const includes = input.includes ?? (() => true);
  const trainees = input.trainees
    .filter((t) => t.role === 'trainee' && !t.disabled && t.cohort !== null && includes(t))
    .sort((a, b) => compareCohorts(a.cohort!, b.cohort!) || (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
  const overdue: OverdueRow[] = [];
  // Grouped once by trainee: each status then looks at that trainee's records only (50,000 attempts × 2,500 trainees
  // scanned per trainee took seconds).
  const attemptsOf = groupByUser(input.attempts, (a) => a.userId);
  const certificatesOf = groupByUser(input.certificates, (c) => c.certificate.userId);
  const assignments = input.assignments.map((assignment): AssignmentProgress => {
    const examTitle = input.examTitle(assignment.examId);
    const rows = trainees
      .filter((t) => assignment.cohorts.includes(t.cohort!))
      .map((user) => ({
        user,
        ...assigneeStatus(user.id, assignment, attemptsOf.get(user.id) ?? [], certificatesOf.get(user.id) ?? [], input.now),
      }));
    const counts = { ...EMPTY_COUNTS };
    for (const row of rows) counts[row.status] += 1;
    for (const row of rows) {
      if (row.status === 'overdue' || row.status === 'needs-recertification') {
        const lateMs = row.status === 'overdue' ? row.lateMs : input.now >= assignment.dueAt ? input.now - assignment.dueAt : null;
        overdue.push({ user: row.user, assignment, examTitle, status: row.status, lateMs, openAttemptId: row.openAttemptId });
      }
    }
    return {
      assignment,
      examTitle,
      rows,
      counts,
      onTime: rows.filter((row) => row.status === 'passed' && row.passedAt !== null && row.passedAt <= assignment.dueAt).length,
      isPastDue: input.now >= assignment.dueAt,
    };
  });
  overdue.sort((a, b) => (b.lateMs ?? -1) - (a.lateMs ?? -1) || (a.user.employeeId < b.user.employeeId ? -1 : 1));
  return { assignments, overdue };
}

function groupByUser<T>(items: readonly T[], userOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(userOf(item));
    if (group) group.push(item);
    else groups.set(userOf(item), [item]);
  }
  return groups;
}
