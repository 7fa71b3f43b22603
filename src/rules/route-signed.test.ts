import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

describe('routing after signing', () => {
  it('accepts a 7-day no-reason return of intact standard goods inside the window, the buyer paying the return leg of a 包邮 order', () => {
    const ruling = decide(scenario());
    expect(ruling.resolution).toBe('return-and-refund');
    expect(ruling.freight).toMatchObject({ outbound: 'seller', return: 'buyer' });
  });

  it('makes the buyer pay both legs of a 7-day return when the order was not 包邮 (第五十三条)', () => {
    const ruling = decide(scenario({ order: { freeShipping: false } }));
    expect(ruling.resolution).toBe('return-and-refund');
    expect(ruling.freight).toMatchObject({ outbound: 'buyer', return: 'buyer' });
  });
});
