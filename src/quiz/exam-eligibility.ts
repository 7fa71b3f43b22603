import { parseBeijingTime } from '../rules/index.ts';
import type { Exam } from './exam-schema.ts';

/** The part of a stored attempt that eligibility reads. */
export interface PastAttempt {
  readonly status: 'in-progress' | 'submitted' | 'expired';
  readonly startedAt: number;
  readonly deadlineAt: number;
  readonly submittedAt: number | null;
}

export type EligibilityConditionId = 'opens' | 'closes' | 'attempts' | 'cooldown';

/** One condition of the start decision, with the value it saw, so the page can say which one decided and why. */
export interface EligibilityCondition {
  readonly id: EligibilityConditionId;
  readonly passed: boolean;
  /** The instant or count the condition compared against (ms since epoch, or attempts used). */
  readonly value: number | null;
  readonly message: string;
}

export interface Eligibility {
  readonly eligible: boolean;
  readonly conditions: readonly EligibilityCondition[];
  /** Earliest instant at which a failed time condition clears; null when none would (window closed, attempts used). */
  readonly nextAt: number | null;
}

/** When a finished attempt ended: its submission, or its deadline if it expired unsubmitted. */
const endedAt = (attempt: PastAttempt) => attempt.submittedAt ?? attempt.deadlineAt;

/**
 * Whether a trainee may start a new attempt of `exam` at `now`, given their earlier attempts of it. An attempt still
 * in progress is the caller's business (the store returns it rather than starting another), so it only counts as used.
 */
export function examEligibility(exam: Exam, attempts: readonly PastAttempt[], now: number): Eligibility {
  const from = exam.availability?.from ? parseBeijingTime(exam.availability.from) : null;
  const to = exam.availability?.to ? parseBeijingTime(exam.availability.to) : null;
  const finished = attempts.filter((attempt) => attempt.status !== 'in-progress');
  const lastEnd = finished.length ? Math.max(...finished.map(endedAt)) : null;
  const cooldownEnds = lastEnd === null ? null : lastEnd + exam.cooldownHours * 3_600_000;
  const conditions: EligibilityCondition[] = [
    { id: 'opens', passed: from === null || now >= from, value: from, message: `考试 ${exam.availability?.from ?? ''} 开放（北京时间）。` },
    { id: 'closes', passed: to === null || now < to, value: to, message: `考试已于 ${exam.availability?.to ?? ''} 关闭（北京时间）。` },
    {
      id: 'attempts',
      passed: attempts.length < exam.attemptsAllowed,
      value: attempts.length,
      message: `每人最多考 ${exam.attemptsAllowed} 次，已用 ${attempts.length} 次。`,
    },
    {
      id: 'cooldown',
      passed: cooldownEnds === null || now >= cooldownEnds,
      value: cooldownEnds,
      message: `两次考试之间至少间隔 ${exam.cooldownHours} 小时。`,
    },
  ];
  const eligible = conditions.every((condition) => condition.passed);
  const blockedForever = conditions.some((condition) => !condition.passed && (condition.id === 'closes' || condition.id === 'attempts'));
  const waits = conditions.filter((condition) => !condition.passed && (condition.id === 'opens' || condition.id === 'cooldown'));
  const nextAt = eligible || blockedForever || waits.length === 0 ? null : Math.max(...waits.map((condition) => condition.value!));
  return { eligible, conditions, nextAt };
}

/** Milliseconds from start to the last accepted save: the time limit plus the network grace. */
export const attemptDuration = (exam: Exam) => exam.timeLimitMinutes * 60_000 + exam.graceSeconds * 1000;

/**
 * Where an attempt stands at `now` by the server clock: `overdue` means still marked in progress but past its deadline,
 * so the server must submit it before answering any read or write.
 */
export function attemptPhase(attempt: PastAttempt, now: number): 'open' | 'overdue' | 'submitted' | 'expired' {
  if (attempt.status !== 'in-progress') return attempt.status;
  return now > attempt.deadlineAt ? 'overdue' : 'open';
}
