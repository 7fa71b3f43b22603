import * as z from 'zod/mini';
import { editions, type EditionId } from '../../rules/index.ts';

const editionIds = editions.map((edition) => edition.id) as [EditionId, ...EditionId[]];

/**
 * One case as the sandbox island receives it. Only what the sandbox needs crosses into the page HTML: the facts
 * (public study material) but never the case's expected ruling, which would give the answer away in page source.
 */
export const SandboxCaseSchema = z.strictObject({
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, '案例 slug 只能由小写字母、数字和连字符组成')),
  title: z.string().check(z.minLength(1)),
  edition: z.enum(editionIds),
  facts: z.record(z.string(), z.unknown()),
});
export type SandboxCase = z.output<typeof SandboxCaseSchema>;

export interface SandboxCaseGroup {
  /** Topic name shown as the <optgroup> label. */
  readonly label: string;
  readonly cases: readonly SandboxCase[];
}

/** The parts of a `cases` collection entry the sandbox reads. */
export interface CaseEntryLike {
  readonly id: string;
  readonly data: {
    readonly title: string;
    readonly edition: string;
    readonly topics: readonly string[];
    readonly facts?: unknown;
  };
}

/**
 * The island's props: cases grouped under their first topic, groups in `topicOrder`, cases by title.
 * Throws an Error naming the case and the field when an entry cannot be sent to the island (the content gate
 * in src/content.config.ts normally stops such a case earlier).
 */
export function sandboxCaseGroups(
  entries: readonly CaseEntryLike[],
  topicOrder: readonly string[],
  topicLabel: (topic: string) => string,
): SandboxCaseGroup[] {
  const byTopic = new Map<string, SandboxCase[]>();
  for (const entry of entries) {
    const result = SandboxCaseSchema.safeParse({
      slug: entry.id,
      title: entry.data.title,
      edition: entry.data.edition,
      facts: entry.data.facts ?? {},
    });
    if (!result.success) {
      throw new Error(`案例 ${entry.id} 无法放进沙盒：${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
    }
    const topic = entry.data.topics[0] ?? '';
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), result.data]);
  }
  const rank = (topic: string) => {
    const index = topicOrder.indexOf(topic);
    return index === -1 ? topicOrder.length : index;
  };
  return [...byTopic]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([topic, cases]) => ({
      label: topicLabel(topic),
      cases: [...cases].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    }));
}
