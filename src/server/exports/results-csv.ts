import { csvDocument, type CsvCell } from '../../quiz/index.ts';
import { formatBeijingTime } from '../../rules/index.ts';
import type { Exam } from '../../quiz/index.ts';
import type { AttemptStatus, AttemptSummary, Store } from '../store/index.ts';

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
 */
export async function resultsCsv(store: Store, exams: ReadonlyMap<string, Exam>, examId?: string): Promise<string> {
  const filter = examId ? { examId } : {};
  // Summaries only (lowdb: from the attempt index; PostgreSQL: one query without answers): 50,000 attempts in well
  // under a second, where reading every attempt took seconds.
  const [page, unreadable, users] = await Promise.all([
    store.pageAttempts(filter, { offset: 0, limit: Number.MAX_SAFE_INTEGER }),
    store.listUnreadableAttempts(filter),
    store.listUsers(),
  ]);
  const attempts = page.attempts;
  const byId = new Map(users.map((user) => [user.id, user]));
  const damaged = unreadable.map((attempt) => {
    const user = byId.get(attempt.userId);
    const row: CsvCell[] = [
      user?.name ?? '（已删除的学员）',
      user?.employeeId ?? null,
      user?.cohort ?? '未分组',
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
    return { startedAt: attempt.startedAt, row };
  });
  const readable = attempts.map((attempt: AttemptSummary): { startedAt: number; row: CsvCell[] } => ({ startedAt: attempt.startedAt, row: rowOf(attempt) }));
  return csvDocument(
    RESULTS_CSV_HEADER,
    [...readable, ...damaged].sort((a, b) => a.startedAt - b.startedAt).map((entry) => entry.row),
  );

  function rowOf(attempt: AttemptSummary): CsvCell[] {
    const user = byId.get(attempt.userId);
    const result =
      attempt.score !== null && attempt.maxScore !== null && attempt.passed !== null
        ? { score: attempt.score, maxScore: attempt.maxScore, passed: attempt.passed, certificateId: attempt.certificateId }
        : null;
    return [
      user?.name ?? '（已删除的学员）',
      user?.employeeId ?? null,
      user?.cohort ?? '未分组',
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
  }
}
