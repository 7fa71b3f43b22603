import type { AttemptEntry } from '../exam-assembly.ts';
import type { AttemptView } from '../attempt-view.ts';

/** How the steps of one ordering response are joined into its option id (and label). */
export const ORDER_SEPARATOR = ' → ';

/**
 * One question of a graded attempt as the item analysis counts it, recorded when the attempt is graded: whether it
 * was right (the stored grade) and the options chosen, in authored ids (see OptionSpec), or null when left blank.
 */
export interface ItemOutcome {
  readonly itemId: string;
  readonly correct: boolean;
  /** Never empty: an unanswered, cleared or unreadable response is null (blank). */
  readonly chosen: readonly string[] | null;
}

/** Authored index of a shown option; -1 when the attempt's option order has no such position. */
function authored(entry: AttemptEntry | undefined, shown: number): number {
  const order = entry?.optionOrder;
  if (!order) return shown;
  return Number.isInteger(shown) && shown >= 0 && shown < order.length ? order[shown]! : -1;
}

/**
 * Chosen option ids of one saved response, read from the response's own shape: a number is a single choice, a list
 * of numbers a multiple answer, a boolean a true/false, a list of strings an ordering. Saves are checked against the
 * question's type (responseShapeProblem), so the shape is the type; reading it needs no content, which lets a store
 * record (and backfill) outcomes without the bank. Choice indices go through the attempt's option order back to
 * authored order (`optionOrder[shown]`). PostgreSQL's migration 8 backfill computes the same in SQL.
 */
export function chosenOptions(entry: AttemptEntry | undefined, saved: unknown): string[] | null {
  if (typeof saved === 'boolean') return [String(saved)];
  if (typeof saved === 'number') {
    const index = authored(entry, saved);
    return Number.isInteger(index) && index >= 0 ? [String(index)] : null;
  }
  if (!Array.isArray(saved) || saved.length === 0) return null;
  if (saved.every((value) => typeof value === 'number')) {
    const indices = (saved as number[]).map((shown) => authored(entry, shown));
    if (!indices.every((index) => Number.isInteger(index) && index >= 0)) return null;
    return [...new Set(indices)].sort((a, b) => a - b).map(String);
  }
  if (saved.every((step) => typeof step === 'string')) return [(saved as string[]).join(ORDER_SEPARATOR)];
  return null;
}

/**
 * Every graded question of a closed attempt, in the result's order, with its chosen options in authored ids; null
 * for an attempt without a result (in progress, or expired before it could be graded).
 */
export function itemOutcomes(attempt: Pick<AttemptView, 'items' | 'answers' | 'result'>): ItemOutcome[] | null {
  if (!attempt.result) return null;
  const entries = new Map(attempt.items.map((entry) => [entry.itemId, entry]));
  return attempt.result.perItem.map(({ itemId, correct }) => ({
    itemId,
    correct,
    chosen: chosenOptions(entries.get(itemId), attempt.answers[itemId]?.response),
  }));
}
