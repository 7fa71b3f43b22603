import type pg from 'pg';
import type {
  Assignment,
  AssignmentChanges,
  AssignmentFilter,
  AssignmentsArea,
  CreateAssignmentResult,
  DeleteAssignmentResult,
  UpdateAssignmentResult,
} from './assignment-types.ts';

type Row = Record<string, unknown>;

function toAssignment(row: Row): Assignment {
  return {
    id: row.id as string,
    examId: row.exam_id as string,
    cohorts: row.cohorts as string[],
    opensAt: row.opens_at as number,
    closesAt: row.closes_at as number | null,
    dueAt: row.due_at as number,
    note: row.note as string,
    createdAt: row.created_at as number,
    createdBy: row.created_by as string,
    updatedAt: row.updated_at as number,
    revision: row.revision as number,
  };
}

/**
 * Assignments in PostgreSQL (table `assignments`, migration 3). Each verb is one statement: the revision check of an
 * update or delete is its WHERE clause, so of parallel changes from one revision exactly one matches the row.
 */
export class PostgresAssignments implements AssignmentsArea {
  readonly #pool: pg.Pool;
  readonly #assertOpen: () => void;

  constructor(pool: pg.Pool, assertOpen: () => void) {
    this.#pool = pool;
    this.#assertOpen = assertOpen;
  }

  async #query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.#pool.query(sql, params as unknown[])).rows as Row[];
  }

  async createAssignment(assignment: Omit<Assignment, 'revision'>): Promise<CreateAssignmentResult> {
    this.#assertOpen();
    const [row] = await this.#query(
      `INSERT INTO assignments (id, exam_id, cohorts, opens_at, closes_at, due_at, note, created_at, created_by, updated_at, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) ON CONFLICT (id) DO NOTHING RETURNING *`,
      [
        assignment.id,
        assignment.examId,
        [...assignment.cohorts],
        assignment.opensAt,
        assignment.closesAt,
        assignment.dueAt,
        assignment.note,
        assignment.createdAt,
        assignment.createdBy,
        assignment.updatedAt,
      ],
    );
    return row ? { ok: true, assignment: toAssignment(row) } : { ok: false, code: 'ASSIGNMENT_ID_TAKEN' };
  }

  async getAssignment(id: string): Promise<Assignment | null> {
    const [row] = await this.#query('SELECT * FROM assignments WHERE id = $1', [id]);
    return row ? toAssignment(row) : null;
  }

  async listAssignments(filter: AssignmentFilter = {}): Promise<Assignment[]> {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (filter.examId !== undefined) {
      params.push(filter.examId);
      clauses.push(`exam_id = $${params.length}`);
    }
    if (filter.cohort !== undefined) {
      params.push([filter.cohort]);
      clauses.push(`cohorts @> $${params.length}::text[]`);
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    // COLLATE "C": ids compare by code point, as the lowdb store sorts them.
    return (await this.#query(`SELECT * FROM assignments ${where} ORDER BY due_at, id COLLATE "C"`, params)).map(toAssignment);
  }

  async updateAssignment(id: string, changes: AssignmentChanges, baseRevision: number, at: number): Promise<UpdateAssignmentResult> {
    this.#assertOpen();
    const [row] = await this.#query(
      `UPDATE assignments SET exam_id = $3, cohorts = $4, opens_at = $5, closes_at = $6, due_at = $7, note = $8,
         updated_at = $9, revision = revision + 1
       WHERE id = $1 AND revision = $2 RETURNING *`,
      [id, baseRevision, changes.examId, [...changes.cohorts], changes.opensAt, changes.closesAt, changes.dueAt, changes.note, at],
    );
    if (row) return { ok: true, assignment: toAssignment(row) };
    const current = await this.getAssignment(id);
    return current ? { ok: false, code: 'ASSIGNMENT_CONFLICT', assignment: current } : { ok: false, code: 'ASSIGNMENT_NOT_FOUND' };
  }

  async deleteAssignment(id: string, baseRevision: number): Promise<DeleteAssignmentResult> {
    this.#assertOpen();
    const deleted = await this.#pool.query('DELETE FROM assignments WHERE id = $1 AND revision = $2', [id, baseRevision]);
    if ((deleted.rowCount ?? 0) > 0) return { ok: true };
    const current = await this.getAssignment(id);
    return current ? { ok: false, code: 'ASSIGNMENT_CONFLICT', assignment: current } : { ok: false, code: 'ASSIGNMENT_NOT_FOUND' };
  }
}
