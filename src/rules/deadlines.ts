import type { Facts } from './facts.ts';
import type { PolicyParameters } from './parameters.ts';
import type { Deadlines } from './ruling.ts';
import { refundDueBy, sevenDayWindow } from './seven-day.ts';
import { receiptTime } from './signing.ts';
import { isShippedLate, legalShippingTime, shippingDeadline } from './shipping.ts';

/**
 * Every deadline the facts allow computing, as exact instants. Never throws for a missing fact: a deadline that
 * cannot be computed is simply absent (the rules on the scenario's path are what demand facts).
 */
export function computeDeadlines(facts: Facts, parameters: PolicyParameters): Deadlines {
  const shipBy = shippingDeadline(facts.order.paidAt, facts.channel, facts.shipment.promisedHours, parameters);
  const shippedAt = facts.shipment.shipped ? legalShippingTime(facts.shipment) : null;
  const receivedAt = facts.delivery ? receiptTime(facts.delivery) : undefined;
  const window = receivedAt === undefined ? undefined : sevenDayWindow(receivedAt, parameters);
  const returnReceivedAt = facts.returnLeg?.sellerReceivedAt;
  return {
    shipBy,
    ...(shippedAt !== null ? { shippedAt, shippedLate: isShippedLate(shippedAt, shipBy) } : {}),
    ...(window
      ? { sevenDayWindowStart: window.start, sevenDayWindowEnd: window.end, claimInSevenDayWindow: facts.claim.at < window.end }
      : {}),
    ...(returnReceivedAt !== undefined ? { refundDueBy: refundDueBy(returnReceivedAt, parameters) } : {}),
  };
}
