import { csvLine, csvStart, type CsvCell } from '../../quiz/index.ts';
import { formatBeijingTime } from '../../rules/index.ts';
import type { Exam } from '../../quiz/index.ts';
import { attemptPages, type AttemptStatus, type AttemptSummary, type Store, type UnreadableAttempt } from '../store/index.ts';

const STATUS: Record<AttemptStatus, string> = { 'in-progress': '进行中', submitted: '已交卷', expired: '超时自动交卷' };

export const RESULTS_CSV_HEADER = [
  '姓名',
  '工号',
  '班组',
  '考试',
  '考试编号',
  '开始时间（北京时间）',
  '交卷时间（北京时间）',
  '状态',
  '得分',
  '满分',
  '得分率',
  '是否通过',
  '证书编号',
  '作答编号',
] as const;

const time = (at: number | null) => (at === null ? null : formatBeijingTime(at));

/** Status column of an attempt whose stored record cannot be read (a damaged file): its result columns stay empty. */
export const UNREADABLE_STATUS = '记录无法读取（文件损坏）';

/**
 * One row per attempt, oldest first (optionally one exam's), as a CSV file Excel opens with Chinese intact:
 * see `csvDocument` for the BOM, quoting and the formula guard. Percent is score / max as a whole percentage;
 * result columns are empty while an attempt is in progress, and for an attempt whose record cannot be read.
 *
 * Written in pieces, one per page of the store's scan (digests: lowdb from the attempt index, PostgreSQL a few
 * columns per row), so memory stays flat however many attempts there are: the first piece is the BOM and the header.
 * Attempts starting at the same instant follow each other by id; an unreadable one after the readable ones.
 */
export async function* resultsCsvPieces(store: Store, exams: ReadonlyMap<string, Exam>, examId?: string): AsyncGenerator<string> {
  const filter = examId ? { examId } : {};
  const [unreadable, users] = await Promise.all([store.listUnreadableAttempts(filter), store.listUsers()]);
  const byId = new Map(users.map((user) => [user.id, user]));
  const person = (userId: string): CsvCell[] => {
    const user = byId.get(userId);
    return [user?.name ?? '（已删除的学员）', user?.employeeId ?? null, user?.cohort ?? '未分组'];
  };
  const damagedRow = (attempt: UnreadableAttempt): CsvCell[] => [
    ...person(attempt.userId),
    exams.get(attempt.examId)?.title ?? attempt.examId,
    attempt.examId,
    time(attempt.startedAt),
    null,
    UNREADABLE_STATUS,
    null,
    null,
    null,
    null,
    null,
    attempt.id,
  ];
  const rowOf = (attempt: AttemptSummary): CsvCell[] => {
    const result =
      attempt.score !== null && attempt.maxScore !== null && attempt.passed !== null
        ? { score: attempt.score, maxScore: attempt.maxScore, passed: attempt.passed, certificateId: attempt.certificateId }
        : null;
    return [
      ...person(attempt.userId),
      exams.get(attempt.examId)?.title ?? attempt.examId,
      attempt.examId,
      time(attempt.startedAt),
      time(attempt.submittedAt),
      STATUS[attempt.status],
      result?.score ?? null,
      result?.maxScore ?? null,
      result && result.maxScore > 0 ? `${Math.round((result.score / result.maxScore) * 100)}%` : null,
      result ? (result.passed ? '通过' : '未通过') : null,
      result?.certificateId ?? null,
      attempt.id,
    ];
  };

  yield csvStart(RESULTS_CSV_HEADER);
  // Damaged records are few (each was logged when found); they are merged in by start time as the pages go by.
  let damaged = 0;
  for await (const page of attemptPages(store, filter)) {
    let piece = '';
    for (const attempt of page) {
      for (; damaged < unreadable.length && unreadable[damaged]!.startedAt < attempt.startedAt; damaged += 1) piece += csvLine(damagedRow(unreadable[damaged]!));
      piece += csvLine(rowOf(attempt));
    }
    yield piece;
  }
  let rest = '';
  for (; damaged < unreadable.length; damaged += 1) rest += csvLine(damagedRow(unreadable[damaged]!));
  if (rest) yield rest;
}

/** The whole results CSV as one string (see resultsCsvPieces): for tests and small exports. */
export async function resultsCsv(store: Store, exams: ReadonlyMap<string, Exam>, examId?: string): Promise<string> {
  let csv = '';
  for await (const piece of resultsCsvPieces(store, exams, examId)) csv += piece;
  return csv;
}
