import { formatBeijingTime } from './beijing-time.ts';
import { ContradictoryFactsError } from './errors.ts';
import type { Facts } from './facts.ts';
import { legalShippingTime } from './shipping.ts';

/**
 * Throws `ContradictoryFactsError` for facts that cannot all be true — a refund requested before payment, goods signed
 * before they were shipped — instead of letting a rule decide on an impossible scenario.
 */
export function assertConsistent(facts: Facts): void {
  const { order, shipment, delivery, claim, returnLeg } = facts;
  const at = formatBeijingTime;
  if (claim.at < order.paidAt) {
    throw new ContradictoryFactsError(['order.paidAt', 'claim.at'], `申请时间 ${at(claim.at)} 早于付款时间 ${at(order.paidAt)}`);
  }
  if (facts.goods.price !== undefined && facts.goods.price > order.price) {
    throw new ContradictoryFactsError(['goods.price', 'order.price'], `争议商品金额 ${facts.goods.price} 元高于整单实付 ${order.price} 元`);
  }
  if (!shipment.shipped) {
    const agreed = facts.agreement?.resolution;
    if (agreed === 'return-and-refund' || agreed === 'exchange' || agreed === 'repair') {
      throw new ContradictoryFactsError(['shipment.shipped', 'agreement.resolution'], `卖家尚未发货，双方却约定“${agreed}”（需要退回商品）`);
    }
    if (delivery) throw new ContradictoryFactsError(['shipment.shipped', 'delivery'], '卖家尚未发货，却填写了物流结果');
    if (returnLeg) throw new ContradictoryFactsError(['shipment.shipped', 'returnLeg'], '卖家尚未发货，却填写了退货环节');
    return;
  }
  if (shipment.clickedAt !== undefined && shipment.clickedAt < order.paidAt) {
    throw new ContradictoryFactsError(['order.paidAt', 'shipment.clickedAt'], `点击发货 ${at(shipment.clickedAt)} 早于付款 ${at(order.paidAt)}`);
  }
  const shippedAt = legalShippingTime(shipment);
  if (shippedAt !== null && shippedAt < order.paidAt) {
    throw new ContradictoryFactsError(['order.paidAt', 'shipment.carrierRecordedAt'], `发货 ${at(shippedAt)} 早于付款 ${at(order.paidAt)}`);
  }
  if (delivery?.collectedAt !== undefined && delivery.signedAt !== undefined && delivery.collectedAt < delivery.signedAt) {
    throw new ContradictoryFactsError(['delivery.signedAt', 'delivery.collectedAt'], `取件 ${at(delivery.collectedAt)} 早于物流显示的放置时间 ${at(delivery.signedAt)}`);
  }
  if (delivery?.signedAt !== undefined) {
    if (delivery.status !== 'signed') {
      throw new ContradictoryFactsError(['delivery.status', 'delivery.signedAt'], `物流结果是“${delivery.status}”，却填写了签收时间`);
    }
    if (shippedAt !== null && delivery.signedAt < shippedAt) {
      throw new ContradictoryFactsError(['shipment.carrierRecordedAt', 'delivery.signedAt'], `签收 ${at(delivery.signedAt)} 早于发货 ${at(shippedAt)}`);
    }
  }
  if (returnLeg?.sellerReceivedAt !== undefined && returnLeg.sellerReceivedAt < claim.at) {
    throw new ContradictoryFactsError(['claim.at', 'returnLeg.sellerReceivedAt'], `卖家签收退货 ${at(returnLeg.sellerReceivedAt)} 早于买家申请 ${at(claim.at)}`);
  }
}
