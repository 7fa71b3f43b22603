import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide, ruleById } from '../rules/index.ts';
import { explanationTraceView, traceView } from './index.ts';

describe('traceView', () => {
  const ruling = decide(scenario());
  const steps = traceView(ruling.trace, ruling.decidingRuleId);

  it('keeps the platform and law steps in the engine order, one row per rule, and leaves shop SOP steps to the SOP list', () => {
    const expected = [...new Set(ruling.trace.filter((step) => ruleById(step.ruleId)?.kind !== 'sop').map((step) => step.ruleId))];
    expect(steps.map((step) => step.ruleId)).toEqual(expected);
    expect(steps.some((step) => step.kind === 'sop')).toBe(false);
  });

  it('marks the deciding rule and only it', () => {
    const deciding = steps.filter((step) => step.deciding);
    expect(deciding.length).toBeGreaterThan(0);
    expect(deciding.every((step) => step.ruleId === ruling.decidingRuleId && step.applied)).toBe(true);
    expect(steps.filter((step) => !step.deciding).some((step) => step.ruleId === ruling.decidingRuleId)).toBe(false);
  });

  it('words each fact once, in Chinese, the first reading winning', () => {
    for (const step of steps) {
      expect(new Set(step.facts.map((fact) => fact.path)).size).toBe(step.facts.length);
    }
    const signed = steps.flatMap((step) => step.facts).find((fact) => fact.path === 'delivery.signedAt');
    expect(signed).toMatchObject({ value: '2025-09-03 14:20', absent: false });
  });
});

describe('one row per rule', () => {
  const read = (path: string, value: unknown) => ({ path, value });
  const trace = [
    { ruleId: 'R-SHIP-DEADLINE', applied: false, note: '承诺 48 小时内发货', facts: [read('shipment.promisedHours', 48)] },
    { ruleId: 'R-7DAY-WINDOW', applied: true, note: '在期限内。', facts: [] },
    { ruleId: 'R-SHIP-DEADLINE', applied: true, note: '实际发货晚于最晚发货时间。', facts: [read('shipment.promisedHours', 72), read('shipment.shippedAt', undefined)] },
    { ruleId: 'R-SHIP-DEADLINE', applied: true, note: '实际发货晚于最晚发货时间。', facts: [] },
  ];

  it('merges a rule consulted three times into its first place: applied if any, distinct notes as sentences, distinct facts', () => {
    const view = traceView(trace, 'R-SHIP-DEADLINE');
    expect(view.map((step) => step.ruleId)).toEqual(['R-SHIP-DEADLINE', 'R-7DAY-WINDOW']);
    expect(view[0]).toMatchObject({ applied: true, deciding: true, note: '承诺 48 小时内发货。实际发货晚于最晚发货时间。' });
    expect(view[0]!.facts.map((fact) => [fact.path, fact.absent])).toEqual([
      ['shipment.promisedHours', false],
      ['shipment.shippedAt', true],
    ]);
    expect(view[0]!.facts[0]!.value).toContain('48');
  });

  it('does the same for practice explanations', () => {
    const view = explanationTraceView(
      trace.map(({ ruleId, applied, note }) => ({ ruleId, title: ruleId, applied, note })),
      null,
    );
    expect(view.map((step) => [step.ruleId, step.applied])).toEqual([
      ['R-SHIP-DEADLINE', true],
      ['R-7DAY-WINDOW', true],
    ]);
  });
});

describe('explanationTraceView', () => {
  it('shows a practice explanation in the same model, without facts', () => {
    const view = explanationTraceView([{ ruleId: 'R-7DAY-WINDOW', title: '七天无理由退货期限', applied: true, note: '在期限内。' }], 'R-7DAY-WINDOW');
    expect(view).toEqual([
      { ruleId: 'R-7DAY-WINDOW', title: '七天无理由退货期限', kind: null, kindLabel: null, applied: true, deciding: true, note: '在期限内。', facts: [] },
    ]);
  });
});
