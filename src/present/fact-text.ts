import { channelLabels, describeFact, enumValueLabels, formatBeijingTime, isTimeFact, receiverLabels, resolutionLabels, type Facts } from '../rules/index.ts';

/** One block of a case's facts, e.g. 订单 or 物流与签收, as readable Chinese sentences. */
export interface FactGroup {
  /** The fact-model key the group renders (`order`, `delivery`, …). */
  readonly id: keyof Facts;
  readonly heading: string;
  readonly sentences: readonly string[];
}

/** A fact's short Chinese name: its description up to the first clause break, e.g. `order.paidAt` → 买家付款时间. */
export function factLabel(path: string): string {
  const description = describeFact(path);
  // Flag descriptions are phrased “……时为 true”; the condition alone names the fact.
  return description ? description.split(/[：。（，；]/u)[0]!.replace(/时为 true$/u, '').trim() : path;
}

/** A value a rule read, in Chinese: times in Beijing time, booleans as 是/否, enum values by their label. */
export function factValueText(path: string, value: unknown): string {
  if (value === undefined || value === null) return '未填写';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return isTimeFact(path) ? time(value) : String(value);
  if (typeof value === 'string') {
    if (path === 'channel') return channelLabels[value as keyof typeof channelLabels] ?? value;
    if (path === 'delivery.receivedBy') return receiverLabels[value as keyof typeof receiverLabels] ?? value;
    if (path === 'agreement.resolution') return resolutionLabels[value as keyof typeof resolutionLabels] ?? value;
    return enumLabel(path, value);
  }
  return JSON.stringify(value);
}

/** The Chinese label of one enum value; falls back to the raw value so a new, undocumented value still renders. */
export function enumLabel(path: string, value: string): string {
  return enumValueLabels(path).get(value) ?? value;
}

const time = (instant: number) => formatBeijingTime(instant);
const date = (instant: number) => formatBeijingTime(instant).slice(0, 10);
/** Whole yuan without decimals, otherwise up to two decimals, e.g. `399 元`, `12.5 元`. */
export const yuan = (amount: number) => `${Number.isInteger(amount) ? amount : Number(amount.toFixed(2))} 元`;
const yesNo = (value: boolean | undefined, yes: string, no: string) => (value === undefined ? undefined : value ? yes : no);
const present = (sentences: readonly (string | undefined | false)[]) => sentences.filter((s): s is string => typeof s === 'string');

function orderSentences(order: Facts['order']): string[] {
  let shipping: string;
  if (order.freeShippingLostByPartialReturn) {
    shipping = `原本满额包邮，部分退货后不再满足条件，按不包邮处理${order.outboundFreight !== undefined ? `（发货运费 ${yuan(order.outboundFreight)}）` : ''}`;
  } else if (order.freeShipping) {
    shipping = '包邮';
  } else {
    shipping = order.outboundFreight !== undefined ? `不包邮，买家另付发货运费 ${yuan(order.outboundFreight)}` : '不包邮';
  }
  return present([
    `买家于 ${time(order.paidAt)} 付款，实付 ${yuan(order.price)}，${shipping}。`,
    yesNo(order.completed, '交易已成功（买家确认收货或系统自动确认后已打款）。', '交易尚未成功，货款仍由平台保管。'),
    order.fakeTransaction && '本单属于虚假交易，或利用信用卡、花呗等套现。',
    order.membershipAbuse && '买家滥用了会员权利（如滥用退货包运费权益）。',
  ]);
}

function goodsSentences(goods: Facts['goods']): string[] {
  const sevenDay = goods.sevenDayClass ? `，七天无理由分类为“${enumLabel('goods.sevenDayClass', goods.sevenDayClass)}”` : '';
  return present([
    `商品是${goods.name}${sevenDay}。`,
    goods.price !== undefined && `本次争议只涉及这件商品，按购买时的价格 ${yuan(goods.price)} 结算。`,
    yesNo(goods.sevenDayOptOutConfirmed, '买家下单时确认过“不支持七天无理由退货”。', '买家下单时没有确认过“不支持七天无理由退货”。'),
    goods.listingNoReturnNotice && '详情页写有“特价不退不换”之类的单方声明。',
    goods.condition && `申请时商品状态：${enumLabel('goods.condition', goods.condition)}。`,
    goods.threeGuarantees && '属于“三包”商品。',
    goods.virtualOrService && '属于无法或无需退回的虚拟商品或服务。',
    goods.cannotBeReturned && '商品客观上无法退还，交易目的已完全无法实现。',
  ]);
}

