import { describe, expect, it } from 'vitest';
import { ExamSchema, examEligibility, type Exam } from '../../quiz/index.ts';
import { examStartView } from './start-view.ts';

const exam: Exam = ExamSchema.parse({
  id: 'demo',
  title: '演示考试',
  blueprint: [{ title: '全部', count: 10 }],
  timeLimitMinutes: 20,
  passMark: 0.8,
  attemptsAllowed: 2,
  cooldownHours: 24,
  reviewPolicy: 'full',
  certificateValidityDays: 365,
});
const hour = 3_600_000;
const finished = (endedAt: number) => ({ status: 'submitted' as const, startedAt: endedAt - hour, deadlineAt: endedAt, submittedAt: endedAt });
const standing = (attempts: ReturnType<typeof finished>[], now: number, extra = {}) => ({
  attemptsAllowed: 2,
  attemptsUsed: attempts.length,
  openAttemptId: null,
  eligibility: examEligibility(exam, attempts, now),
  ...extra,
});

describe('exam start view', () => {
  it('states the time limit, pass mark, attempts left and the time-out before a first attempt', () => {
    const view = examStartView(exam, standing([], 0));
    expect(view).toMatchObject({ canStart: true, blocked: null, attemptsLeft: 2, attemptsLine: '剩余考试次数：2 / 2' });
    expect(view.rules.join('')).toContain('限时 20 分钟');
    expect(view.rules.join('')).toContain('答对 80% 及以上通过');
    expect(view.rules.join('')).toContain('按已保存的答案自动交卷');
  });

  it('during the cooldown says when (Beijing time) a retake opens, and after it allows one', () => {
    const end = Date.UTC(2026, 0, 1, 2, 0); // 10:00 in Beijing
    const during = examStartView(exam, standing([finished(end)], end + hour));
    expect(during.canStart).toBe(false);
    expect(during.blocked).toBe('两次考试之间至少间隔 24 小时，2026-01-02 10:00（北京时间）后可以再考。');
    expect(examStartView(exam, standing([finished(end)], end + 25 * hour))).toMatchObject({ canStart: true, attemptsLeft: 1 });
  });

  it('says the attempts are used up, and shows an outside refusal (an assignment window) as given', () => {
    const used = examStartView(exam, standing([finished(0), finished(30 * hour)], 100 * hour));
    expect(used).toMatchObject({ canStart: false, attemptsLeft: 0 });
    expect(used.blocked).toContain('2 次考试机会已经用完。');
    const refused = examStartView(exam, standing([], 0, { refusal: '这场考试的开放时间还没到。' }));
    expect(refused).toMatchObject({ canStart: false, blocked: '这场考试的开放时间还没到。' });
  });

  it('offers 继续考试 instead of a new start while an attempt is open', () => {
    expect(examStartView(exam, standing([], 0, { openAttemptId: 'a1' }))).toMatchObject({ canStart: false, openAttemptId: 'a1', blocked: null });
  });
});
