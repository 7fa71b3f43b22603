import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';
import { ContradictoryFactsError, InvalidFactsError, MissingFactError } from './errors.ts';

describe('decide() input errors', () => {
  it('names the missing fact and the rule that needed it', () => {
    const error = captureError(() => decide(scenario({ delivery: { signedAt: null } })));
    expect(error).toBeInstanceOf(MissingFactError);
    expect(error).toMatchObject({ code: 'MISSING_FACT', fact: 'delivery.signedAt', ruleId: 'R-7DAY-WINDOW' });
    expect((error as Error).message).toContain('物流显示的签收时间');
  });

  it('never treats a missing fact as false', () => {
    expect(() => decide(scenario({ goods: { condition: null } }))).toThrowError(MissingFactError);
  });

  it('lists every schema problem with its path', () => {
    const error = captureError(() =>
      decide({ ...scenario(), channel: 'jd', order: { paidAt: '9月1日', price: -1, freeShipping: 'yes' }, colour: 'red' }),
    ) as InvalidFactsError;
    expect(error).toBeInstanceOf(InvalidFactsError);
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['channel', 'order.paidAt', 'order.price', 'order.freeShipping', '(整个情景)']));
    expect(error.issues.find((issue) => issue.path === 'channel')?.message).toBe('写的是 "jd"，只能是 taobao / tmall / tmallGlobal 之一。');
    expect(error.issues.find((issue) => issue.path === 'order.paidAt')?.message).toContain('北京时间');
  });

  it('refuses signing before shipping', () => {
    const error = captureError(() => decide(scenario({ delivery: { signedAt: '2025-09-01 12:00' } })));
    expect(error).toBeInstanceOf(ContradictoryFactsError);
    expect(error).toMatchObject({ facts: ['shipment.carrierRecordedAt', 'delivery.signedAt'] });
  });

  it('refuses a refund requested before payment', () => {
    expect(() => decide(scenario({ claim: { at: '2025-08-31 10:00' } }))).toThrowError(ContradictoryFactsError);
  });

  it('refuses delivery facts for an order that was never shipped', () => {
    expect(() => decide(scenario({ shipment: { shipped: false } }))).toThrowError(/尚未发货/);
  });

  it('refuses a signing time on a refused parcel', () => {
    expect(() => decide(scenario({ delivery: { status: 'refused' } }))).toThrowError(ContradictoryFactsError);
  });
});

describe('decide() rulings explain themselves', () => {
  it('records each rule consulted with the facts it read', () => {
    const ruling = decide(scenario());
    const window = ruling.trace.find((step) => step.ruleId === 'R-7DAY-WINDOW');
    expect(window).toMatchObject({ applied: true });
    expect(window?.facts.map((read) => read.path)).toEqual(['delivery.signedAt', 'delivery.receivedBy', 'claim.at']);
    expect(ruling.trace.map((step) => step.ruleId)).toContain(ruling.decidingRuleId);
  });

  it('gives the same ruling whatever the host time zone', () => {
    const original = process.env['TZ'];
    const rulings = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((zone) => {
      process.env['TZ'] = zone;
      return decide(scenario({ claim: { at: '2025-09-10 23:59' } }));
    });
    process.env['TZ'] = original;
    for (const ruling of rulings) expect(ruling).toEqual(rulings[0]);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('fact descriptions for authors', () => {
  it('describes facts inside defaulted sections too', async () => {
    const { describeFact } = await import('./fact-docs.ts');
    expect(describeFact('platform.intervened')).toContain('介入');
    expect(describeFact('delivery.signedAt')).toContain('签收');
    expect(describeFact('no.such.fact')).toBeUndefined();
  });
});
