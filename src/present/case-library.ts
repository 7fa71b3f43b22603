import { difficulties, topics, type Difficulty, type TopicId } from '../quiz/index.ts';
import { decide, decisiveRules, parseFacts, ruleById, type EditionId, type Facts, type Ruling, type ShopPolicy } from '../rules/index.ts';

// The case library as views read it: the case study model, related cases, filters. Pages load the studies
// (src/server/content-library/) and pass them in.

/** A case study with what the rule engine made of it at build time. */
export interface CaseStudy<Entry = unknown> {
  /** The entry id, i.e. the file name without `.mdx`; used in URLs (`/cases/<slug>`) and in `related`. */
  readonly slug: string;
  /** The content entry the page renders the body of (Astro's `CollectionEntry<'cases'>` where pages load it). */
  readonly entry: Entry;
  /** Slugs the author named in `related`. */
  readonly related: readonly string[];
  readonly title: string;
  readonly summary: string;
  readonly topics: readonly TopicId[];
  readonly difficulty: Difficulty;
  readonly facts: Facts;
  /** Decided now, from the facts; the frontmatter's `expected` is never shown as the answer. */
  readonly ruling: Ruling;
  /** Platform and law rules that fixed some part of the ruling (`decisiveRules`). */
  readonly decisive: readonly string[];
}

interface StudyIndex {
  readonly bySlug: ReadonlyMap<string, CaseStudy>;
  /** In the order of `studies`. */
  readonly byDecidingRule: ReadonlyMap<string, readonly CaseStudy[]>;
  /** Cases per filter (`filterKey`). */
  readonly counts: ReadonlyMap<string, number>;
}

const filterKey = (filter: CaseFilter) => `${filter.kind}\u0000${String(filter.value)}`;

// Built once per list: every case page asks for its related cases, and scanning the whole list per page made the
// build quadratic in the number of cases (bench/build.ts).
const indexes = new WeakMap<readonly CaseStudy[], StudyIndex>();

function indexOf(studies: readonly CaseStudy[]): StudyIndex {
  let index = indexes.get(studies);
  if (!index) {
    const byDecidingRule = new Map<string, CaseStudy[]>();
    const counts = new Map<string, number>();
    const count = (filter: CaseFilter) => counts.set(filterKey(filter), (counts.get(filterKey(filter)) ?? 0) + 1);
    for (const study of studies) {
      const group = byDecidingRule.get(study.ruling.decidingRuleId);
      if (group) group.push(study);
      else byDecidingRule.set(study.ruling.decidingRuleId, [study]);
      for (const topic of new Set(study.topics)) count({ kind: 'topic', value: topic });
      count({ kind: 'difficulty', value: study.difficulty });
      count({ kind: 'rule', value: study.ruling.decidingRuleId });
    }
    index = { bySlug: new Map(studies.map((study) => [study.slug, study])), byDecidingRule, counts };
    indexes.set(studies, index);
  }
  return index;
}

/** Cases whose ruling a rule helped decide (rule pages: 本规则决定的案例); for a shop SOP rule, cases it guides. */
export function casesForRule<S extends CaseStudy>(studies: readonly S[], ruleId: string): S[] {
  if (ruleById(ruleId)?.kind === 'sop') return studies.filter((study) => study.ruling.sop.some((guidance) => guidance.ruleId === ruleId));
  return studies.filter((study) => study.decisive.includes(ruleId));
}

/**
 * Cases to read next: the ones the author named in `related` (in that order), then others decided by the same
 * rule. Unknown slugs are skipped; at most `limit` cases.
 */
export function relatedCases<S extends CaseStudy>(study: S, studies: readonly S[], limit = 6): S[] {
  const { bySlug, byDecidingRule } = indexOf(studies);
  const named = study.related.map((slug) => bySlug.get(slug) as S | undefined).filter((other): other is S => !!other);
  const sameRule = (byDecidingRule.get(study.ruling.decidingRuleId) ?? []) as readonly S[];
  const seen = new Set<string>([study.slug]);
  const result: S[] = [];
  for (const other of [...named, ...sameRule]) {
    if (seen.has(other.slug)) continue;
    seen.add(other.slug);
    result.push(other);
  }
  return result.slice(0, limit);
}

/** A filter of the case index; `undefined` is the unfiltered index. */
export type CaseFilter =
  | { readonly kind: 'topic'; readonly value: TopicId }
  | { readonly kind: 'rule'; readonly value: string }
  | { readonly kind: 'difficulty'; readonly value: Difficulty };

export function matchesFilter(study: CaseStudy, filter: CaseFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.kind === 'topic') return study.topics.includes(filter.value);
  if (filter.kind === 'rule') return study.ruling.decidingRuleId === filter.value;
  return study.difficulty === filter.value;
}

/**
 * How many of `studies` a filter shows (`matchesFilter`), from the index built once per list: the filter bar on
 * each of the ~70 index pages counts every filter, which scanned the whole list per filter and page.
 */
export function filterCount(studies: readonly CaseStudy[], filter: CaseFilter): number {
  return indexOf(studies).counts.get(filterKey(filter)) ?? 0;
}

/** URL of a filtered index page. */
export function filterHref(filter: CaseFilter): string {
  return `/cases/${filter.kind}/${encodeURIComponent(String(filter.value))}`;
}

/** Chinese name of a filter, e.g. 主题：拒签. */
export function filterLabel(filter: CaseFilter): string {
  if (filter.kind === 'topic') return `主题：${topics[filter.value]}`;
  if (filter.kind === 'difficulty') return `难度：${difficulties[filter.value]}`;
  return `决定规则：${ruleById(filter.value)?.title ?? filter.value}`;
}

/** A case's frontmatter as the loader passes it. */
export interface CaseSource {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly topics: readonly string[];
  readonly difficulty: number;
  readonly facts: unknown;
  readonly edition: EditionId;
  readonly related: readonly string[];
  readonly shopPolicy: ShopPolicy;
}

/** Decides a case and wraps it as a study. Throws what `decide()` throws. */
export function caseStudy<Entry>(entry: Entry, source: CaseSource): CaseStudy<Entry> {
  const ruling = decide(source.facts, { edition: source.edition, shopPolicy: source.shopPolicy });
  return {
    slug: source.slug,
    entry,
    related: source.related,
    title: source.title,
    summary: source.summary,
    topics: source.topics as TopicId[],
    difficulty: source.difficulty as Difficulty,
    facts: parseFacts(source.facts),
    ruling,
    decisive: decisiveRules(ruling),
  };
}
