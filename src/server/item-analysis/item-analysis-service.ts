import {
  analyseItems,
  itemSpec,
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

/**
 * Item analysis of the stored attempts in `scope`: closed attempts only (submitted or expired, graded), each response
 * mapped through its attempt's option order back to authored options. Reads every attempt of the scope on each call;
 * mapping and analysing 500 attempts × 20 questions takes a few tens of milliseconds (measured in docs/lead-tools.md).
 */
export async function analyseStoredAttempts(store: Store, content: ExamContent, scope: AnalysisScope): Promise<ScopedItemAnalysis> {
  const attempts = await store.listAttempts(scope === 'bank' ? {} : { examId: scope.examId });
  const scored = attempts.map((attempt) => scoredAttempt(attempt, content.lookup)).filter((attempt): attempt is ScoredAttempt => attempt !== null);
  const specs = new Map<string, ItemSpec | undefined>();
  const specOf = (itemId: string) => {
    if (!specs.has(itemId)) {
      const question = content.lookup(itemId);
      specs.set(itemId, question ? itemSpec(itemId, question) : undefined);
    }
    return specs.get(itemId);
  };
  return {
    ...analyseItems(scored, specOf),
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
