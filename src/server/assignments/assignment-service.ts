import { randomBytes } from 'node:crypto';
import { assignmentAccess, type Exam } from '../../quiz/index.ts';
import { CURRENT_EDITION, parseBeijingTime } from '../../rules/index.ts';
import { certificateStatus } from '../certificates/index.ts';
import { ApiError, type FieldError } from '../http/index.ts';
import type { Assignment, Store, User } from '../store/index.ts';
import type { AssignmentBody, AssignmentUpdateBody } from './assignment-body.ts';

/** Assignment ids: 96 random bits, URL-safe (they appear in form actions). */
const newId = () => randomBytes(12).toString('base64url');

/**
 * What a lead may assign: an exam that exists, cohorts that have trainees, and a window that meets the exam's own
 * availability (otherwise nobody could ever start it through this assignment).
 * @throws ApiError VALIDATION_FAILED with the fields at fault.
 */
async function checkBody(store: Store, exams: ReadonlyMap<string, Exam>, body: AssignmentBody): Promise<void> {
  const fields: FieldError[] = [];
  const exam = exams.get(body.examId);
  if (!exam) fields.push({ field: 'examId', message: '没有这场考试，请刷新页面后重新选择' });
  const known = new Set((await store.listUsers({ role: 'trainee' })).map((u) => u.cohort));
  const unknown = body.cohorts.filter((name) => !known.has(name));
  if (unknown.length > 0) fields.push({ field: 'cohorts', message: `没有这个班组：${unknown.join('、')}。请先在学员管理中添加该班组的学员` });
  if (exam?.availability) {
    const from = exam.availability.from ? parseBeijingTime(exam.availability.from) : null;
    const to = exam.availability.to ? parseBeijingTime(exam.availability.to) : null;
    if (to !== null && body.opensAt >= to) {
      fields.push({ field: 'opensAt', message: `这场考试在 ${exam.availability.to} 关闭（考试设置），开放时间要早于它` });
    } else if (from !== null && body.closesAt !== null && body.closesAt <= from) {
      fields.push({ field: 'closesAt', message: `这场考试 ${exam.availability.from} 才开放（考试设置），关闭时间要晚于它` });
    }
  }
  if (fields.length > 0) throw new ApiError('VALIDATION_FAILED', fields);
}

const changesOf = (body: AssignmentBody) => ({
  examId: body.examId,
  cohorts: body.cohorts,
  opensAt: body.opensAt,
  closesAt: body.closesAt,
  dueAt: body.dueAt,
  note: body.note,
});

/** Creating, editing and deleting assignments (leads), checked against the exams on offer. */
export function assignmentService(store: Store, exams: ReadonlyMap<string, Exam>) {
  return {
    list: () => store.listAssignments(),

    async create(lead: User, body: AssignmentBody, now: number): Promise<Assignment> {
      await checkBody(store, exams, body);
      const created = await store.createAssignment({ id: newId(), ...changesOf(body), createdAt: now, createdBy: lead.id, updatedAt: now });
      if (!created.ok) throw new Error(`assignment id collision: ${created.code}`);
      return created.assignment;
    },

    async update(id: string, body: AssignmentUpdateBody, now: number): Promise<Assignment> {
      if (!(await store.getAssignment(id))) throw new ApiError('ASSIGNMENT_NOT_FOUND');
      await checkBody(store, exams, body);
      const updated = await store.updateAssignment(id, changesOf(body), body.revision, now);
      if (!updated.ok) throw new ApiError(updated.code);
      return updated.assignment;
    },

    async remove(id: string, revision: number): Promise<void> {
      const removed = await store.deleteAssignment(id, revision);
      if (!removed.ok) throw new ApiError(removed.code);
    },
  };
}
export type AssignmentService = ReturnType<typeof assignmentService>;

/**
 * The assignment check before an attempt starts (see assignmentAccess): passes for an exam open to everyone, and for
 * an exam for assigned cohorts only when an assignment of it names the trainee's cohort and its window is open now.
 * @throws ApiError EXAM_NOT_ASSIGNED, ASSIGNMENT_NOT_YET_OPEN or ASSIGNMENT_CLOSED.
 */
export async function checkAssignmentAccess(store: Store, user: User, exam: Exam, now: number): Promise<void> {
  if (exam.audience === 'everyone') return;
  const assignments = user.cohort === null ? [] : await store.listAssignments({ examId: exam.id, cohort: user.cohort });
  const access = assignmentAccess(exam.audience, user.cohort, assignments, now);
  if (!access.allowed) throw new ApiError(access.code);
}

/**
 * The attempts that count against `attemptsAllowed`: all of them, except when the trainee's newest certificate of
 * the exam has lapsed (expired or needs recertification) and none is valid — then a new round starts and only
 * attempts started after that certificate was issued count, so a holder sent back to recertify can take the exam.
 */
export async function attemptsThisRound<A extends { readonly startedAt: number }>(
  store: Store,
  user: User,
  examId: string,
  now: number,
  attempts: readonly A[],
): Promise<A[]> {
  const standing = (await store.listCertificates({ userId: user.id, examId })).map((certificate) => ({
    issuedAt: certificate.issuedAt,
    status: certificateStatus(certificate, now, CURRENT_EDITION),
  }));
  if (standing.some((c) => c.status === 'valid')) return [...attempts];
  const lapsed = standing.filter((c) => c.status === 'expired' || c.status === 'needs-recertification');
  if (lapsed.length === 0) return [...attempts];
  const since = Math.max(...lapsed.map((c) => c.issuedAt));
  return attempts.filter((a) => a.startedAt >= since);
}

/** The start policy of a trainee (see the attempt service's StartPolicy): assignment windows and recertification rounds. */
export function assignmentStartPolicy(store: Store, user: User, examId: string) {
  return {
    countedAttempts: <A extends { readonly startedAt: number }>(attempts: readonly A[], at: number) =>
      attemptsThisRound(store, user, examId, at, attempts),
    check: (exam: Exam, at: number) => checkAssignmentAccess(store, user, exam, at),
  };
}

/**
 * The signed-in lead of an assignment request. The middleware already admits only leads to `/api/lead`; this keeps
 * the handler safe on its own.
 * @throws ApiError UNAUTHENTICATED or FORBIDDEN.
 */
export function assignmentLead(user: User | null | undefined): User {
  if (!user) throw new ApiError('UNAUTHENTICATED');
  if (user.role !== 'lead') throw new ApiError('FORBIDDEN');
  return user;
}
