import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.ts';

describe('mergePatch', () => {
  const base = { order: { price: 199, freeShipping: true }, claim: { reason: 'no-reason' }, tags: ['a', 'b'] };

  it('merges nested objects key by key and leaves the base unchanged', () => {
    expect(mergePatch(base, { order: { price: 99 } })).toEqual({ ...base, order: { price: 99, freeShipping: true } });
    expect(base.order.price).toBe(199);
  });

  it('removes a field patched with null and keeps one patched with undefined', () => {
    expect(mergePatch(base, { claim: null, order: { freeShipping: undefined } })).toEqual({ order: base.order, tags: base.tags });
  });

  it('replaces arrays and scalars rather than merging them', () => {
    expect(mergePatch(base, { tags: ['c'] })).toMatchObject({ tags: ['c'] });
    expect(mergePatch(base, 7)).toBe(7);
    expect(mergePatch({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
  });
});
