import { mergePatch, type FactsInput } from '../../src/rules/index.ts';

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

/** The base scenario with `overrides` deep-merged in; `null` removes a field. */
export function scenario(overrides: Overrides<FactsInput> = {}): FactsInput {
  return mergePatch(baseScenario(), overrides) as FactsInput;
}