function shipmentSentences(shipment: Facts['shipment']): string[] {
  const recorded = [
    shipment.clickedAt !== undefined && `卖家于 ${time(shipment.clickedAt)} 在后台点击发货。`,
    shipment.carrierRecordedAt !== undefined && `承运人系统的首条揽收记录为 ${time(shipment.carrierRecordedAt)}。`,
    shipment.carrierHasSystem === false &&
      `承运人没有官网系统记录${shipment.waybillDate !== undefined ? `，面单日期为 ${date(shipment.waybillDate)}` : ''}。`,
    shipment.carrierHasSystem === true && shipment.carrierRecordedAt === undefined && '承运人有官网系统记录。',
    shipment.carrierHasSystem !== false && shipment.waybillDate !== undefined && `面单日期为 ${date(shipment.waybillDate)}。`,
  ];
  const hasRecord = recorded.some((sentence) => typeof sentence === 'string');
  return present([
    !shipment.shipped && '卖家尚未发货。',
    shipment.shipped && !hasRecord && '卖家已发货。',
    ...recorded,
    shipment.promisedHours !== undefined && `卖家承诺（或双方约定）付款后 ${shipment.promisedHours} 小时内发货。`,
    yesNo(shipment.buyerConsentedToShip, '卖家发货前征得了买家同意。', '卖家发货前没有征得买家同意。'),
    shipment.cashOnDelivery === 'agreed' && '运费到付，已事先与买家约定。',
    shipment.cashOnDelivery === 'unagreed' && '运费到付，未经买家同意。',
    shipment.cashOnDelivery === 'buyer-requested' && '运费到付是买家自己要求的。',
    shipment.pickupRequired === 'agreed' && '需要买家自提，已事先显著明示或经买家同意。',
    shipment.pickupRequired === 'unagreed' && '需要买家自提，但卖家既没有明示，也没有征得买家同意。',
    shipment.promisedCarrier === 'used' && '卖家按承诺使用了指定快递。',
    shipment.promisedCarrier === 'not-used' && '卖家没有按承诺使用指定快递。',
    shipment.mergedWithoutConsent && '卖家未经买家同意，把多个独立付款的订单合并成一个包裹发出。',
  ]);
}

const placedReceivers = new Set(['door', 'property-office', 'station', 'locker']);

function receivedByClause(delivery: NonNullable<Facts['delivery']>): string {
  const receiver = delivery.receivedBy;
  if (!receiver) return '';
  if (placedReceivers.has(receiver)) {
    const designated = yesNo(delivery.placeDesignated, '（收件人指定的地点）', '（不是收件人指定的地点）') ?? '';
    return `，包裹放在${receiverLabels[receiver]}${designated}`;
  }
  if (receiver === 'self') return '，由收件人本人签收';
  return `，由${receiverLabels[receiver]}代签`;
}

