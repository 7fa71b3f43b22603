import type { EditionId } from './editions.ts';

/** Where a rule's authority comes from. The UI labels `sop` rules 本店规范（可配置）. */
export type RuleKind = 'platform' | 'law' | 'sop';

/** Topic a rule belongs to; drives grouping in the handbook and per-area quiz summaries. */
export type RuleAreaId =
  | 'general'
  | 'acceptance'
  | 'shipping'
  | 'signing'
  | 'refusal'
  | 'freight'
  | 'seven-day'
  | 'return'
  | 'gift'
  | 'quality'
  | 'description'
  | 'fake-transaction'
  | 'procedure'
  | 'shop-sop';

/** One cited article, quoted verbatim from the primary text. */
export interface RuleSource {
  /** Document title with book-title marks, e.g. 《淘宝平台争议处理规则》. */
  readonly document: string;
  /** Article reference as printed, e.g. 第五十三条. */
  readonly article: string;
  /** The article text, verbatim. */
  readonly quote: string;
}

/** How a rule reads in one edition, where editions differ. */
export interface EditionNote {
  readonly edition: EditionId;
  /** What this edition says, in Chinese. */
  readonly summary: string;
  readonly source?: RuleSource;
}

/**
 * What a rule is: the part of its metadata that the rule's function carries (ids, titles and kinds in a trace or an
 * error). `id` is stored in content and attempt records: never rename it; retire it and add a new one instead.
 */
export interface RuleHead {
  readonly id: string;
  /** Short Chinese title, e.g. 七天无理由退货期限. */
  readonly title: string;
  readonly kind: RuleKind;
  readonly area: RuleAreaId;
  /** Editions in which this rule exists. */
  readonly editions: readonly EditionId[];
  /**
   * True when `decide()` evaluates this rule; false for procedural rules kept as reference
   * metadata only (they never appear as the deciding rule of a ruling).
   */
  readonly decides: boolean;
}

/**
 * What a rule says and quotes. Kept apart from the rule functions (in `texts/`) so that code which only evaluates
 * rules, such as the sandbox island, does not carry every quoted article; the catalogue joins the two.
 */
export interface RuleText {
  /** One sentence in Chinese stating the rule. */
  readonly statement: string;
  readonly sources: readonly RuleSource[];
  /** Present where the wording differs between editions. */
  readonly editionNotes?: readonly EditionNote[];
}

/** Rule texts by rule id. */
export type RuleTexts = Readonly<Record<string, RuleText>>;

/** A rule's whole metadata, as the catalogue, the handbook and the authoring tools read it. */
export interface RuleMeta extends RuleHead, RuleText {}
