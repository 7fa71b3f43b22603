import type { AttemptEntry } from './exam-assembly.ts';
import { displayAnswer, examQuestion, keyResponse, type ExamQuestion, type KeyedQuestion } from './exam-paper.ts';
import { grade, type Response } from './grade.ts';
import { explanationSteps, type ExplanationStep } from './practice-item.ts';

export type ReviewPolicy = 'score-only' | 'mistakes' | 'full';

/** One reviewed question: what was asked, what the trainee answered, the key in display order and the rules behind it. */
export interface ReviewItem {
  readonly question: ExamQuestion;
  readonly response: Response | null;
  readonly correct: boolean;
  readonly answer: Response;
  readonly explanation: readonly ExplanationStep[];
  readonly authorExplanation?: string;
}

/**
 * The review a policy allows after submission: nothing item by item for `score-only`, the wrong answers for
 * `mistakes`, every question for `full`. Questions no longer in the bank are left out rather than guessed.
 */
export function examReview(
  policy: ReviewPolicy,
  entries: readonly AttemptEntry[],
  responses: Readonly<Record<string, Response | undefined>>,
  lookup: (itemId: string) => KeyedQuestion | undefined,
): ReviewItem[] {
  if (policy === 'score-only') return [];
  const reviewed: ReviewItem[] = [];
  for (const entry of entries) {
    const question = lookup(entry.itemId);
    if (!question) continue;
    const response = responses[entry.itemId];
    const correct = response !== undefined && grade(question.key, keyResponse(entry, question.item.type, response)).correct;
    if (policy === 'mistakes' && correct) continue;
    reviewed.push({
      question: examQuestion(entry, question),
      response: response ?? null,
      correct,
      answer: displayAnswer(entry, question.key),
      explanation: explanationSteps(question.key.rulings),
      ...(question.item.explanation ? { authorExplanation: question.item.explanation } : {}),
    });
  }
  return reviewed;
}
