import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBeijingTime, parseBeijingTime } from './beijing-time.ts';
import { ruleById, ruleCatalogue } from './catalogue.ts';
import { decide } from './decide.ts';
import { RuleEngineError } from './errors.ts';
import {
  channels,
  claimReasons,
  claimTypes,
  deliveryStatuses,
  goodsConditions,
  mismatchKinds,
  receivers,
  sevenDayClasses,
  transitDamages,
  type FactsInput,
} from './facts.ts';
import type { Ruling } from './ruling.ts';

const base = parseBeijingTime('2025-09-01 10:00')!;
const minutes = (max: number) => fc.integer({ min: 0, max });
const at = (offsetMinutes: number) => formatBeijingTime(base + offsetMinutes * 60_000);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Scenarios with every path's facts present, in time order, so nearly all reach a ruling. */
const scenarioArbitrary: fc.Arbitrary<FactsInput> = fc
  .record({
    channel: fc.constantFrom(...channels),
    price: fc.integer({ min: 1, max: 5000 }),
    partOfOrder: fc.boolean(),
    freeShipping: fc.boolean(),
    membershipAbuse: fc.boolean(),
    shipped: fc.integer({ min: 0, max: 4 }).map((value) => value > 0),
    shipAfter: minutes(7 * 24 * 60),
    carrierHasSystem: fc.boolean(),
    promisedHours: maybe(fc.constantFrom(24, 48, 72)),
    consented: fc.boolean(),
    cod: fc.constantFrom('none', 'agreed', 'unagreed' as const),
    pickup: fc.constantFrom('none', 'agreed', 'unagreed' as const),
    status: fc.constantFrom(...deliveryStatuses, 'signed', 'signed', 'signed', 'signed', 'refused'),
    deliverAfter: minutes(5 * 24 * 60),
    claimOffset: fc.integer({ min: -3 * 24 * 60, max: 20 * 24 * 60 }),
    receivedBy: fc.constantFrom(...receivers),
    placeDesignated: fc.boolean(),
    proof: fc.boolean(),
    confirmation: fc.constantFrom('none', 'buyer-clicked', 'auto', 'induced-by-seller' as const),
    refusalReason: fc.constantFrom('surface-mismatch', 'no-reason', 'seller-breach' as const),
    returnedOutcome: fc.constantFrom('seller-refused', 'seller-signed-refunded', 'seller-signed-resent', 'unfit-to-resend' as const),
    sevenDayClass: fc.constantFrom(...sevenDayClasses),
    optOut: fc.boolean(),
    condition: fc.constantFrom(...goodsConditions),
    threeGuarantees: fc.boolean(),
    claimType: fc.constantFrom(...claimTypes, 'exchange', 'return-and-refund', 'refund-only'),
    reason: fc.constantFrom(...claimReasons, 'no-reason', 'misdescribed', 'not-received'),
    noReturnNotice: fc.boolean(),
    agreementGate: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
    agreed: maybe(fc.record({ resolution: fc.constantFrom('refund', 'return-and-refund', 'partial-refund', 'exchange' as const), amount: fc.integer({ min: 1, max: 50 }), performed: fc.boolean(), regretted: fc.boolean() })),
    addressChange: maybe(fc.record({ sellerAgreed: fc.boolean(), succeeded: fc.boolean(), linkedToBuyer: fc.boolean() })),
    receivedAfterClaim: maybe(minutes(5 * 24 * 60)),
    issue: fc.record({
      visible: fc.boolean(),
      mismatchKind: fc.constantFrom(...mismatchKinds),
      buyerProof: fc.boolean(),
      sellerRebuttal: fc.boolean(),
      buyerTestReport: fc.boolean(),
      defeatsPurpose: fc.boolean(),
      blocksCoreFunction: fc.boolean(),
      adLawViolation: fc.boolean(),
      onlyNoticeableAfterUse: fc.boolean(),
      disclosedInListing: fc.boolean(),
      personalConsumption: fc.boolean(),
      sellerRefusesRemedy: fc.boolean(),
    }),
    transitDamage: fc.constantFrom(...transitDamages),
    agreement: fc.constantFrom('none', 'before-intervention', 'after-intervention' as const),
    giftIssue: maybe(fc.constantFrom('not-shipped', 'unlicensed', 'ambiguous-description', 'returned-damaged' as const)),
    returnProof: fc.boolean(),
    failureCause: fc.constantFrom('buyer-breach', 'seller-breach', 'unknown' as const),
    finding: fc.integer({ min: 0, max: 15 }).map((value) => (['big-data', 'recall', 'bad-faith', 'prohibited'] as const)[value] ?? 'none'),
    fakeTransaction: fc.integer({ min: 0, max: 19 }).map((value) => value === 0),
    completed: fc.boolean(),
  })
  .map((draw): FactsInput => {
    const shippedAt = draw.shipAfter;
    const signedAt = shippedAt + draw.deliverAfter;
    const claimAt = Math.max(0, (draw.shipped ? signedAt : 0) + draw.claimOffset);
    const facts: FactsInput = {
      channel: draw.channel,
      order: {
        paidAt: at(0),
        price: draw.price,
        freeShipping: draw.freeShipping,
        membershipAbuse: draw.membershipAbuse,
        fakeTransaction: draw.fakeTransaction,
        completed: draw.completed,
      },
      goods: {
        name: '测试商品',
        ...(draw.partOfOrder ? { price: Math.ceil(draw.price / 2) } : {}),
        sevenDayClass: draw.sevenDayClass,
        sevenDayOptOutConfirmed: draw.optOut,
        listingNoReturnNotice: draw.noReturnNotice,
        condition: draw.condition,
        threeGuarantees: draw.threeGuarantees,
      },
      shipment: draw.shipped
        ? {
            shipped: true,
            clickedAt: at(shippedAt),
            carrierHasSystem: draw.carrierHasSystem,
            ...(draw.carrierHasSystem ? { carrierRecordedAt: at(shippedAt) } : { waybillDate: at(shippedAt).slice(0, 10) }),
            ...(draw.promisedHours ? { promisedHours: draw.promisedHours } : {}),
            buyerConsentedToShip: draw.consented,
            cashOnDelivery: draw.cod,
            pickupRequired: draw.pickup,
          }
        : { shipped: false },
      claim: { at: at(claimAt), type: draw.claimType, reason: draw.reason },
      issue: draw.issue,
      platform: { intervened: draw.agreement === 'after-intervention', finding: draw.finding, requestedTest: draw.proof, testConfirmedProblem: draw.returnProof },
    };
    if (draw.shipped) {
      facts.delivery = {
        status: draw.status,
        ...(draw.status === 'signed' ? { signedAt: at(signedAt), collectedAt: at(signedAt + 600) } : {}),
        receivedBy: draw.receivedBy,
        placeDesignated: draw.placeDesignated,
        sellerHasDeliveryProof: draw.proof,
        confirmation: draw.confirmation,
        refusal: { reason: draw.refusalReason, photographed: draw.proof, returnedOutcome: draw.returnedOutcome },
        ...(draw.addressChange ? { addressChange: draw.addressChange } : {}),
      };
      facts.returnLeg = {
        agreement: draw.agreement,
        transitDamage: draw.transitDamage,
        buyerHasReturnProof: draw.returnProof,
        failureCause: draw.failureCause,
        ...(draw.receivedAfterClaim !== undefined ? { sellerReceivedAt: at(claimAt + draw.receivedAfterClaim) } : {}),
      };
    }
    if (draw.agreed && draw.agreementGate) facts.agreement = draw.agreed;
    if (draw.giftIssue) facts.gift = { name: '赠品', declaredValue: 10, issue: draw.giftIssue };
    return facts;
  });

