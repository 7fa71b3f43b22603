import {
  analyseItems,
  itemSpec,
  planAggregateAnalysis,
  scoredAttempt,
  templateIdOf,
  type ItemAnalysis,
  type ItemSpec,
  type ScoredAttempt,
} from '../../quiz/index.ts';
import type { Item } from '../../quiz/index.ts';
import type { ExamContent } from '../exams/index.ts';
import type { Store } from '../store/index.ts';

/** Which attempts to analyse: one exam's, or every exam's (the bank-wide view). */
export type AnalysisScope = { readonly examId: string } | 'bank';

/** What the page shows beside an analysis row: the question as authored (first bank variant for a template). */
export interface RowInfo {
  readonly stem: string;
  readonly topics: readonly string[];
  readonly exam: boolean;
}

export interface ScopedItemAnalysis extends ItemAnalysis {
  readonly scope: AnalysisScope;
  /** Attempts still in progress, which the analysis leaves out. */
  readonly inProgress: number;
  readonly info: (rowId: string) => RowInfo | undefined;
}

/** The spec of each item id (authored options, key marked) from the content, each looked up once. */
function specsOf(content: ExamContent): (itemId: string) => ItemSpec | undefined {
  const specs = new Map<string, ItemSpec | undefined>();
  return (itemId) => {
    if (!specs.has(itemId)) {
      const question = content.lookup(itemId);
      specs.set(itemId, question ? itemSpec(itemId, question) : undefined);
    }
    return specs.get(itemId);
  };
}

/**
 * Item analysis of the graded attempts in `scope` from the store's per-question outcomes (recorded at grading): two
 * store calls, the aggregates and the discrimination cuts, and no attempt read. Equal to `analyseAttemptsInFull`
 * on the same data (tests/server/item-aggregates.test.ts, both stores).
 */
export async function analyseStoredAttempts(store: Store, content: ExamContent, scope: AnalysisScope): Promise<ScopedItemAnalysis> {
  const filter = scope === 'bank' ? {} : { examId: scope.examId };
  const aggregates = await store.itemAggregates(filter);
  const plan = planAggregateAnalysis(aggregates, specsOf(content));
  const cutCorrect = await store.itemCutCorrect(filter, plan.cuts);
  return { ...plan.finish(cutCorrect), scope, inProgress: aggregates.ungraded, info: rowInfo(content) };
}

/**
 * The same analysis from every attempt of the scope read in full, each response mapped through its attempt's option
 * order by the item's type: how the page worked before the outcomes were stored (4 s at 50,000 attempts). Kept as
 * the reference the stored path is tested against, and as the bench's same-run baseline.
 */
export async function analyseAttemptsInFull(store: Store, content: ExamContent, scope: AnalysisScope): Promise<ScopedItemAnalysis> {
  const attempts = await store.listAttempts(scope === 'bank' ? {} : { examId: scope.examId });
  const scored = attempts.map((attempt) => scoredAttempt(attempt, content.lookup)).filter((attempt): attempt is ScoredAttempt => attempt !== null);
  return {
    ...analyseItems(scored, specsOf(content)),
    scope,
    inProgress: attempts.length - scored.length,
    info: rowInfo(content),
  };
}

function rowInfo(content: ExamContent): (rowId: string) => RowInfo | undefined {
  const byRow = new Map<string, Item>();
  for (const { item } of content.bank.items) byRow.set(item.id, item);
  for (const variant of content.bank.variants) if (!byRow.has(variant.templateId)) byRow.set(variant.templateId, variant.item);
  return (rowId) => {
    const item = byRow.get(templateIdOf(rowId) ?? rowId) ?? content.lookup(rowId)?.item;
    return item ? { stem: item.stem, topics: item.topics, exam: item.exam } : undefined;
  };
}
