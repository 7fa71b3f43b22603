/** An expected refusal (the same shape as store.ts's Refused, repeated here so the two files do not import each other). */
interface Refused<Code extends string> {
  readonly ok: false;
  readonly code: Code;
}

/**
 * An exam assigned by a lead to one or more cohorts: the window in which it can be started through this assignment
 * (`opensAt` ≤ now < `closesAt`, server clock; `closesAt` null = no end) and the date it is due. Times are epoch ms.
 * `revision` starts at 1 and goes up by one on every update, so two leads editing one assignment cannot overwrite
 * each other silently.
 */
export interface Assignment {
  readonly id: string;
  readonly examId: string;
  /** Cohort names (as stored on users), at least one, no repeats, in the order the lead picked them. */
  readonly cohorts: readonly string[];
  readonly opensAt: number;
  readonly closesAt: number | null;
  readonly dueAt: number;
  /** A note for the trainees (optional), e.g. why the exam is assigned. */
  readonly note: string;
  readonly createdAt: number;
  /** User id of the lead who created it. */
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly revision: number;
}

/** The fields a lead sets; the store keeps `id`, `createdAt`, `createdBy` and counts `revision`. */
export type AssignmentChanges = Pick<Assignment, 'examId' | 'cohorts' | 'opensAt' | 'closesAt' | 'dueAt' | 'note'>;

export type CreateAssignmentResult =
  { readonly ok: true; readonly assignment: Assignment } | Refused<'ASSIGNMENT_ID_TAKEN'>;

export type UpdateAssignmentResult =
  | { readonly ok: true; readonly assignment: Assignment }
  | Refused<'ASSIGNMENT_NOT_FOUND'>
  /** The stored revision is not the one the change was made from (returned, to show the lead). */
  | (Refused<'ASSIGNMENT_CONFLICT'> & { readonly assignment: Assignment });

export type DeleteAssignmentResult =
  | { readonly ok: true }
  | Refused<'ASSIGNMENT_NOT_FOUND'>
  | (Refused<'ASSIGNMENT_CONFLICT'> & { readonly assignment: Assignment });

/** Which assignments to list; every field narrows the list. */
export interface AssignmentFilter {
  readonly examId?: string;
  /** Assignments that include this cohort. */
  readonly cohort?: string;
}

/** Exam assignments to cohorts. */
export interface AssignmentsArea {
  /** Stores a new assignment with `revision` 1 (whatever the argument says); refuses a taken id. */
  createAssignment(assignment: Omit<Assignment, 'revision'>): Promise<CreateAssignmentResult>;
  getAssignment(id: string): Promise<Assignment | null>;
  /** Sorted by dueAt, then id. */
  listAssignments(filter?: AssignmentFilter): Promise<Assignment[]>;
  /**
   * Replaces the lead-set fields when the stored revision is `baseRevision`; the revision goes up by one. Of parallel
   * updates from one revision exactly one succeeds, the others are refused ASSIGNMENT_CONFLICT.
   */
  updateAssignment(id: string, changes: AssignmentChanges, baseRevision: number, at: number): Promise<UpdateAssignmentResult>;
  /** Deletes the assignment when the stored revision is `baseRevision`. */
  deleteAssignment(id: string, baseRevision: number): Promise<DeleteAssignmentResult>;
}
