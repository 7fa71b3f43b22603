import { DEFAULT_MIN_RESPONSES, type AnalyseOptions } from './analyse-items.ts';
import { discriminationOf, planGroups, proportionOf, type GroupPlan, type ScoreCell } from './discrimination.ts';
import { statisticsOf, type ItemCounts } from './item-statistics.ts';
import type { ItemAnalysis, ItemAnalysisRow, ItemSpec, ItemStatistics, OptionSpec } from './types.ts';

/**
 * What a store adds up of one item's recorded outcomes (see ItemOutcome) over the graded attempts of a scope: its
 * score cells (responses per attempt score and maximum, and how many were right), blanks, and how many responses
 * chose each option id. Enough for every figure of the item analysis except the cuts of upper–lower discrimination.
 */
export interface ItemAggregate {
  readonly itemId: string;
  /** One cell per distinct (score, maxScore) of the attempts that answered the item. */
  readonly cells: readonly ScoreCell[];
  readonly blank: number;
  /** Responses choosing each option id (authored ids; an ordering's whole order is one id); ids nobody chose are absent. */
  readonly options: readonly { readonly id: string; readonly count: number }[];
}

/** The item aggregates of a scope, with its attempts: `graded` ones are analysed, `ungraded` ones (in progress, or expired without a grade) are not. */
export interface ItemAggregates {
  readonly graded: number;
  readonly ungraded: number;
  readonly items: readonly ItemAggregate[];
}

/**
 * Where a group boundary runs through one score level (see GroupCut): among the responses to any of `itemIds` from
 * attempts whose (score, maxScore) is one of `scores`, ordered by attempt id in code-unit order, the `take` first
 * (upper) or last (lower). A store answers with how many of those were right.
 */
export interface ItemCutQuery {
  readonly itemIds: readonly string[];
  readonly scores: readonly { readonly score: number; readonly maxScore: number }[];
  readonly side: 'upper' | 'lower';
  readonly take: number;
}

/** An item analysis waiting for its cuts: ask the store `cuts`, then `finish` with the right answers each took. */
export interface AggregateAnalysisPlan {
  readonly cuts: readonly ItemCutQuery[];
  finish(cutCorrect: readonly number[]): ItemAnalysis;
}

interface Target {
  readonly id: string;
  readonly options: readonly OptionSpec[] | null;
  readonly itemIds: readonly string[];
  readonly cells: readonly ScoreCell[];
  readonly counts: ItemCounts;
  readonly plan: GroupPlan;
  /** Index into the cut queries of each of the plan's cuts. */
  readonly cutIndex: number[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Cells of several items added together, one per (score, maxScore), as scoreCells would count their responses. */
function mergeCells(aggregates: readonly ItemAggregate[]): ScoreCell[] {
  const cells = new Map<string, { score: number; maxScore: number; n: number; correct: number }>();
  for (const aggregate of aggregates) {
    for (const { score, maxScore, n, correct } of aggregate.cells) {
      const key = `${score}/${maxScore}`;
      const cell = cells.get(key) ?? { score, maxScore, n: 0, correct: 0 };
      cell.n += n;
      cell.correct += correct;
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

function countsOf(cells: readonly ScoreCell[], aggregates: readonly ItemAggregate[]): ItemCounts {
  const optionCounts = new Map<string, number>();
  for (const aggregate of aggregates) for (const { id, count } of aggregate.options) optionCounts.set(id, (optionCounts.get(id) ?? 0) + count);
  return {
    n: cells.reduce((sum, cell) => sum + cell.n, 0),
    correctCount: cells.reduce((sum, cell) => sum + cell.correct, 0),
    blankCount: aggregates.reduce((sum, aggregate) => sum + aggregate.blank, 0),
    optionCounts,
  };
}

/**
 * The item analysis of `analyseItems` from a store's aggregates instead of every attempt: the same rows, statistics
 * and flags (tests/server/item-aggregates.test.ts compares both on both stores). Discrimination is planned from the
 * score cells; only the levels a group boundary runs through are asked of the store (`cuts`), at most two per row
 * with enough responses.
 */
export function planAggregateAnalysis(
  aggregates: ItemAggregates,
  specOf: (itemId: string) => ItemSpec | undefined,
  options: AnalyseOptions = {},
): AggregateAnalysisPlan {
  const minResponses = options.minResponses ?? DEFAULT_MIN_RESPONSES;
  const unknown: string[] = [];
  const authored: ItemAggregate[] = [];
  const templates = new Map<string, { type: ItemSpec['type']; variants: ItemAggregate[] }>();
  for (const aggregate of aggregates.items) {
    const spec = specOf(aggregate.itemId);
    if (!spec) unknown.push(aggregate.itemId);
    else if (spec.templateId === null) authored.push(aggregate);
    else {
      const template = templates.get(spec.templateId) ?? { type: spec.type, variants: [] };
      template.variants.push(aggregate);
      templates.set(spec.templateId, template);
    }
  }

  const cuts: ItemCutQuery[] = [];
  const target = (id: string, optionSpecs: readonly OptionSpec[] | null, members: readonly ItemAggregate[]): Target => {
    const cells = mergeCells(members);
    const plan = planGroups(cells);
    const cutIndex: number[] = [];
    // Below the minimum nothing is resolved: discriminationOf reports insufficient data first.
    if (plan.n >= minResponses && plan.n >= 2) {
      for (const cut of plan.cuts) {
        cutIndex.push(cuts.length);
        cuts.push({
          itemIds: members.map((member) => member.itemId),
          scores: cells.filter((cell) => proportionOf(cell.score, cell.maxScore) === cut.proportion).map(({ score, maxScore }) => ({ score, maxScore })),
          side: cut.side,
          take: cut.take,
        });
      }
    }
    return { id, options: optionSpecs, itemIds: members.map((member) => member.itemId), cells, counts: countsOf(cells, members), plan, cutIndex };
  };

  const itemTargets = authored.map((aggregate) => ({ aggregate, target: target(aggregate.itemId, specOf(aggregate.itemId)!.options, [aggregate]) }));
  const templateTargets = [...templates].map(([templateId, { type, variants }]) => ({
    templateId,
    type,
    // Variants have different generated options, so the pooled row reports correctness only.
    pooled: target(templateId, null, variants),
    variants: variants.map((variant) => target(variant.itemId, specOf(variant.itemId)!.options, [variant])),
  }));

  return {
    cuts,
    finish(cutCorrect) {
      const statistics = (t: Target): ItemStatistics => {
        const taken = { upper: 0, lower: 0 };
        t.plan.cuts.forEach((cut, index) => {
          const at = t.cutIndex[index];
          if (at !== undefined) taken[cut.side] = cutCorrect[at] ?? 0;
        });
        return statisticsOf(t.id, t.options, t.counts, discriminationOf(t.cells, t.plan, taken, minResponses), minResponses);
      };
      const rows: ItemAnalysisRow[] = [
        ...itemTargets.map(({ aggregate, target: t }) => ({
          kind: 'item' as const,
          id: aggregate.itemId,
          type: specOf(aggregate.itemId)!.type,
          stats: statistics(t),
          variants: [],
        })),
        ...templateTargets.map(({ templateId, type, pooled, variants }) => ({
          kind: 'template' as const,
          id: templateId,
          type,
          stats: statistics(pooled),
          variants: variants.map(statistics).sort(byId),
        })),
      ];
      return { attempts: aggregates.graded, minResponses, rows: rows.sort(byId), unknownItemIds: unknown.sort() };
    },
  };
}
