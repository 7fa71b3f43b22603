import { describe, expect, it } from 'vitest';
import { ruleById } from '../catalogue.ts';
import { applyShopSop, sopRuleMetas, sopRules, sopStages } from './index.ts';
import { policyWith, scenario, type SopCheckOptions } from './fixtures.ts';

/** RULES.md §5, in its order. Ids are permanent: this list only ever grows. */
const catalogueIds = [
  'SOP-LADDER', 'SOP-COMP-RANGE', 'SOP-COMP-POSTAGE-CAP', 'SOP-VIRTUAL-COMP', 'SOP-MANAGER-ESCALATE',
  'SOP-FIRST-RESPONSE', 'SOP-RESOLVE-48H', 'SOP-REPLY-24H', 'SOP-AUDIT-72H', 'SOP-RETURN-WINDOWS',
  'SOP-QUALITY-3DAY', 'SOP-QUALITY-PHOTO', 'SOP-FREIGHT-PREPAY', 'SOP-NO-COD', 'SOP-COURIER-DAMAGE',
  'SOP-RETURN-THEN-REFUND', 'SOP-RETAIN', 'SOP-CONTACT-OFFLINE', 'SOP-SCREENSHOT', 'SOP-REGISTER',
  'SOP-LOST-PARCEL-REPORT', 'SOP-MISSHIP-ACCOUNTABILITY', 'SOP-QUALITY-REPORT', 'SOP-FLOW', 'SOP-FLOWCHART',
  'SOP-LOGISTICS-EXCEPTIONS', 'SOP-OVERSHIP', 'SOP-IN-TRANSIT-REFUND', 'SOP-7DAY-EXPLAIN', 'SOP-EXCHANGE-SPU',
  'SOP-PHOTO-CONFIRM-MISSHIP',
];

const scenarios: Record<string, SopCheckOptions> = {
  'no-reason return': {},
  'late no-reason return': { facts: { claim: { at: '2025-09-10 21:00' } } },
  'quality complaint after intervention': {
    facts: { claim: { reason: 'quality' }, platform: { intervened: true } },
    situation: { decidingRuleId: 'R-QUAL-VISIBLE' },
  },
  'lost parcel': {
    facts: { claim: { reason: 'not-received', type: 'refund-only' }, delivery: { status: 'lost', signedAt: undefined } },
    situation: { resolution: 'refund', decidingRuleId: 'R-SIGN-RISK' },
  },
  'wrong item': {
    facts: { claim: { reason: 'surface-mismatch' }, issue: { mismatchKind: 'wrong-item' } },
    situation: { decidingRuleId: 'R-REMEDY-CHOICE' },
  },
  'refund while in transit': {
    facts: { claim: { type: 'refund-only' }, delivery: { status: 'in-transit', signedAt: undefined } },
    situation: { resolution: 'refund', decidingRuleId: 'R-SHIP-INTERCEPT' },
  },
  counterfeit: {
    facts: { claim: { reason: 'counterfeit', type: 'refund-only' } },
    situation: { resolution: 'refund', decidingRuleId: 'R-FAKE-REFUND' },
  },
};

function run(options: SopCheckOptions) {
  const { evaluation, situation } = scenario(options);
  const guidance = applyShopSop(evaluation, situation);
  return { guidance, ids: guidance.map((g) => g.ruleId), trace: evaluation.trace };
}

describe('SOP catalogue', () => {
  it('holds every SOP rule of RULES.md §5 exactly once', () => {
    expect([...sopRules.map((rule) => rule.meta.id)].sort()).toEqual([...catalogueIds].sort());
  });

  it('labels every rule as configurable shop policy for both editions', () => {
    for (const meta of sopRuleMetas) {
      expect(meta).toMatchObject({ kind: 'sop', area: 'shop-sop', editions: ['2025-08-15', 'legacy'], decides: true });
      expect(meta.title).toMatch(/\p{Script=Han}/u);
      const text = ruleById(meta.id)!;
      expect(text.statement).toMatch(/\p{Script=Han}.*。$/u);
      expect(text.sources.length).toBeGreaterThan(0);
    }
  });

  it('orders the rules by the shop flow 安抚 → 核实 → 联系 → 跟踪 → 回访', () => {
    const stages = sopRules.map((rule) => sopStages.indexOf(rule.stage));
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    expect(sopRules[0]!.meta.id).toBe('SOP-FLOW');
  });
});

