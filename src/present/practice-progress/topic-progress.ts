import type { PracticeItem } from '../../quiz/index.ts';
import type { ProgressData } from '../practice/progress-data.ts';
import { questionId } from '../practice/quiz-round.ts';
import { LEARN_AHEAD_MS } from '../practice/review-schedule.ts';

/**
 * What the practice index page embeds so that a script can show this browser's progress per topic: every practice
 * item's id and key version, and which of the offered topics it belongs to (indices into `topics`). Ids and key
 * versions only: no stems, no keys.
 */
export interface ProgressIndex {
  readonly topics: readonly string[];
  readonly items: readonly (readonly [id: string, keyVersion: string, topics: readonly number[]])[];
}

/** One topic's row of the progress table. */
export interface TopicProgress {
  readonly topic: string;
  /** Questions in the topic (a template counts once) and how many of them were answered at least once. */
  readonly questions: number;
  readonly answered: number;
  /** Stored answers in the topic and how many were right; accuracy is theirs to show (null: none yet). */
  readonly answers: number;
  readonly correct: number;
  readonly accuracy: number | null;
  /** Items of the topic the review queue has due now (with the learn-ahead limit). */
  readonly due: number;
}

/** The embedded index of `items` for the offered `topics`. */
export function progressIndex(items: readonly PracticeItem[], topics: readonly string[]): ProgressIndex {
  return {
    topics,
    items: items.map((item) => [item.id, item.keyVersion, topics.flatMap((topic, index) => (item.topics.includes(topic) ? [index] : []))] as const),
  };
}

/**
 * Whether a stored card is due at `now` on the review page: due within the learn-ahead limit, or learned against an
 * older key version (the review page resets such a card to new, due at once).
 */
const isDue = (card: { readonly due: number; readonly keyVersion: string }, keyVersion: string, now: number) =>
  card.keyVersion !== keyVersion || card.due <= now + LEARN_AHEAD_MS;

/** Per-topic progress and the review queue's due count, from this browser's stored progress. */
export function topicProgress(index: ProgressIndex, data: ProgressData, now: number): { readonly topics: TopicProgress[]; readonly due: number } {
  const rows = index.topics.map(() => ({ questions: new Set<string>(), answered: new Set<string>(), answers: 0, correct: 0, due: 0 }));
  let due = 0;
  for (const [id, keyVersion, topics] of index.items) {
    const attempts = data.attempts[id] ?? [];
    const card = data.cards[id];
    const isItemDue = card !== undefined && isDue(card, keyVersion, now);
    if (isItemDue) due += 1;
    for (const topic of topics) {
      const row = rows[topic];
      if (!row) continue;
      row.questions.add(questionId(id));
      if (attempts.length > 0) row.answered.add(questionId(id));
      row.answers += attempts.length;
      row.correct += attempts.filter((attempt) => attempt.isCorrect).length;
      if (isItemDue) row.due += 1;
    }
  }
  return {
    topics: rows.map((row, at) => ({
      topic: index.topics[at]!,
      questions: row.questions.size,
      answered: row.answered.size,
      answers: row.answers,
      correct: row.correct,
      accuracy: row.answers === 0 ? null : row.correct / row.answers,
      due: row.due,
    })),
    due,
  };
}

/** A topic's progress in one line, as the practice index shows it under the topic's name. */
export function topicProgressText(row: TopicProgress): string {
  if (row.answered === 0) return '还没有练过';
  const parts = [`已练 ${row.answered} / ${row.questions} 题`, `正确率 ${Math.round((row.accuracy ?? 0) * 100)}%`];
  if (row.due > 0) parts.push(`待复习 ${row.due} 题`);
  return parts.join(' · ');
}
