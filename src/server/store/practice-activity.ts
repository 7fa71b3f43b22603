import type { PracticeActivity, PracticeRecord } from './types.ts';

/** Per-record counts, stored beside each record so that both stores sum them without reading the answers. */
export function practiceCounts(record: PracticeRecord): { answers: number; correct: number; lastAt: number | null } {
  return {
    answers: record.attempts.length,
    correct: record.attempts.filter((attempt) => attempt.isCorrect).length,
    lastAt: record.attempts.length === 0 ? null : Math.max(...record.attempts.map((attempt) => attempt.at)),
  };
}

/** `practiceActivity` over records grouped by user: per user and area, sorted by user id, then area. */
export function sumActivity(byUser: Iterable<readonly [string, Iterable<PracticeRecord>]>): PracticeActivity[] {
  const rows = new Map<string, { userId: string; area: string; items: number; answers: number; correct: number; lastAt: number | null }>();
  for (const [userId, records] of byUser) {
    for (const record of records) {
      const key = `${userId}\u0000${record.area}`;
      const row = rows.get(key) ?? { userId, area: record.area, items: 0, answers: 0, correct: 0, lastAt: null };
      const counts = practiceCounts(record);
      row.items += record.attempts.length > 0 ? 1 : 0;
      row.answers += counts.answers;
      row.correct += counts.correct;
      if (counts.lastAt !== null) row.lastAt = Math.max(row.lastAt ?? counts.lastAt, counts.lastAt);
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
}
