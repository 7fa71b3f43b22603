import { receiverLabels } from './labels.ts';
import type { Receiver } from './facts.ts';
import { defineRule, type FactReader } from './rule.ts';
import type { RuleHead } from './rule-meta.ts';

const both = ['2025-08-15', 'legacy'] as const;

const placeReceivers: ReadonlySet<Receiver> = new Set(['door', 'property-office', 'station', 'locker']);

/** Whether `receivedBy` names a place (door, 物业, 驿站, 快递柜) rather than a person. */
export function isPlaceReceiver(receivedBy: Receiver): boolean {
  return placeReceivers.has(receivedBy);
}

/**
 * Valid signing (第三十六条): the recipient, a person the recipient authorised, or a place the recipient designated.
 * A locker, 驿站, 物业 or doorstep counts only when the recipient designated it; anyone else never counts.
 */
export function isValidSigning(receivedBy: Receiver, placeDesignated?: boolean): boolean {
  if (receivedBy === 'self' || receivedBy === 'authorised-person') return true;
  if (isPlaceReceiver(receivedBy)) return placeDesignated === true;
  return false;
}

/**
 * When the buyer received the goods in the sense of 消法第二十五条 (自收到商品之日): the signing time of a valid
 * signing; for a place the buyer never chose or an unauthorised person, the time the buyer actually took the parcel
 * (`collectedAt`). Undefined when the facts do not fix it.
 */
export function receiptTime(delivery: {
  signedAt?: number | undefined;
  receivedBy?: Receiver | undefined;
  placeDesignated?: boolean | undefined;
  collectedAt?: number | undefined;
}): number | undefined {
  if (delivery.receivedBy === undefined) return delivery.signedAt;
  if (isPlaceReceiver(delivery.receivedBy) && delivery.placeDesignated === undefined) return undefined;
  return isValidSigning(delivery.receivedBy, delivery.placeDesignated) ? delivery.signedAt : delivery.collectedAt;
}

export const signRiskMeta: RuleHead = {
  id: 'R-SIGN-RISK',
  title: '签收前的商品风险由卖家承担',
  kind: 'platform',
  area: 'signing',
  editions: both,
  decides: true,
};

export const signRiskRule = defineRule(signRiskMeta, (read: FactReader) => {
  const status = read.fact('delivery.status');
  const beforeSigning = status === 'lost' || status === 'in-transit' || status === 'intercepted';
  return {
    applies: beforeSigning,
    note: beforeSigning ? '商品尚未被签收，运输中的丢失、损毁风险由卖家承担。' : '商品已离开运输环节，本条不再决定风险。',
  };
});

export const signWhoMeta: RuleHead = {
  id: 'R-SIGN-WHO',
  title: '有效签收',
  kind: 'platform',
  area: 'signing',
  editions: both,
  decides: true,
};

export const signWhoRule = defineRule(signWhoMeta, (read: FactReader) => {
  const receivedBy = read.fact('delivery.receivedBy');
  const designated = isPlaceReceiver(receivedBy) ? read.fact('delivery.placeDesignated') : undefined;
  const valid = isValidSigning(receivedBy, designated);
  const where = receiverLabels[receivedBy];
  const note = isPlaceReceiver(receivedBy)
    ? designated
      ? `商品放在收件人指示的${where}，视为本人签收。`
      : `快递员未经收件人指示把商品放在${where}，不构成有效签收。`
    : valid
      ? `由${where}签收，属于有效签收。`
      : `由${where}签收，不构成有效签收。`;
  return { applies: valid, note };
});

export const signNonreceiptBurdenMeta: RuleHead = {
  id: 'R-SIGN-NONRECEIPT-BURDEN',
  title: '未收到货的举证责任',
  kind: 'platform',
  area: 'signing',
  editions: both,
  decides: true,
};

