import { getCollection } from 'astro:content';
import { topicIds, topics, type TopicId } from '../../quiz/index.ts';
import type { PracticeItem, ScenarioContext } from '../../quiz/index.ts';
import { shopPolicy } from './shop-policy.ts';
import { practicePayload, practiceQuestions, topicQuizzes, type PracticePayload, type TopicQuiz } from '../../present/index.ts';

let loaded: Promise<PracticeItem[]> | undefined;

/**
 * Every non-exam practice question, keyed by the rule module with the shop's policy; loaded once per build. The
 * `questions` collection has already run the item gate, so keying does not throw for content that built.
 */
export function practiceItems(): Promise<PracticeItem[]> {
  loaded ??= Promise.all([getCollection('cases'), getCollection('questions')]).then(([caseEntries, questionEntries]) => {
    const cases = new Map(caseEntries.map((entry) => [entry.id, { facts: entry.data.facts as unknown, edition: entry.data.edition }]));
    const context: ScenarioContext = { caseFacts: (slug) => cases.get(slug), shopPolicy };
    // File order, as `npm run check:content` reads them, so the bank is the same everywhere.
    const files = [...questionEntries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((entry) => entry.data);
    return practiceQuestions(files, context);
  });
  return loaded;
}

/** Topic quizzes worth offering (at least three questions), in the topic list's order. */
export async function practiceTopics(): Promise<TopicQuiz[]> {
  return topicQuizzes(await practiceItems(), topicIds, (id) => topics[id as TopicId]);
}

/** What the island on a topic page receives: that topic's questions only. */
export async function topicPayload(topic: string): Promise<PracticePayload> {
  return practicePayload((await practiceItems()).filter((item) => item.topics.includes(topic)));
}

/** What mixed practice and the review queue fetch as JSON: every practice question. */
export async function allPayload(): Promise<PracticePayload> {
  return practicePayload(await practiceItems());
}
