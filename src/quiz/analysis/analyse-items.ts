import { itemStatistics, type AttemptResponse } from './item-statistics.ts';
import type { ItemAnalysis, ItemAnalysisRow, ItemSpec, ScoredAttempt } from './types.ts';

/** Below this many responses an item's discrimination and flags are reported as insufficient data. */
export const DEFAULT_MIN_RESPONSES = 10;

export interface AnalyseOptions {
  /** Responses an item needs before discrimination is computed and flags are raised; default 10. */
  readonly minResponses?: number;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Item analysis over closed attempts: per authored item, per template (its variants pooled) and per variant, the
 * facility index, upper–lower and point-biserial discrimination, option frequencies and flags. Responses to ids that
 * `specOf` does not know are left out and listed in `unknownItemIds`. Rows and variants are sorted by id.
 */
export function analyseItems(
  attempts: readonly ScoredAttempt[],
  specOf: (itemId: string) => ItemSpec | undefined,
  options: AnalyseOptions = {},
): ItemAnalysis {
  const minResponses = options.minResponses ?? DEFAULT_MIN_RESPONSES;
  const byItem = new Map<string, AttemptResponse[]>();
  const unknown = new Set<string>();
  for (const attempt of attempts) {
    for (const response of attempt.responses) {
      if (!specOf(response.itemId)) {
        unknown.add(response.itemId);
        continue;
      }
      const list = byItem.get(response.itemId) ?? [];
      list.push({ ...response, attemptId: attempt.attemptId, score: attempt.score, maxScore: attempt.maxScore });
      byItem.set(response.itemId, list);
    }
  }

  const rows: ItemAnalysisRow[] = [];
  const templates = new Map<string, { type: ItemSpec['type']; variantIds: string[] }>();
  for (const [itemId, responses] of byItem) {
    const spec = specOf(itemId)!;
    if (spec.templateId === null) {
      rows.push({ kind: 'item', id: itemId, type: spec.type, stats: itemStatistics(itemId, spec.options, responses, minResponses), variants: [] });
      continue;
    }
    const template = templates.get(spec.templateId) ?? { type: spec.type, variantIds: [] };
    template.variantIds.push(itemId);
    templates.set(spec.templateId, template);
  }
  for (const [templateId, { type, variantIds }] of templates) {
    const variants = variantIds.map((itemId) => itemStatistics(itemId, specOf(itemId)!.options, byItem.get(itemId)!, minResponses)).sort(byId);
    const pooled = variantIds.flatMap((itemId) => byItem.get(itemId)!);
    // Variants have different generated options, so the pooled row reports correctness only.
    rows.push({ kind: 'template', id: templateId, type, stats: itemStatistics(templateId, null, pooled, minResponses), variants });
  }
  return { attempts: attempts.length, minResponses, rows: rows.sort(byId), unknownItemIds: [...unknown].sort() };
}
