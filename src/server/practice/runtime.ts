import { loadExamContent } from '../exams/index.ts';

let areas: Map<string, string> | undefined;

/**
 * The rule area of a practice item in the current bank (read from the content folder once, on first use, like the
 * exam service), or undefined for an id the bank does not offer for practice.
 */
export function practiceAreaOf(itemId: string): string | undefined {
  areas ??= new Map(loadExamContent().bank.practice.map((item) => [item.id, item.area]));
  return areas.get(itemId);
}
