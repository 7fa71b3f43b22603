import type { PracticeItem } from '../../quiz/index.ts';

/** Questions in one round, topic or mixed: short enough to finish in a sitting and reach the summary. */
export const ROUND_SIZE = 10;

/** The question an item belongs to: its own id, or the template id of a variant (`templateId~seed`). */
export function questionId(itemId: string): string {
  const cut = itemId.indexOf('~');
  return cut === -1 ? itemId : itemId.slice(0, cut);
}

/** Items grouped by question (all variants of a template together), groups in order of first appearance. */
export function questionGroups(items: readonly PracticeItem[]): PracticeItem[][] {
  const groups = new Map<string, PracticeItem[]>();
  for (const item of items) {
    const id = questionId(item.id);
    groups.set(id, [...(groups.get(id) ?? []), item]);
  }
  return [...groups.values()];
}

function shuffle<T>(random: () => number, values: readonly T[]): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

const oneOf = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/**
 * A topic round: up to `size` questions of the topic, those never answered (`answered` holds question ids) first,
 * the rest drawn at random; one variant per template; easiest first. Redrawing works through the whole topic.
 */
export function topicRound(items: readonly PracticeItem[], random: () => number, answered: ReadonlySet<string>, size = ROUND_SIZE): PracticeItem[] {
  return shuffle(random, questionGroups(items))
    .map((group) => ({ group, isNew: !answered.has(questionId(group[0]!.id)) }))
    .sort((a, b) => Number(b.isNew) - Number(a.isNew))
    .slice(0, size)
    .map(({ group }) => oneOf(random, group))
    .sort((a, b) => a.difficulty - b.difficulty);
}

/** A mixed round: `size` different questions drawn at random from all items, never two variants of one template. */
export function mixedRound(items: readonly PracticeItem[], random: () => number, size = ROUND_SIZE): PracticeItem[] {
  return shuffle(random, questionGroups(items))
    .slice(0, size)
    .map((group) => oneOf(random, group));
}

/** The items named by `ids`, in that order; ids of items no longer in the bank are skipped. */
export function reviewRound(items: readonly PracticeItem[], ids: readonly string[]): PracticeItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