export const signNonreceiptBurdenRule = defineRule(signNonreceiptBurdenMeta, (read: FactReader, validSigning: boolean) => {
  const proof = read.fact('delivery.sellerHasDeliveryProof');
  const proven = validSigning && proof;
  return {
    applies: !proven,
    note: proven
      ? '卖家提供了有效签收凭证，买家未收到货的主张不成立。'
      : validSigning
        ? '卖家无法提供签收底单等有效凭证，举证无效，支持退款。'
        : '签收不符合签收规范，卖家无法证明买家收到商品，支持退款。',
  };
});

export const signAddressInfoMeta: RuleHead = {
  id: 'R-SIGN-ADDRESS-INFO',
  title: '买家应提供准确的收件信息',
  kind: 'platform',
  area: 'signing',
  editions: both,
  decides: true,
};

export const signAddressInfoRule = defineRule(signAddressInfoMeta, (read: FactReader) => {
  const wrong = read.fact('delivery.recipientInfoWrong');
  return {
    applies: wrong,
    note: wrong ? '买家填写的收件信息有误，未收到商品的不利后果由买家承担。' : '收件信息无误。',
  };
});

export const signAddressChangeMeta: RuleHead = {
  id: 'R-SIGN-ADDRESS-CHANGE',
  title: '修改收件信息失败',
  kind: 'platform',
  area: 'signing',
  editions: both,
  decides: true,
};

export const signAddressChangeRule = defineRule(signAddressChangeMeta, (read: FactReader) => {
  const agreed = read.fact('delivery.addressChange.sellerAgreed');
  const succeeded = read.fact('delivery.addressChange.succeeded');
  if (!agreed) return { applies: false, deliveredToBuyersAddress: false, note: '卖家没有同意修改收件信息，修改不生效，按原信息判断签收。' };
  if (succeeded) return { applies: false, deliveredToBuyersAddress: false, note: '收件信息已修改成功，按新信息判断签收。' };
  const linked = read.fact('delivery.addressChange.linkedToBuyer');
  return {
    applies: !linked,
    deliveredToBuyersAddress: linked,
    note: linked
      ? '修改未成功，但原地址与买家有显著关联，按原地址签收有效。'
      : '卖家同意改址却未改成功，商品被原地址签收且两处地址都与买家无显著关联，支持退款，风险由卖家承担。',
  };
});

export const signInspectRefuseMeta: RuleHead = {
  id: 'R-SIGN-INSPECT-REFUSE',
  title: '当场验货发现表面不一致可拒签',
  kind: 'platform',
  area: 'signing',
  editions: both,
  decides: true,
};

/** The mirror case of 第三十八条: the seller says the return never arrived, so the buyer must prove delivery. */
export const returnProofRule = defineRule(signNonreceiptBurdenMeta, (read: FactReader) => {
  const proven = read.fact('returnLeg.buyerHasReturnProof');
  return {
    applies: proven,
    note: proven ? '买家证明退货已被卖家签收，卖家未收到退货的主张不成立，支持退款。' : '卖家主张未收到退货，买家不能证明退货已送达。',
  };
});

export const signInspectRefuseRule = defineRule(signInspectRefuseMeta, (read: FactReader) => {
  const reason = read.fact('delivery.refusal.reason');
  if (reason !== 'surface-mismatch') return { applies: false, note: '拒签原因不是当场发现表面不一致。' };
  const photographed = read.fact('delivery.refusal.photographed');
  // 第三十七条: 可予以拍照 — a photo is one way to show the mismatch, not a condition of the refusal.
  const confirmed = photographed || read.fact('delivery.refusal.mismatchConfirmed');
  return {
    applies: confirmed,
    note: photographed
      ? '买家当场验货发现表面不一致并拍照拒签，卖家发货的支持退款，风险与运费由卖家承担。'
      : confirmed
        ? '买家没有拍照，但表面不一致已经其他方式证实（第三十七条只说“可予以拍照”），卖家发货的支持退款，风险与运费由卖家承担。'
        : '买家称表面不一致，但既没有拍照，也没有其他证据证实，不能按表面不一致拒签处理。',
  };
});
