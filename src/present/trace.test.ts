import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide, ruleById } from '../rules/index.ts';
import { explanationTraceView, traceView } from './index.ts';

describe('traceView', () => {
  const ruling = decide(scenario());
  const steps = traceView(ruling.trace, ruling.decidingRuleId);

  it('keeps the platform and law steps in the engine order and leaves shop SOP steps to the SOP list', () => {
    const expected = ruling.trace.filter((step) => ruleById(step.ruleId)?.kind !== 'sop').map((step) => step.ruleId);
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

describe('explanationTraceView', () => {
  it('shows a practice explanation in the same model, without facts', () => {
    const view = explanationTraceView([{ ruleId: 'R-7DAY-WINDOW', title: '七天无理由退货期限', applied: true, note: '在期限内。' }], 'R-7DAY-WINDOW');
    expect(view).toEqual([
      { ruleId: 'R-7DAY-WINDOW', title: '七天无理由退货期限', kind: null, kindLabel: null, applied: true, deciding: true, note: '在期限内。', facts: [] },
    ]);
  });
});
