import type {
  Assignment,
  AssignmentChanges,
  AssignmentFilter,
  AssignmentsArea,
  CreateAssignmentResult,
  DeleteAssignmentResult,
  UpdateAssignmentResult,
} from './assignment-types.ts';
import { commit, type JsonDoc, keep } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { AssignmentsFile } from './assignment-schemas.ts';

type Stored = AssignmentsFile['assignments'][number];

/** `listAssignments` over a list: filtered, by due date then id. */
export function selectAssignments(assignments: readonly Assignment[], filter: AssignmentFilter): Assignment[] {
  return assignments
    .filter(
      (a) =>
        (filter.examId === undefined || a.examId === filter.examId) &&
        (filter.cohort === undefined || a.cohorts.includes(filter.cohort)),
    )
    .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Assignments in `assignments.json` (a few hundred at most: one per exam, cohort group and period). */
export class LowdbAssignments implements AssignmentsArea {
  readonly #doc: JsonDoc<AssignmentsFile>;
  readonly #lifecycle: Lifecycle;

  constructor(doc: JsonDoc<AssignmentsFile>, lifecycle: Lifecycle) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
  }

  async createAssignment(assignment: Omit<Assignment, 'revision'>): Promise<CreateAssignmentResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<CreateAssignmentResult>((draft) => {
      if (draft.assignments.some((a) => a.id === assignment.id)) return keep({ ok: false, code: 'ASSIGNMENT_ID_TAKEN' });
      const stored: Stored = { ...structuredClone(assignment), cohorts: [...assignment.cohorts], revision: 1 };
      draft.assignments.push(stored);
      return commit({ ok: true, assignment: stored });
    });
  }

  async getAssignment(id: string): Promise<Assignment | null> {
    return this.#doc.data.assignments.find((a) => a.id === id) ?? null;
  }

  async listAssignments(filter: AssignmentFilter = {}): Promise<Assignment[]> {
    return selectAssignments(this.#doc.data.assignments, filter);
  }

  async updateAssignment(id: string, changes: AssignmentChanges, baseRevision: number, at: number): Promise<UpdateAssignmentResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<UpdateAssignmentResult>((draft) => {
      const index = draft.assignments.findIndex((a) => a.id === id);
      if (index < 0) return keep({ ok: false, code: 'ASSIGNMENT_NOT_FOUND' });
      const current = draft.assignments[index]!;
      if (current.revision !== baseRevision) return keep({ ok: false, code: 'ASSIGNMENT_CONFLICT', assignment: current });
      const updated: Stored = {
        ...current,
        examId: changes.examId,
        cohorts: [...changes.cohorts],
        opensAt: changes.opensAt,
        closesAt: changes.closesAt,
        dueAt: changes.dueAt,
        note: changes.note,
        updatedAt: at,
        revision: current.revision + 1,
      };
      draft.assignments[index] = updated;
      return commit({ ok: true, assignment: updated });
    });
  }

  async deleteAssignment(id: string, baseRevision: number): Promise<DeleteAssignmentResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<DeleteAssignmentResult>((draft) => {
      const index = draft.assignments.findIndex((a) => a.id === id);
      if (index < 0) return keep({ ok: false, code: 'ASSIGNMENT_NOT_FOUND' });
      const current = draft.assignments[index]!;
      if (current.revision !== baseRevision) return keep({ ok: false, code: 'ASSIGNMENT_CONFLICT', assignment: current });
      draft.assignments.splice(index, 1);
      return commit({ ok: true });
    });
  }
}
