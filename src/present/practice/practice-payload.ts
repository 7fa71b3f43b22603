// bank.ts is not yet in src/quiz/index.ts; switch to the index once it is exported there.
import { buildBank, type QuestionSource } from '../../quiz/index.ts';
import type { PracticeItem, ScenarioContext } from '../../quiz/index.ts';
import { ruleAreas } from '../../rules/index.ts';
import { questionGroups } from './quiz-round.ts';

/** What a practice island needs: the questions (keys included: practice keys are public) and area titles for the summary. */
export interface PracticePayload {
  readonly items: readonly PracticeItem[];
  /** Rule area id → handbook title, for the areas these questions touch. */
  readonly areaTitles: Readonly<Record<string, string>>;
}

/** A topic quiz as the practice index lists it. */
export interface TopicQuiz {
  readonly id: string;
  readonly label: string;
  /** Distinct questions in one round: authored items plus one variant per template. */
  readonly questions: number;
}

/** The fewest questions a topic needs to get its own quiz. */
export const MIN_TOPIC_QUESTIONS = 3;

/**
 * The practice questions of `files` (the `questions` collection's entries): the bank's non-exam items and the
 * variants of its non-exam templates. The collection already drops exam-only entries; `buildBank` refuses them again,
 * so a certification question cannot reach a page even if one slipped through. Throws what `buildBank` throws.
 */
export function practiceQuestions(files: readonly QuestionSource[], context: ScenarioContext): PracticeItem[] {
  return [...buildBank(files, context).practice];
}

/** The island payload for `items`, with the titles of every rule area they are filed under. */
export function practicePayload(items: readonly PracticeItem[]): PracticePayload {
  const areas = new Set(items.map((item) => item.area));
  const areaTitles = Object.fromEntries(ruleAreas.filter((area) => areas.has(area.id)).map((area) => [area.id, area.title]));
  return { items, areaTitles };
}

/** Topics with at least `MIN_TOPIC_QUESTIONS` questions per round, in `topicOrder`. */
export function topicQuizzes(items: readonly PracticeItem[], topicOrder: readonly string[], label: (topic: string) => string): TopicQuiz[] {
  return topicOrder
    .map((id) => ({ id, label: label(id), questions: questionGroups(items.filter((item) => item.topics.includes(id))).length }))
    .filter((quiz) => quiz.questions >= MIN_TOPIC_QUESTIONS);
}
