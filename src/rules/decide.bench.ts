import { test } from 'vitest';
import { scenario } from '../../tests/factories/facts.ts';
import { decide } from './decide.ts';

// One scenario per main route, so the figure is not one path's best case.
const scenarios = [
  scenario(),
  scenario({ claim: { reason: 'quality' }, issue: { visible: true, buyerProof: true, sellerRebuttal: false, defeatsPurpose: true } }),
  scenario({ claim: { reason: 'not-received', type: 'refund-only' }, delivery: { receivedBy: 'locker', placeDesignated: false, sellerHasDeliveryProof: true } }),
  scenario({ delivery: { status: 'refused', signedAt: null, refusal: { reason: 'no-reason' } } }),
  scenario({ claim: { reason: 'surface-mismatch', type: 'resend' }, issue: { mismatchKind: 'missing-items', buyerProof: true }, delivery: { sellerHasDeliveryProof: true } }),
];

test('decide() over five representative scenarios', async ({ bench }) => {
  let index = 0;
  await bench('decide', () => {
    decide(scenarios[index++ % scenarios.length]);
  }).run();
});
