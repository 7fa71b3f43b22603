import { describe, expect, it } from 'vitest';
import { articleTexts } from './articles.ts';
import { ruleAreas, ruleById, ruleCatalogue } from './catalogue.ts';

describe('rule catalogue', () => {
  it('has unique, well-formed ids', () => {
    const ids = ruleCatalogue.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(R|SOP)-[A-Z0-9-]+$/);
  });

  it('covers every outcome-deciding R-* rule of RULES.md §4', () => {
    const required = [
      'R-GEN-ORDER-OF-SOURCES', 'R-GEN-PARTIAL-REFUND', 'R-GEN-FORMAT-CLAUSE', 'R-GEN-RECALL', 'R-GEN-BAD-FAITH', 'R-GEN-PROHIBITED',
      'R-GEN-BIGDATA', 'R-ACCEPT-DEADLINE', 'R-ACCEPT-EXCLUSIONS', 'R-SHIP-TIME-DEF', 'R-SHIP-DEADLINE', 'R-SHIP-AFTER-REFUND-REQUEST',
      'R-SHIP-INTERCEPT', 'R-SHIP-SEPARATE-PARCELS', 'R-SHIP-ADDRESS', 'R-SHIP-CARRIER', 'R-SHIP-COD-FREIGHT', 'R-SHIP-BREACH', 'R-SIGN-RISK',
      'R-SIGN-ADDRESS-INFO', 'R-SIGN-ADDRESS-CHANGE', 'R-SIGN-WHO', 'R-SIGN-NONRECEIPT-BURDEN', 'R-SIGN-INSPECT-REFUSE',
      'R-REFUSE-SELLER-FAULT', 'R-REFUSE-7DAY-ITEM', 'R-REFUSE-NON7DAY-ITEM', 'R-FREIGHT-PRE-INTERVENTION', 'R-FREIGHT-FAULT',
      'R-FREIGHT-UNCLEAR', 'R-FREIGHT-7DAY-RETURN', 'R-FREIGHT-7DAY-EXCHANGE', 'R-FREIGHT-COD-RETURN', 'R-FREIGHT-ADDRESS-DIFF',
      'R-7DAY-SCOPE', 'R-7DAY-WINDOW', 'R-7DAY-INTACT', 'R-7DAY-GIFT', 'R-7DAY-REFUND-DEADLINE', 'R-RET-BREACH',
      'R-RET-NO-RETURN-NEEDED', 'R-RET-RISK-DEFAULT', 'R-RET-RISK-SELLER-FAULT', 'R-REMEDY-CHOICE', 'R-GIFT-CLARITY', 'R-GIFT-LICENSE',
      'R-GIFT-SHIPTIME', 'R-GIFT-INDEPENDENT', 'R-GIFT-VALUE', 'R-QUAL-VISIBLE', 'R-QUAL-INVISIBLE-OR-FAKE', 'R-QUAL-REMEDY',
      'R-FAKE-REFUND', 'R-TEST-FEE', 'R-LAW-3BAO', 'R-DESC-VISIBLE', 'R-DESC-INVISIBLE', 'R-DESC-INTACT', 'R-DESC-ADLAW',
      'R-DESC-DISCLOSED-DEFECT', 'R-SURFACE-BURDEN', 'R-FAKE-TXN',
    ];
    for (const id of required) expect(ruleById(id)?.decides, id).toBe(true);
  });

  it('keeps platform, law and shop rules apart', () => {
    for (const rule of ruleCatalogue) {
      expect(rule.kind === 'sop', rule.id).toBe(rule.id.startsWith('SOP-'));
      expect(rule.kind === 'sop', rule.id).toBe(rule.area === 'shop-sop');
    }
  });

  it('gives every rule a Chinese title, a statement, a known area and at least one quoted source', () => {
    const areas = new Set(ruleAreas.map((area) => area.id));
    for (const rule of ruleCatalogue) {
      expect(rule.title, rule.id).toMatch(/\p{Script=Han}/u);
      expect(rule.statement.length, rule.id).toBeGreaterThan(10);
      expect(areas.has(rule.area), rule.id).toBe(true);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const source of rule.sources) expect(source.quote.length, rule.id).toBeGreaterThan(0);
      expect(rule.editions.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('quotes 《淘宝平台争议处理规则》 articles verbatim from the article table', () => {
    const texts = new Set(Object.values(articleTexts.tb).map((article) => article.text));
    const tbSources = ruleCatalogue.flatMap((rule) => rule.sources).filter((source) => source.document === '《淘宝平台争议处理规则》');
    expect(tbSources.length).toBeGreaterThan(50);
    for (const source of tbSources) expect(texts.has(source.quote), source.article).toBe(true);
  });
});

describe('records on 阿里旺旺 (第三条)', () => {
  it('teaches, in every rule about an agreement that changes the deal, that it is made and kept on 阿里旺旺', () => {
    for (const id of ['R-SIGN-ADDRESS-CHANGE', 'R-GEN-PARTIAL-REFUND', 'R-FREIGHT-PRE-INTERVENTION', 'R-GEN-DENIED-AGREEMENT', 'R-GEN-ORDER-OF-SOURCES']) {
      const rule = ruleById(id)!;
      expect(rule.statement, id).toContain('阿里旺旺');
      expect(rule.sources.map((source) => source.article), id).toContain('第三条');
    }
  });
});