function deliverySentences(delivery: NonNullable<Facts['delivery']>): string[] {
  const status =
    delivery.status === 'signed'
      ? `物流显示${delivery.signedAt !== undefined ? `于 ${time(delivery.signedAt)} ` : ''}已签收${receivedByClause(delivery)}。`
      : `物流结果：${enumLabel('delivery.status', delivery.status)}${delivery.signedAt !== undefined ? `（签收记录 ${time(delivery.signedAt)}）` : ''}${receivedByClause(delivery)}。`;
  const refusal = delivery.refusal;
  const change = delivery.addressChange;
  const confirmations = {
    none: '买家尚未确认收货。',
    'buyer-clicked': '买家已点击确认收货。',
    auto: '系统已自动确认收货。',
    'induced-by-seller': '卖家诱导买家确认了收货。',
  } as const;
  return present([
    status,
    delivery.collectedAt !== undefined && `买家实际取到商品的时间是 ${time(delivery.collectedAt)}。`,
    yesNo(
      delivery.sellerHasDeliveryProof,
      '卖家能提供签收底单、授权签收证明或物流红章证明。',
      '卖家提供不出签收底单、授权签收证明或物流红章证明。',
    ),
    refusal &&
      `拒签原因：${enumLabel('delivery.refusal.reason', refusal.reason)}${yesNo(refusal.photographed, '，买家当场拍照留了证', '，买家没有当场拍照留证') ?? ''}。`,
    refusal && yesNo(refusal.mismatchConfirmed, '表面不一致已经其他方式证实。', '表面不一致没有其他证据证实。'),
    refusal?.returnedOutcome && `商品退回卖家后：${enumLabel('delivery.refusal.returnedOutcome', refusal.returnedOutcome)}。`,
    delivery.confirmation && confirmations[delivery.confirmation],
    delivery.recipientInfoWrong && '买家填写的收件信息有误。',
    change &&
      `买家要求修改收件信息：卖家${change.sellerAgreed ? '同意' : '没有同意'}修改，修改${change.succeeded ? '成功了' : '没有成功'}；改前或改后的地址${change.linkedToBuyer ? '与买家有' : '与买家没有'}显著关联。`,
  ]);
}

function claimSentences(claim: Facts['claim']): string[] {
  return [
    `买家于 ${time(claim.at)} 申请${enumLabel('claim.type', claim.type)}，理由是${enumLabel('claim.reason', claim.reason)}。`,
  ];
}

function issueSentences(issue: NonNullable<Facts['issue']>): string[] {
  return present([
    issue.mismatchKind && `表面不一致的类型：${enumLabel('issue.mismatchKind', issue.mismatchKind)}。`,
    yesNo(issue.visible, '问题肉眼可见，不用使用就能发现。', '问题肉眼不可识别，要使用或检测才能发现。'),
    yesNo(issue.buyerProof, '买家提供了初步凭证（照片、视频、开箱记录等）。', '买家没有提供初步凭证。'),
    yesNo(issue.sellerRebuttal, '卖家作出了平台认可的合理解释或提供了有效反证。', '卖家既没有作出合理解释，也没有提供有效反证。'),
    yesNo(issue.buyerTestReport, '买家提供了有效的质检或鉴定凭证。', '买家没有提供质检或鉴定凭证。'),
    yesNo(issue.defeatsPurpose, '问题导致合同目的不能实现（无法正常使用）。', '问题不影响正常使用。'),
    yesNo(issue.blocksCoreFunction, '描述不当导致核心功能无法使用或完全无法使用。', '描述不当不影响核心功能的使用。'),
    issue.adLawViolation && '商品描述违反广告法（如“最佳”“第一”等绝对化用语）。',
    issue.onlyNoticeableAfterUse && '描述不当要使用后才能察觉。',
    issue.disclosedInListing && '该瑕疵已在商品页面明确告知。',
    yesNo(issue.personalConsumption, '买家是基于生活消费需要购买的。', '买家不是基于生活消费需要购买的。'),
    issue.sellerPromisedMultiple !== undefined && `卖家自己承诺过“假一赔${issue.sellerPromisedMultiple}”。`,
    issue.sellerRefusesRemedy && '表面不一致属实后，卖家拒绝补寄、换货或退货。',
  ]);
}

