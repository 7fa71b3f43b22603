import type { FactsInput } from '../../src/rules/index.ts';

type Overrides<T> = {
  [K in keyof T]?: (T[K] extends object | undefined ? Overrides<NonNullable<T[K]>> : T[K]) | null | undefined;
};

/** A plain Taobao order: paid, shipped next day, signed by the buyer, 7-day return applied two days later. */
export const baseScenario = (): FactsInput => ({
  channel: 'taobao',
  order: { paidAt: '2025-09-01 10:00', price: 199, freeShipping: true },
  goods: { name: '羊毛呢大衣', sevenDayClass: 'standard', condition: 'intact' },
  shipment: { shipped: true, clickedAt: '2025-09-01 18:00', carrierRecordedAt: '2025-09-01 19:30' },
  delivery: { status: 'signed', signedAt: '2025-09-03 14:20', receivedBy: 'self', confirmation: 'none' },
  claim: { at: '2025-09-05 10:00', type: 'return-and-refund', reason: 'no-reason' },
});

function merge(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return base;
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) return overrides;
  const result: Record<string, unknown> = { ...(typeof base === 'object' && base !== null ? (base as Record<string, unknown>) : {}) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete result[key];
    else result[key] = merge(result[key], value);
  }
  return result;
}

/** The base scenario with `overrides` deep-merged in; `null` removes a field. */
export function scenario(overrides: Overrides<FactsInput> = {}): FactsInput {
  return merge(baseScenario(), overrides) as FactsInput;
}
