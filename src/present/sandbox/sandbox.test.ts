import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decide, parseBeijingTime } from '../../rules/index.ts';
import { changeSentence, factValueText, factsToYaml, rulingChanges, sandboxCaseGroups, sandboxOutcome } from '../index.ts';
import { scenario } from '../../../tests/factories/facts.ts';

describe('rulingChanges', () => {
  it('says what an edit changed, the resolution first', () => {
    const before = decide(scenario({ claim: { at: '2025-09-10 23:59' } }));
    const after = decide(scenario({ claim: { at: '2025-09-11 00:00' } }));
    const changes = rulingChanges(before, after);
    expect(changeSentence(changes[0]!)).toBe('结果由 退货退款 变为 驳回买家诉求');
    expect(changes.map((change) => change.label)).toEqual(
      expect.arrayContaining(['结果', '支持', '决定规则', '申请在七天期限内']),
    );
  });

  it('is empty when an edit changes nothing a learner sees', () => {
    expect(rulingChanges(decide(scenario()), decide(scenario({ goods: { name: '围巾' } })))).toEqual([]);
  });
});

describe('sandboxOutcome', () => {
  it('returns the ruling when the facts decide', () => {
    expect(sandboxOutcome(scenario(), [], {})).toMatchObject({ kind: 'ruling', ruling: { resolution: 'return-and-refund' } });
  });

  it('does not ask the engine while some field cannot be read', () => {
    const errors = [{ path: 'claim.at', message: '…' }];
    expect(sandboxOutcome(scenario(), errors, {})).toEqual({ kind: 'form-errors', errors });
  });

  it('turns a missing fact into the engine’s message and the field to highlight', () => {
    const outcome = sandboxOutcome(scenario({ delivery: { signedAt: null } }), [], {});
    expect(outcome).toMatchObject({
      kind: 'engine-error',
      code: 'MISSING_FACT',
      missing: { path: 'delivery.signedAt', ruleId: 'R-7DAY-WINDOW' },
      issues: [{ path: 'delivery.signedAt' }],
    });
    expect(outcome.kind === 'engine-error' && outcome.message).toContain('物流显示的签收时间');
  });

  it('lists invalid and contradictory facts by path', () => {
    expect(sandboxOutcome(scenario({ delivery: { status: null } }), [], {})).toMatchObject({
      code: 'INVALID_FACTS',
      issues: [{ path: 'delivery.status' }],
    });
    const contradictory = sandboxOutcome(scenario({ delivery: { signedAt: '2025-08-01 10:00' } }), [], {});
    expect(contradictory).toMatchObject({ code: 'CONTRADICTORY_FACTS' });
    expect(contradictory.kind === 'engine-error' && contradictory.issues.map((issue) => issue.path)).toContain('delivery.signedAt');
  });

  it('never throws, even on input that is not facts at all', () => {
    expect(sandboxOutcome(null, [], {})).toMatchObject({ kind: 'engine-error', code: 'INVALID_FACTS' });
    expect(sandboxOutcome(scenario(), [], { edition: 'no-such-edition' as never }).kind).toBeDefined();
  });
});

describe('factValueText', () => {
  it('shows what a rule read the way a learner reads it', () => {
    expect(factValueText('delivery.signedAt', parseBeijingTime('2025-09-03 20:15'))).toBe('2025-09-03 20:15');
    expect(factValueText('goods.sevenDayClass', 'standard')).toBe('一般商品（必须支持）');
    expect(factValueText('order.freeShipping', true)).toBe('是');
    expect(factValueText('shipment.carrierHasSystem', undefined)).toBe('未填写');
  });
});

describe('factsToYaml', () => {
  it('writes the frontmatter flow style, and reads back as the same facts', () => {
    const facts = { ...scenario(), goods: { name: 'true', sevenDayClass: 'standard', condition: 'intact' }, platform: {} };
    const text = factsToYaml(facts);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'facts:',
      '  channel: taobao',
      '  order: { paidAt: "2025-09-01 10:00", price: 199, freeShipping: true }',
    ]);
    expect(parse(text)).toEqual({ facts });
  });
});

describe('sandboxCaseGroups', () => {
  const entry = (id: string, title: string, topics: string[]) => ({
    id,
    data: { title, edition: '2025-08-15', topics, facts: scenario(), expected: { resolution: 'refund' } },
  });

  it('groups cases under their first topic in topic order and leaves the expected ruling out', () => {
    const groups = sandboxCaseGroups(
      [entry('b', '乙', ['freight']), entry('a', '甲', ['seven-day', 'freight'])],
      ['seven-day', 'freight'],
      (topic) => ({ 'seven-day': '七天无理由', freight: '运费承担' })[topic] ?? topic,
    );
    expect(groups.map((group) => group.label)).toEqual(['七天无理由', '运费承担']);
    expect(groups[0]!.cases[0]).toEqual({ slug: 'a', title: '甲', edition: '2025-08-15', facts: scenario() });
    expect(JSON.stringify(groups)).not.toContain('expected');
  });

  it('names the case when an entry cannot go to the island', () => {
    expect(() => sandboxCaseGroups([{ ...entry('x', '丙', ['gift']), data: { ...entry('x', '丙', ['gift']).data, edition: '2019' } }], [], String)).toThrow(
      /案例 x 无法放进沙盒：edition/,
    );
  });
});
