import type { Facts } from '../facts.ts';
import type { Deadlines, Party, Resolution } from '../ruling.ts';

/**
 * What the platform ruling decided, handed to every shop SOP rule. The SOP rules read it so that their guidance can
 * name the platform rule that wins wherever the shop's own practice, applied literally, would contradict the ruling.
 */
export interface SopSituation {
  /** The buyer's stated reason (`claim.reason`). */
  readonly reason: Facts['claim']['reason'];
  /** The resolution the platform or law rules reached. */
  readonly resolution: Resolution;
  readonly supported: Party | 'none';
  /** The platform or law rule that fixed the resolution. */
  readonly decidingRuleId: string;
  readonly deadlines: Deadlines;
}