describe('applyShopSop', () => {
  it.each(Object.entries(scenarios))('returns guidance for a %s in flow order, starting with SOP-FLOW and always registering', (_name, options) => {
    const { ids } = run(options);
    const order = sopRules.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(ids[0]).toBe('SOP-FLOW');
    expect(ids).toContain('SOP-REGISTER');
  });

  it.each(Object.entries(scenarios))('puts every consulted rule of a %s in the trace, and only the applying ones in the guidance', (_name, options) => {
    const { ids, trace } = run(options);
    expect(trace.filter((step) => step.applied).map((step) => step.ruleId)).toEqual(ids);
  });

  it.each(Object.entries(scenarios))('pins the agent-facing wording for a %s', (_name, options) => {
    expect(run(options).guidance).toMatchSnapshot();
  });

  it('does not consult quality or lost-parcel rules for a no-reason return', () => {
    const consulted = run({}).trace.map((step) => step.ruleId);
    expect(consulted).not.toContain('SOP-QUALITY-PHOTO');
    expect(consulted).not.toContain('SOP-QUALITY-3DAY');
    expect(consulted).not.toContain('SOP-LOST-PARCEL-REPORT');
    expect(consulted).toContain('SOP-7DAY-EXPLAIN');
  });

  it('consults the quality rules for a quality complaint and the lost-parcel report for a lost parcel', () => {
    expect(run(scenarios['quality complaint after intervention']!).ids).toEqual(
      expect.arrayContaining(['SOP-QUALITY-PHOTO', 'SOP-QUALITY-3DAY', 'SOP-QUALITY-REPORT', 'SOP-MANAGER-ESCALATE', 'SOP-REPLY-24H']),
    );
    expect(run(scenarios['lost parcel']!).ids).toContain('SOP-LOST-PARCEL-REPORT');
  });

  it('traces a relevant rule that does not apply without giving its guidance', () => {
    const { ids, trace } = run({ policy: policyWith({ acceptsCodReturns: true }) });
    expect(trace.find((step) => step.ruleId === 'SOP-NO-COD')).toMatchObject({ applied: false, note: '本店接收到付退货件，本条不适用。' });
    expect(ids).not.toContain('SOP-NO-COD');
  });

  it('records the facts each rule read', () => {
    const step = run({}).trace.find((s) => s.ruleId === 'SOP-RETURN-WINDOWS');
    expect(step?.facts.map((fact) => fact.path)).toEqual(expect.arrayContaining(['delivery.status', 'delivery.signedAt', 'claim.at']));
  });

  it('names the winning platform rules for a no-reason return made after the shop window', () => {
    const { guidance } = run(scenarios['late no-reason return']!);
    const overrides = Object.fromEntries(guidance.filter((g) => g.overriddenBy).map((g) => [g.ruleId, g.overriddenBy]));
    expect(overrides).toEqual({ 'SOP-RETURN-WINDOWS': 'R-7DAY-WINDOW', 'SOP-RETAIN': 'R-7DAY-SCOPE', 'SOP-LADDER': 'R-7DAY-SCOPE' });
  });

  it('names R-SHIP-INTERCEPT for a refund requested while in transit', () => {
    const { guidance } = run(scenarios['refund while in transit']!);
    expect(guidance.find((g) => g.ruleId === 'SOP-IN-TRANSIT-REFUND')?.overriddenBy).toBe('R-SHIP-INTERCEPT');
  });
});