function decideOrEngineError(facts: FactsInput, edition: '2025-08-15' | 'legacy' = '2025-08-15'): Ruling | RuleEngineError {
  try {
    return decide(facts, { edition });
  } catch (error) {
    if (error instanceof RuleEngineError) return error;
    throw error;
  }
}

const settings = { seed: 20250815, numRuns: 3000 } as const;

describe('decide() properties', () => {
  it('either rules or throws a typed engine error — never anything else', () => {
    fc.assert(fc.property(scenarioArbitrary, (facts) => void decideOrEngineError(facts)), settings);
  });

  it('cites at least one known rule, and its deciding rule is in its own trace', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.constantFrom('2025-08-15', 'legacy' as const), (facts, edition) => {
        const ruling = decideOrEngineError(facts, edition);
        if (ruling instanceof RuleEngineError) return;
        expect(ruling.trace.length).toBeGreaterThan(0);
        for (const step of ruling.trace) expect(ruleById(step.ruleId), step.ruleId).toBeDefined();
        expect(ruling.trace.map((step) => step.ruleId)).toContain(ruling.decidingRuleId);
        expect(ruleById(ruling.decidingRuleId)?.kind).not.toBe('sop');
      }),
      settings,
    );
  });

  it('sets the freight bearers whenever goods move', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (facts) => {
        const ruling = decideOrEngineError(facts);
        if (ruling instanceof RuleEngineError || !facts.shipment.shipped) return;
        if (ruling.resolution === 'return-and-refund' || ruling.resolution === 'exchange' || ruling.resolution === 'repair') {
          expect(ruling.freight?.return, ruling.decidingRuleId).not.toBeNull();
          expect(ruling.freight?.return, ruling.decidingRuleId).toBeDefined();
        }
        if (ruling.resolution === 'exchange' || ruling.resolution === 'resend') {
          expect(ruling.freight?.resend, ruling.decidingRuleId).toBeDefined();
        }
        if (ruling.transitRisk?.leg === 'return' && ruling.resolution !== 'pay-seller' && ruling.resolution !== 'refund') {
          expect(ruling.freight?.return).not.toBeNull();
        }
      }),
      settings,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (facts) => {
        const first = decideOrEngineError(facts);
        const second = decideOrEngineError(structuredClone(facts));
        if (first instanceof RuleEngineError) expect(second).toMatchObject({ code: first.code, message: first.message });
        else expect(second).toEqual(first);
      }),
      { ...settings, numRuns: 500 },
    );
  });

  it('consults every deciding platform and law rule somewhere in the scenario space', () => {
    const seen = new Set<string>();

    fc.assert(
      fc.property(scenarioArbitrary, fc.constantFrom('2025-08-15', 'legacy' as const), (facts, edition) => {
        const ruling = decideOrEngineError(facts, edition);
        if (!(ruling instanceof RuleEngineError)) for (const step of ruling.trace) seen.add(step.ruleId);
      }),
      { ...settings, numRuns: 6000 },
    );
    const never = ruleCatalogue.filter((rule) => rule.decides && rule.kind !== 'sop' && !seen.has(rule.id)).map((rule) => rule.id);
    expect(never).toEqual([]);
  });
});
