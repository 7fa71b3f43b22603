import type { EditionId } from './editions.ts';
import type { Instant } from './beijing-time.ts';

export const resolutions = [
  'refund',
  'return-and-refund',
  'partial-refund',
  'pay-seller',
  'reject',
  'exchange',
  'resend',
  'repair',
  'not-accepted',
] as const;
/** How the money and goods end up. `refund` = 退款 (no return); `pay-seller` = 打款; `not-accepted` = 不予受理. */
export type Resolution = (typeof resolutions)[number];

export type Party = 'buyer' | 'seller';

export interface FactRead {
  /** Dotted fact path, e.g. `delivery.signedAt`. */
  readonly path: string;
  /** The value the rule saw; undefined when the rule checked an optional fact that is absent. */
  readonly value: unknown;
}

/** One rule consulted on the way to a ruling, in evaluation order. */
export interface TraceStep {
  readonly ruleId: string;
  /** Whether the rule's condition held. */
  readonly applied: boolean;
  /** Every fact the rule read, with the value it saw. */
  readonly facts: readonly FactRead[];
  /** Why, in Chinese: what the rule found and what follows. */
  readonly note: string;
}

export interface FreightBearers {
  /** Who ultimately bears the outbound (发货) freight; null when nothing was shipped. */
  readonly outbound: Party | null;
  /** Who bears the return (退货) freight; null when no goods go back. */
  readonly return: Party | null;
  /** The rule that decided the bearers. */
  readonly ruleId: string;
  /** Who bears the freight of sending goods out again (补寄, 换货, 再次发回), when that happens. */
  readonly resend?: Party;
  /** Set when the seller owes the extra return freight caused by a return address that differs from the listing. */
  readonly sellerPaysAddressDifference?: true;
}

/** Who bears 破损 / 损毁 / 灭失 on a leg of transport. */
export interface TransitRisk {
  readonly leg: 'outbound' | 'return';
  readonly minor: Party;
  readonly destroyed: Party;
  readonly lost: Party;
  readonly ruleId: string;
}

export interface BurdenOfProof {
  readonly party: Party;
  /** What must be proved, in Chinese. */
  readonly matter: string;
  readonly ruleId: string;
}

export interface Deduction {
  readonly kind: 'gift-value';
  readonly amount: number;
  readonly ruleId: string;
}

/** Exact instants the scenario's deadlines fall on; present only where the facts allow computing them. */
export interface Deadlines {
  /** Instant by which the seller had to ship (payment + promised or default hours). */
  readonly shipBy?: Instant;
  /** The legal shipping instant (carrier record, or the later of waybill date and 点击发货). */
  readonly shippedAt?: Instant;
  readonly shippedLate?: boolean;
  /** 00:00 of the day after signing. */
  readonly sevenDayWindowStart?: Instant;
  /** End of the 7-day window (exclusive): the claim must come before this instant. */
  readonly sevenDayWindowEnd?: Instant;
  readonly claimInSevenDayWindow?: boolean;
  /** Latest instant the seller must refund by after receiving returned goods. */
  readonly refundDueBy?: Instant;
}

/** Shop SOP guidance that applies to the scenario; platform and law always win over it. */
export interface SopGuidance {
  readonly ruleId: string;
  /** What the agent should do, in Chinese, with the shop's configured numbers filled in. */
  readonly guidance: string;
  /** When the shop rule, applied literally, would contradict the ruling: the platform or law rule that wins. */
  readonly overriddenBy?: string;
  /**
   * The shop rule's findings as data (an approver, a deadline as epoch ms, a yes/no), computed from the shop policy, so
   * a question can be keyed from them; keys are named in src/quiz/sop-fields.ts.
   */
  readonly values?: Readonly<Record<string, string | number | boolean | null>>;
}

/** A ruling that explains itself. */
export interface Ruling {
  readonly edition: EditionId;
  readonly resolution: Resolution;
  /** Who the ruling supports; `none` when 淘宝 does not accept the dispute. */
  readonly supported: Party | 'none';
  /** The rule that fixed the resolution. */
  readonly decidingRuleId: string;
  /** Remedies the buyer may choose between, when the rules leave the choice to the buyer. */
  readonly options?: readonly Resolution[];
  readonly freight: FreightBearers | null;
  readonly transitRisk: TransitRisk | null;
  readonly burdenOfProof: readonly BurdenOfProof[];
  readonly deductions: readonly Deduction[];
  /** Amount refunded to the buyer (元) when it follows from the facts. */
  readonly refundAmount?: number;
  /** Who pays a quality test: `negotiate` when the test was not requested by 淘宝. */
  readonly testFee?: Party | 'negotiate';
  /** Extra compensation the seller itself promised (第十五条, R-GEN-PENALTY-MAX), as a multiple of the price; no edition orders a default one. */
  readonly compensationMultiple?: number;
  readonly deadlines: Deadlines;
  readonly sop: readonly SopGuidance[];
  readonly trace: readonly TraceStep[];
}
