import type { Item } from '../item-schema.ts';

/** One answer option of an item, identified in authored (canonical) order, independent of any attempt's shuffle. */
export interface OptionSpec {
  /** Single and multiple: the authored index as a string; true/false: `true` or `false`; ordering: the step sequence. */
  readonly id: string;
  readonly label: string;
  readonly correct: boolean;
}

/** What the analysis needs to know about an item besides the responses to it. */
export interface ItemSpec {
  readonly itemId: string;
  /** The template a generated variant comes from (`templateId~seed`); null for an authored item. */
  readonly templateId: string | null;
  readonly type: Item['type'];
  readonly options: readonly OptionSpec[];
}

/** One graded response: whether it was right and which options it chose, in canonical ids. */
export interface ScoredResponse {
  readonly itemId: string;
  readonly correct: boolean;
  /** Canonical option ids chosen; null or empty when the question was left unanswered. */
  readonly chosen: readonly string[] | null;
}

/** One closed attempt: its total, which ranks it against other attempts, and its responses. */
export interface ScoredAttempt {
  readonly attemptId: string;
  readonly score: number;
  readonly maxScore: number;
  readonly responses: readonly ScoredResponse[];
}

/**
 * Why an item deserves a look. `too-hard`: facility below 0.2; `too-easy`: facility above 0.95;
 * `negative-discrimination`: the upper 27% did worse than the lower 27%; `unused-distractor`: a wrong option of a
 * choice item that nobody chose. Raised only when the item has enough responses (see `minResponses`).
 */
export type AnalysisFlag = 'too-hard' | 'too-easy' | 'negative-discrimination' | 'unused-distractor';

export interface OptionFrequency extends OptionSpec {
  readonly count: number;
  /** count / n; for multiple-choice items shares add up to more than 1, since a response may choose several. */
  readonly share: number;
}

export type Discrimination =
  | {
      readonly status: 'ok';
      /** D = p(upper 27%) − p(lower 27%), groups ranked by the attempt's score proportion. */
      readonly upperLower: number;
      /** Corrected point-biserial: correlation of this item with the rest of the attempt; null when either is constant. */
      readonly pointBiserial: number | null;
      /** Attempts in each of the upper and lower groups. */
      readonly groupSize: number;
    }
  | { readonly status: 'insufficient'; readonly needed: number };

export interface ItemStatistics {
  readonly id: string;
  readonly n: number;
  readonly correctCount: number;
  /** Proportion correct (p); null when nobody answered. */
  readonly facility: number | null;
  readonly discrimination: Discrimination;
  /** Declared options in canonical order, then responses outside them (other orderings), most chosen first. */
  readonly options: readonly OptionFrequency[];
  readonly blank: { readonly count: number; readonly share: number };
  readonly flags: readonly AnalysisFlag[];
  /** n ≥ minResponses: only then are flags raised and discrimination reported. */
  readonly sufficient: boolean;
}

export interface ItemAnalysisRow {
  /** `item`: an authored item; `template`: all variants of a template pooled, with each variant in `variants`. */
  readonly kind: 'item' | 'template';
  readonly id: string;
  readonly type: Item['type'];
  readonly stats: ItemStatistics;
  readonly variants: readonly ItemStatistics[];
}

export interface ItemAnalysis {
  /** Attempts analysed. */
  readonly attempts: number;
  readonly minResponses: number;
  /** Authored items and templates, by id. */
  readonly rows: readonly ItemAnalysisRow[];
  /** Item ids answered in some attempt but absent from the bank now (content moved on); their responses are left out. */
  readonly unknownItemIds: readonly string[];
}
