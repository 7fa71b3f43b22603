import { decideFreight, type FreightBasis, type FreightLegs } from './freight.ts';
import type { Evaluation } from './rule.ts';
import { retRiskDefaultRule, retRiskSellerFaultRule, type ReturnRiskBasis } from './returns.ts';
import type { BurdenOfProof, Deduction, FreightBearers, Party, Resolution, TransitRisk } from './ruling.ts';

/** What a route through the rules settles; `decide()` turns it into a Ruling. */
export interface Outcome {
  readonly resolution: Resolution;
  /** Set only where the supported party does not follow from the resolution (see `supportedParty`). */
  readonly supported?: Party | 'none';
  readonly decidingRuleId: string;
  readonly options?: readonly Resolution[];
  readonly freight: FreightBearers | null;
  readonly transitRisk: TransitRisk | null;
  readonly burdenOfProof?: readonly BurdenOfProof[];
  readonly deductions?: readonly Deduction[];
  /** Refund (元) fixed by the route itself, e.g. a gift's value; otherwise derived from the price. */
  readonly refundAmount?: number;
  readonly testFee?: Party | 'negotiate';
  readonly compensationMultiple?: number;
}

/** The party a resolution supports. */
export function supportedParty(resolution: Resolution): Party | 'none' {
  if (resolution === 'not-accepted') return 'none';
  return resolution === 'pay-seller' || resolution === 'reject' ? 'seller' : 'buyer';
}

/** Resolutions that send goods back to the seller. */
export function movesGoodsBack(resolution: Resolution): boolean {
  return resolution === 'return-and-refund' || resolution === 'exchange' || resolution === 'repair';
}

/** Resolutions that send goods out to the buyer again. */
export function sendsGoodsAgain(resolution: Resolution): boolean {
  return resolution === 'exchange' || resolution === 'resend' || resolution === 'repair';
}

export function freightFor(evaluation: Evaluation, basis: FreightBasis, legs: FreightLegs): FreightBearers | null {
  return decideFreight(evaluation, basis, legs);
}

/** The seller carries every transport risk until signing (R-SIGN-RISK). */
export const outboundRiskOnSeller: TransitRisk = {
  leg: 'outbound',
  minor: 'seller',
  destroyed: 'seller',
  lost: 'seller',
  ruleId: 'R-SIGN-RISK',
};

/**
 * Settles the return leg's risk for an outcome whose goods go back, and lets damage in transit change the resolution
 * (for example a 7-day return lost in transit under the buyer's risk becomes 打款).
 */
export function withReturnRisk(
  evaluation: Evaluation,
  outcome: Omit<Outcome, 'transitRisk'>,
  basis: ReturnRiskBasis,
): Outcome {
  const rule = basis === 'default' ? retRiskDefaultRule : retRiskSellerFaultRule;
  const checked = evaluation.check(rule, basis);
  const transitRisk: TransitRisk = { leg: 'return', ...checked.risk, ruleId: rule.meta.id };
  if ('damagedResolution' in checked && checked.damagedResolution) {
    return { ...outcome, resolution: checked.damagedResolution, decidingRuleId: rule.meta.id, transitRisk };
  }
  return { ...outcome, transitRisk };
}
