import { formatBeijingTime } from '../rules/index.ts';
import type { AttemptStatus } from '../quiz/index.ts';

export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, string> = {
  'in-progress': '进行中',
  submitted: '已交卷',
  expired: '已超时',
};

export const REVIEW_POLICY_LABELS = {
  'score-only': '只看分数',
  mistakes: '看错题的正确答案与依据',
  full: '看全部题目的答案与依据',
} as const;

const MINUTE_MS = 60_000;

/**
 * An instant as people read it, Beijing time to the minute, e.g. `2026-01-01 09:00`; `—` when there is none. Seconds
 * are dropped: `'down'` (the default) for what has happened, `'up'` for when something becomes possible (a cooldown's
 * end), so that the minute shown is never before it.
 */
export function beijingTime(at: number | null | undefined, round: 'down' | 'up' = 'down'): string {
  if (at === null || at === undefined) return '—';
  return formatBeijingTime((round === 'up' ? Math.ceil : Math.floor)(at / MINUTE_MS) * MINUTE_MS);
}

/** A share as a whole percentage, e.g. `80%`; `—` when nothing was counted. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

/** The Beijing calendar date of an instant, e.g. `2026-01-01`; `—` when there is none. */
export function beijingDate(at: number | null | undefined): string {
  return at === null || at === undefined ? '—' : formatBeijingTime(at).slice(0, 10);
}
