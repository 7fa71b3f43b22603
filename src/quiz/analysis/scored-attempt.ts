import type { AttemptView } from '../attempt-view.ts';
import type { AttemptEntry } from '../exam-assembly.ts';
import { keyResponse, type KeyedQuestion } from '../exam-paper.ts';
import type { Response } from '../grade.ts';
import { ORDER_SEPARATOR } from './item-outcomes.ts';
import type { ItemSpec, OptionSpec, ScoredAttempt, ScoredResponse } from './types.ts';


/** The parts of an attempt the item analysis reads. */
export type ClosedAttemptView = Pick<AttemptView, 'id' | 'items' | 'answers' | 'result'>;

/** The template of a generated variant id (`templateId~seed`); null for an authored item id. */
export function templateIdOf(itemId: string): string | null {
  const tilde = itemId.indexOf('~');
  return tilde < 0 ? null : itemId.slice(0, tilde);
}

/** An item's options in authored order, with the key marked: what option frequencies are counted against. */
export function itemSpec(itemId: string, { item, key }: KeyedQuestion): ItemSpec {
  let options: OptionSpec[];
  switch (key.type) {
    case 'single':
      options = (item.type === 'single' ? item.options : []).map((option, index) => ({ id: String(index), label: option.text, correct: index === key.answer }));
      break;
    case 'multiple':
      options = (item.type === 'multiple' ? item.statements : []).map((statement, index) => ({
        id: String(index),
        label: statement.text,
        correct: key.answer.includes(index),
      }));
      break;
    case 'truefalse': {
      const [yes, no] = item.type === 'truefalse' && item.labels === '是否' ? ['是', '否'] : ['正确', '错误'];
      options = [
        { id: 'true', label: yes!, correct: key.answer },
        { id: 'false', label: no!, correct: !key.answer },
      ];
      break;
    }
    case 'ordering':
      // Any order is a possible answer; only the keyed one is declared, the others appear as they are chosen.
      options = [{ id: key.answer.join(ORDER_SEPARATOR), label: key.answer.join(ORDER_SEPARATOR), correct: true }];
      break;
  }
  return { itemId, templateId: templateIdOf(itemId), type: key.type, options };
}

/** Canonical option ids of one saved response; null when unanswered or not in the item's shape. */
function chosenIds(entry: AttemptEntry, type: ItemSpec['type'], saved: unknown): string[] | null {
  if (saved === null || saved === undefined) return null;
  const response = keyResponse(entry, type, saved as Response);
  switch (type) {
    case 'single':
      return typeof response === 'number' && response >= 0 ? [String(response)] : null;
    case 'multiple':
      return Array.isArray(response) && response.every((value) => typeof value === 'number' && value >= 0)
        ? [...new Set(response as number[])].sort((a, b) => a - b).map(String)
        : null;
    case 'truefalse':
      return typeof response === 'boolean' ? [String(response)] : null;
    case 'ordering':
      return Array.isArray(response) && response.length > 0 && response.every((step) => typeof step === 'string')
        ? [(response as string[]).join(ORDER_SEPARATOR)]
        : null;
  }
}

/**
 * A closed attempt as the analysis reads it: the stored grade of each question (the official result, not a regrade)
 * and the chosen options mapped back through the attempt's option order to authored order. Null for an attempt with
 * no result (still in progress). Questions no longer in the bank keep their grade and get no chosen options.
 */
export function scoredAttempt(attempt: ClosedAttemptView, lookup: (itemId: string) => KeyedQuestion | undefined): ScoredAttempt | null {
  if (!attempt.result) return null;
  const entries = new Map(attempt.items.map((entry) => [entry.itemId, entry]));
  const responses: ScoredResponse[] = attempt.result.perItem.map(({ itemId, correct }) => {
    const question = lookup(itemId);
    const entry = entries.get(itemId) ?? { itemId };
    const chosen = question ? chosenIds(entry, question.key.type, attempt.answers[itemId]?.response) : null;
    return { itemId, correct, chosen };
  });
  return { attemptId: attempt.id, score: attempt.result.score, maxScore: attempt.result.maxScore, responses };
}
