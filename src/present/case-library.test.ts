import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { defaultShopPolicy } from '../rules/index.ts';
import { caseStudy, casesForRule, filterCount, filterHref, filterLabel, matchesFilter, relatedCases, type CaseFilter } from './case-library.ts';

const study = (slug: string, related: string[] = [], facts = scenario()) =>
  caseStudy(null, { slug, title: slug, summary: '', topics: ['seven-day'], difficulty: 1, facts, edition: '2025-08-15', related, shopPolicy: defaultShopPolicy });

describe('the case library model', () => {
  const late = scenario({ claim: { at: '2025-09-20 10:00' } });
  const studies = [study('a', ['c']), study('b'), study('c', [], late), study('d')];

  it('decides each case and lists its decisive rules', () => {
    expect(studies[0]!.ruling.decidingRuleId).toBe('R-7DAY-SCOPE');
    expect(studies[2]!.ruling.decidingRuleId).toBe('R-7DAY-WINDOW');
    expect(casesForRule(studies, 'R-7DAY-WINDOW').map((s) => s.slug)).toContain('c');
    expect(casesForRule(studies, 'SOP-FLOW').length).toBe(studies.filter((s) => s.ruling.sop.some((g) => g.ruleId === 'SOP-FLOW')).length);
  });

  it('offers the cases the author named first, then others decided by the same rule, never the case itself', () => {
    expect(relatedCases(studies[0]!, studies).map((s) => s.slug)).toEqual(['c', 'b', 'd']);
    expect(relatedCases(studies[0]!, studies, 2).map((s) => s.slug)).toEqual(['c', 'b']);
  });

  it('filters by topic, deciding rule and difficulty, with prerendered links and Chinese labels', () => {
    expect(studies.filter((s) => matchesFilter(s, { kind: 'rule', value: 'R-7DAY-WINDOW' })).map((s) => s.slug)).toEqual(['c']);
    expect(filterHref({ kind: 'topic', value: 'seven-day' })).toBe('/cases/topic/seven-day');
    expect(filterLabel({ kind: 'rule', value: 'R-7DAY-WINDOW' })).toBe('决定规则：七天无理由退货期限');
  });

  it('counts each filter as matchesFilter does, a repeated topic once, and 0 for a filter nothing matches', () => {
    const mixed = [...studies, caseStudy(null, { slug: 'e', title: 'e', summary: '', topics: ['refusal', 'refusal'], difficulty: 3, facts: scenario(), edition: '2025-08-15', related: [], shopPolicy: defaultShopPolicy })];
    const filters: CaseFilter[] = [
      { kind: 'topic', value: 'seven-day' },
      { kind: 'topic', value: 'refusal' },
      { kind: 'topic', value: 'gift' },
      { kind: 'difficulty', value: 1 },
      { kind: 'difficulty', value: 3 },
      { kind: 'difficulty', value: 2 },
      { kind: 'rule', value: 'R-7DAY-WINDOW' },
      { kind: 'rule', value: 'R-7DAY-SCOPE' },
      { kind: 'rule', value: 'R-NONE' },
    ];
    const counts = filters.map((filter) => filterCount(mixed, filter));
    expect(counts).toEqual(filters.map((filter) => mixed.filter((s) => matchesFilter(s, filter)).length));
    expect(counts).toEqual([4, 1, 0, 4, 1, 0, 1, 4, 0]);
  });
});