function returnLegSentences(leg: NonNullable<Facts['returnLeg']>): string[] {
  const freight = leg.freightAgreement ? { 'not-mentioned': '，协议没有说明运费', seller: '，约定运费由卖家承担', buyer: '，约定运费由买家承担' }[leg.freightAgreement] : '';
  const agreement = {
    none: '双方没有达成退换货协议',
    'before-intervention': '淘宝介入前，双方自行达成了退换货协议',
    'after-intervention': '退换货协议是淘宝介入后达成（或由淘宝裁决）的',
  }[leg.agreement];
  const damage = leg.transitDamage
    ? { none: '退货完好送达卖家。', minor: '退货途中商品破损（可修复）。', destroyed: '退货途中商品损毁。', lost: '退货途中商品灭失。' }[leg.transitDamage]
    : undefined;
  return present([
    `${agreement}${freight}。`,
    leg.cashOnDelivery === 'agreed' && '买家以到付方式退货，事先征得了卖家同意。',
    leg.cashOnDelivery === 'unagreed' && '买家未经卖家同意，以到付方式退货。',
    damage,
    leg.returnAddressDiffersFromListing && '卖家给的退货地址与商品页显示的发货地不一致，产生了运费差额。',
    leg.sellerReceivedAt !== undefined && `卖家于 ${time(leg.sellerReceivedAt)} 签收退货。`,
    leg.failureCause && `卖家称没有收到退货，原因：${enumLabel('returnLeg.failureCause', leg.failureCause)}。`,
    yesNo(leg.buyerHasReturnProof, '买家能证明退货已送达卖家。', '买家无法证明退货已送达卖家。'),
  ]);
}

function giftSentences(gift: NonNullable<Facts['gift']>): string[] {
  const values = present([
    gift.declaredValue !== undefined && `卖家声明价值 ${yuan(gift.declaredValue)}`,
    gift.marketValue !== undefined && `市场公允价 ${yuan(gift.marketValue)}`,
  ]);
  return present([
    `赠品是${gift.name}${values.length ? `，${values.join('，')}` : '，卖家没有声明价值'}。`,
    gift.issue && `赠品问题：${enumLabel('gift.issue', gift.issue)}。`,
  ]);
}

function platformSentences(platform: Facts['platform']): string[] {
  return present([
    platform.intervened && '淘宝（小二）已介入。',
    platform.finding !== 'none' && `平台认定：${enumLabel('platform.finding', platform.finding)}。`,
    yesNo(platform.requestedTest, '商品是应淘宝要求送检的。', '送检不是淘宝要求的。'),
    yesNo(platform.testConfirmedProblem, '送检结果证实存在质量问题。', '送检结果没有证实质量问题。'),
  ]);
}

function agreementSentences(agreement: NonNullable<Facts['agreement']>): string[] {
  const amount = agreement.amount !== undefined ? `，金额 ${yuan(agreement.amount)}` : '';
  const regret = yesNo(agreement.regretted, '，但履行后有一方反悔', '，履行后双方都没有反悔') ?? '';
  return [
    `双方自行约定${resolutionLabels[agreement.resolution]}${amount}；协议${agreement.performed ? '已履行完毕' : '尚未履行'}${regret}。`,
  ];
}

/**
 * A case's facts as Chinese sentences, grouped the way an agent checks an order: 订单, 商品, 发货, 物流与签收, 买家申请,
 * 商品问题与举证, 退货, 赠品, 平台, 双方协议. Only what the case states is rendered: absent optional facts and flags left
 * at their documented default (false, `none`) produce no sentence; empty groups are left out.
 */
export function factGroups(facts: Facts): FactGroup[] {
  const groups: FactGroup[] = [
    { id: 'order', heading: '订单', sentences: orderSentences(facts.order) },
    { id: 'goods', heading: '商品', sentences: goodsSentences(facts.goods) },
    { id: 'shipment', heading: '发货', sentences: shipmentSentences(facts.shipment) },
    { id: 'delivery', heading: '物流与签收', sentences: facts.delivery ? deliverySentences(facts.delivery) : [] },
    { id: 'claim', heading: '买家申请', sentences: claimSentences(facts.claim) },
    { id: 'issue', heading: '商品问题与举证', sentences: facts.issue ? issueSentences(facts.issue) : [] },
    { id: 'returnLeg', heading: '退货', sentences: facts.returnLeg ? returnLegSentences(facts.returnLeg) : [] },
    { id: 'gift', heading: '赠品', sentences: facts.gift ? giftSentences(facts.gift) : [] },
    { id: 'platform', heading: '平台', sentences: platformSentences(facts.platform) },
    { id: 'agreement', heading: '双方协议', sentences: facts.agreement ? agreementSentences(facts.agreement) : [] },
  ];
  return groups.filter((group) => group.sentences.length > 0);
}
