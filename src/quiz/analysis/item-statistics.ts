import { discrimination, type RankedResponse } from './discrimination.ts';
import type { AnalysisFlag, Discrimination, ItemStatistics, OptionFrequency, OptionSpec, ScoredResponse } from './types.ts';

/** Facility bounds outside which an item is flagged (exclusive): below 0.2 too hard, above 0.95 too easy. */
export const FACILITY_TOO_HARD = 0.2;
export const FACILITY_TOO_EASY = 0.95;

/** A response with the attempt it belongs to. */
export type AttemptResponse = ScoredResponse & RankedResponse;

/** What an item's statistics are made of besides its discrimination: counts, however they were added up. */
export interface ItemCounts {
  readonly n: number;
  readonly correctCount: number;
  readonly blankCount: number;
  /** Responses choosing each option id (a response counts once per id). */
  readonly optionCounts: ReadonlyMap<string, number>;
}

const isBlank = (response: ScoredResponse) => response.chosen === null || response.chosen.length === 0;

function optionFrequencies(options: readonly OptionSpec[], n: number, counts: ReadonlyMap<string, number>): OptionFrequency[] {
  const share = (count: number) => (n === 0 ? 0 : count / n);
  const declared = options.map((option) => ({ ...option, count: counts.get(option.id) ?? 0, share: share(counts.get(option.id) ?? 0) }));
  const known = new Set(options.map((option) => option.id));
  // Undeclared ids are wrong orderings (each distinct order is its own "option") or malformed answers.
  const others = [...counts]
    .filter(([id, count]) => !known.has(id) && count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .map(([id, count]) => ({ id, label: id, correct: false, count, share: share(count) }));
  return [...declared, ...others];
}

/** The counts of responses held in memory. */
export function countsOf(responses: readonly ScoredResponse[]): ItemCounts {
  const optionCounts = new Map<string, number>();
  for (const response of responses) for (const id of new Set(response.chosen ?? [])) optionCounts.set(id, (optionCounts.get(id) ?? 0) + 1);
  return {
    n: responses.length,
    correctCount: responses.filter((response) => response.correct).length,
    blankCount: responses.filter(isBlank).length,
    optionCounts,
  };
}

/**
 * Statistics of one item (or one template, pooling its variants) from its counts and discrimination. `options` is
 * null for a pooled template, whose variants have different options: no option frequencies and no distractor flag
 * then. Flags need `minResponses` responses.
 */
export function statisticsOf(
  id: string,
  options: readonly OptionSpec[] | null,
  counts: ItemCounts,
  discriminationResult: Discrimination,
  minResponses: number,
): ItemStatistics {
  const { n, correctCount, blankCount } = counts;
  const facility = n === 0 ? null : correctCount / n;
  const frequencies = options ? optionFrequencies(options, n, counts.optionCounts) : [];
  const sufficient = n >= minResponses && n > 0;
  const flags: AnalysisFlag[] = [];
  if (sufficient && facility !== null) {
    if (facility < FACILITY_TOO_HARD) flags.push('too-hard');
    if (facility > FACILITY_TOO_EASY) flags.push('too-easy');
    if (discriminationResult.status === 'ok' && discriminationResult.upperLower < 0) flags.push('negative-discrimination');
    if (options && frequencies.slice(0, options.length).some((option) => !option.correct && option.count === 0)) {
      flags.push('unused-distractor');
    }
  }
  return {
    id,
    n,
    correctCount,
    facility,
    discrimination: discriminationResult,
    options: frequencies,
    blank: { count: blankCount, share: n === 0 ? 0 : blankCount / n },
    flags,
    sufficient,
  };
}

/** Statistics of one item (or pooled template) from its responses held in memory. */
export function itemStatistics(
  id: string,
  options: readonly OptionSpec[] | null,
  responses: readonly AttemptResponse[],
  minResponses: number,
): ItemStatistics {
  return statisticsOf(id, options, countsOf(responses), discrimination(responses, minResponses), minResponses);
}
