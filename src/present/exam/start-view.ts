import type { Eligibility, Exam } from '../../quiz/index.ts';
import { beijingTime } from '../lead-format.ts';

/** Where a trainee stands with one exam, as the server computes it (src/server/exams/attempt-service.ts `standing`). */
export interface ExamStanding {
  readonly attemptsAllowed: number;
  readonly attemptsUsed: number;
  /** The attempt in progress, if any (it is resumed, not counted again). */
  readonly openAttemptId: string | null;
  readonly eligibility: Eligibility;
  /** Why a condition outside the exam (an assignment window) refuses a start now, worded; null when none does. */
  readonly refusal?: string | null;
}

/** What the exam page and the result page say before a (new) attempt. */
export interface ExamStartView {
  /** The lines of 考试须知, shown on the page and again in the confirmation before 开始考试. */
  readonly rules: readonly string[];
  readonly attemptsLeft: number;
  /** e.g. 「剩余考试次数：2 / 3」. */
  readonly attemptsLine: string;
  readonly canStart: boolean;
  readonly openAttemptId: string | null;
  /** Why a new attempt cannot start now, with when it can where that is known; null when it can. */
  readonly blocked: string | null;
}

const questionCount = (exam: Exam) => exam.blueprint.reduce((sum, section) => sum + section.count, 0);

/** The start (and retake) view of an exam for one trainee. */
export function examStartView(exam: Exam, standing: ExamStanding): ExamStartView {
  const attemptsLeft = Math.max(0, standing.attemptsAllowed - standing.attemptsUsed);
  const failed = standing.eligibility.conditions.filter((condition) => !condition.passed);
  const reasons = failed.map((condition) => {
    if (condition.id === 'attempts') return `${standing.attemptsAllowed} 次考试机会已经用完。`;
    if (condition.id === 'cooldown') return `两次考试之间至少间隔 ${exam.cooldownHours} 小时，${beijingTime(condition.value, 'up')}（北京时间）后可以再考。`;
    return condition.message;
  });
  if (standing.refusal) reasons.push(standing.refusal);
  return {
    rules: [
      `共 ${questionCount(exam)} 题，限时 ${exam.timeLimitMinutes} 分钟，点「开始考试」后立即计时，中途离开也不会暂停。`,
      `答对 ${Math.round(exam.passMark * 100)}% 及以上通过。`,
      `每人最多考 ${standing.attemptsAllowed} 次，剩余 ${attemptsLeft} 次；开始一次就用掉一次${exam.cooldownHours > 0 ? `，两次之间至少间隔 ${exam.cooldownHours} 小时` : ''}。`,
      '答案自动保存；时间到时，系统按已保存的答案自动交卷。',
    ],
    attemptsLeft,
    attemptsLine: `剩余考试次数：${attemptsLeft} / ${standing.attemptsAllowed}`,
    canStart: standing.openAttemptId === null && standing.eligibility.eligible && !standing.refusal,
    openAttemptId: standing.openAttemptId,
    blocked: standing.openAttemptId === null && reasons.length > 0 ? reasons.join('') : null,
  };
}
