import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../tests/factories/facts.ts';
import { settleStage, walkTable, type DecisionTable, type RouteContext } from './decision-table.ts';
import { MissingFactError } from './errors.ts';
import type { Facts } from './facts.ts';
import { defaultParameters } from './parameters.ts';
import { parseFacts } from './parse-facts.ts';
import { defineRule, Evaluation } from './rule.ts';
import type { RuleMeta } from './rule-meta.ts';
import { defaultShopPolicy } from './shop-policy.ts';

const meta = (id: string): RuleMeta => ({ id, title: id, statement: id, kind: 'platform', area: 'general', sources: [], editions: ['2025-08-15'], decides: true });
const freeShipping = defineRule(meta('R-TEST-FREE'), (read) => ({ applies: read.fact('order.freeShipping'), note: '' }));
const refundNote = defineRule(meta('R-TEST-NOTE'), (read) => ({ applies: read.fact('order.refundNote' as 'order.freeShipping'), note: '' }));
const evaluation = (facts: Facts = parseFacts(baseScenario())) => new Evaluation(facts, '2025-08-15', defaultParameters, defaultShopPolicy);
const context = (): RouteContext => ({ shippedAt: null, late: false });
const refund = { resolution: 'refund', freight: null, transitRisk: null } as const;

const table: DecisionTable = {
  id: 'intake',
  title: '测试',
  summary: '测试',
  rows: [
    { rules: ['R-TEST-FREE'], when: '不包邮', then: '驳回', decide: (e) => (e.consult(freeShipping).applies ? undefined : { ...refund, resolution: 'reject' }) },
    { rules: ['R-TEST-FREE', 'R-OTHER'], when: '包邮', then: '退款', decide: (e) => (e.consult(freeShipping).applies ? refund : undefined) },
  ],
};

describe('decision tables', () => {
  it('settles on the first row with a result and names the row’s first rule as deciding', () => {
    const run = evaluation();
    expect(settleStage(table, run, context())).toEqual({ ...refund, decidingRuleId: 'R-TEST-FREE' });
    expect(run.path).toEqual([{ table: 'intake', row: 1 }]);
  });

  it('traces a rule that two rows consult once, with the facts it read', () => {
    const run = evaluation();
    settleStage(table, run, context());
    expect(run.trace).toEqual([{ ruleId: 'R-TEST-FREE', applied: true, facts: [{ path: 'order.freeShipping', value: true }], note: '' }]);
  });

  it('returns undefined when no row applies, so the caller goes on with its next row', () => {
    const none: DecisionTable = { ...table, rows: [table.rows[0]!] };
    expect(walkTable(none, evaluation(), context())).toBeUndefined();
  });

  it('lets a missing fact throw from the row that needs it instead of counting as false', () => {
    const needsNote: DecisionTable = {
      ...table,
      rows: [{ rules: ['R-TEST-NOTE'], when: '', then: '', decide: (e) => (e.check(refundNote).applies ? refund : undefined) }, table.rows[1]!],
    };
    expect(() => settleStage(needsNote, evaluation(), context())).toThrow(MissingFactError);
  });
});
