import { assignmentBoard, assigneeStatus, type AssigneeStatus, type AssignmentBoard, type UserView } from '../../present/index.ts';
import { isWindowOpen, type Exam } from '../../quiz/index.ts';
import { CURRENT_EDITION } from '../../rules/index.ts';
import { certificateStatus } from '../certificates/index.ts';
import { type Assignment, type AttemptDigest, attemptDigests, type AttemptRecord, type Certificate, type Store, type User } from '../store/index.ts';

const examTitleIn = (exams: ReadonlyMap<string, Exam>) => (id: string) => exams.get(id)?.title ?? id;

/**
 * Completion of the assignments (all, or one exam's) against their due dates, and who is late, as of `now`; reads
 * the trainees, and the attempt digests and certificates of the assigned exams only.
 */
export async function loadAssignmentBoard(
  store: Store,
  exams: ReadonlyMap<string, Exam>,
  options: {
    readonly examId?: string;
    /** The digests of `examId`'s attempts when the caller has read them already (the dashboard): not read again. */
    readonly attempts?: readonly AttemptDigest[];
    readonly includes?: (trainee: UserView) => boolean;
    readonly now: number;
  },
): Promise<AssignmentBoard> {
  const assignments = await store.listAssignments(options.examId === undefined ? {} : { examId: options.examId });
  const examIds = [...new Set(assignments.map((a) => a.examId))];
  const attempts: AttemptDigest[] = [];
  const certificates: Certificate[] = [];
  for (const examId of examIds) {
    // Digests: completion needs who started when and how it stands, never the answers.
    const given = examId === options.examId ? options.attempts : undefined;
    attempts.push(...(given ?? (await attemptDigests(store, { examId }))));
    certificates.push(...(await store.listCertificates({ examId })));
  }
  return assignmentBoard({
    assignments,
    trainees: assignments.length === 0 ? [] : await store.listUsers({ role: 'trainee' }),
    attempts,
    certificates: certificates.map((certificate) => ({ certificate, status: certificateStatus(certificate, options.now, CURRENT_EDITION) })),
    examTitle: examTitleIn(exams),
    ...(options.includes ? { includes: options.includes } : {}),
    now: options.now,
  });
}

/** One assignment as the trainee sees it on /me. */
export interface MyAssignment extends AssigneeStatus {
  readonly assignment: Assignment;
  readonly exam: Exam | null;
  /** Whether its window is open now (server clock). */
  readonly isOpen: boolean;
}

/**
 * The assignments naming the trainee's cohort, with the trainee's standing on each, due first. `attempts` and
 * `certificates` are the trainee's own (the page has read them already).
 */
export async function myAssignments(
  store: Store,
  user: User,
  exams: ReadonlyMap<string, Exam>,
  attempts: readonly AttemptRecord[],
  certificates: readonly Certificate[],
  now: number,
): Promise<MyAssignment[]> {
  if (user.cohort === null || user.role !== 'trainee') return [];
  const standing = certificates.map((certificate) => ({ certificate, status: certificateStatus(certificate, now, CURRENT_EDITION) }));
  return (await store.listAssignments({ cohort: user.cohort })).map((assignment) => ({
    assignment,
    exam: exams.get(assignment.examId) ?? null,
    isOpen: isWindowOpen(assignment, now),
    ...assigneeStatus(user.id, assignment, attempts, standing, now),
  }));
}
