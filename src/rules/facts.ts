import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { parseBeijingTime } from './beijing-time.ts';

// The fact model is written with zod/mini, whose tree-shakable functions keep the sandbox island small (zod's classic
// API drags its whole schema library into a bundle). Unlike classic zod, mini registers no message locale: install the
// English one zod would otherwise use, unless something already did, so issue messages read the same everywhere.
if (!z.config().localeError) z.config(en());

/**
 * The facts of one dispute scenario, as a content author writes them in frontmatter.
 *
 * Every field carries a description (`z.describe`) written for authors: `npm run new:case` and the sandbox show it. Fields are
 * optional in the schema because a scenario only needs the facts its path through the rules reads; when a rule needs
 * a fact that is absent, `decide()` throws `MissingFactError` naming the fact and the rule. Absence never means false.
 */

const time = (description: string) =>
  z.pipe(
    z.string().check(z.describe(description)),
    z.transform((text, ctx) => {
      const instant = parseBeijingTime(text);
      if (instant === null) {
        ctx.issues.push({
          code: 'custom',
          input: text,
          message: `时间“${text}”无法识别：请写成北京时间“YYYY-MM-DD HH:mm”，例如“2025-09-01 14:30”`,
        });
        return z.NEVER;
      }
      return instant;
    }),
  );

const money = (description: string) => z.number().check(z.nonnegative()).check(z.describe(description));

export const channels = ['taobao', 'tmall', 'tmallGlobal'] as const;
export const sevenDayClasses = [
  'standard',
  'custom',
  'perishable',
  'digital',
  'periodical',
  'sealed-health',
  'activation',
  'disclosed-clearance',
] as const;
export const receivers = ['self', 'authorised-person', 'door', 'property-office', 'station', 'locker', 'other-person'] as const;
export const deliveryStatuses = ['in-transit', 'lost', 'intercepted', 'refused', 'undeliverable', 'signed'] as const;
export const claimTypes = ['refund-only', 'return-and-refund', 'exchange', 'resend', 'repair', 'partial-refund', 'freight-refund'] as const;
export const claimReasons = [
  'not-received',
  'no-reason',
  'quality',
  'misdescribed',
  'surface-mismatch',
  'counterfeit',
  'late-shipment',
  'shipping-breach',
  'gift',
  'return-not-received',
] as const;
export const goodsConditions = ['intact', 'opened-for-inspection', 'used', 'damaged-by-buyer'] as const;
export const mismatchKinds = ['damaged', 'missing-items', 'empty-parcel', 'wrong-item'] as const;
export const transitDamages = ['none', 'minor', 'destroyed', 'lost'] as const;
export const agreementTimings = ['none', 'before-intervention', 'after-intervention'] as const;
export const freightAgreements = ['not-mentioned', 'seller', 'buyer'] as const;
export const consentStates = ['none', 'agreed', 'unagreed'] as const;
export const cashOnDeliveryStates = ['none', 'agreed', 'unagreed', 'buyer-requested'] as const;
export const confirmations = ['none', 'buyer-clicked', 'auto', 'induced-by-seller'] as const;
export const giftIssues = ['not-shipped', 'unlicensed', 'ambiguous-description', 'returned-damaged'] as const;
export const refusalReasons = ['surface-mismatch', 'no-reason', 'seller-breach'] as const;
export const refusedReturnOutcomes = ['seller-refused', 'seller-signed-refunded', 'seller-signed-resent', 'unfit-to-resend'] as const;
export const returnFailureCauses = ['buyer-breach', 'seller-breach', 'unknown'] as const;

export const OrderSchema = z.strictObject({
  paidAt: time('买家付款时间（北京时间），发货时限从此刻起算。'),
  price: money('买家实付金额（元）。'),
  freeShipping: z
    .boolean()
    .check(z.describe('是否包邮。满额包邮且买家部分退货后不再满足条件的，写 false 并在 freeShippingLostByPartialReturn 写 true。')),
  freeShippingLostByPartialReturn: z._default(
    z
      .boolean()
      .check(z.describe('“满 X 包邮”因买家部分退货而不再满足时为 true（视为非包邮，《淘宝平台争议处理规则》第五十三条）。不填视为否。')),
    false,
  ),
  outboundFreight: z.optional(money('买家为发货支付的运费（元），包邮写 0。')),
  completed: z.optional(z.boolean().check(z.describe('交易是否已成功（确认收货或系统自动确认后打款完成）。'))),
  fakeTransaction: z._default(z.boolean().check(z.describe('是否为虚假交易，或利用信用卡、花呗等套现。不填视为否。')), false),
  membershipAbuse: z._default(z.boolean().check(z.describe('买家是否滥用会员权利（如滥用退货包运费权益）。不填视为否。')), false),
});

export const GoodsSchema = z.strictObject({
  name: z.string().check(z.minLength(1)).check(z.describe('商品名称，供页面展示，例如“羊毛呢大衣”。')),
  price: z.optional(
    money(
      '争议所涉商品的实付金额（元）。一单多件只就其中部分商品退货、拒签或退款时必填（按购买时各商品价格结算，七日办法第十七条）；争议整单时不填，按 order.price。',
    ),
  ),
  sevenDayClass: z.optional(
    z
      .enum(sevenDayClasses)
      .check(
        z.describe(
          '七天无理由分类：standard 一般商品（必须支持）；custom 定作；perishable 鲜活易腐；digital 在线下载或已拆封的音像制品、软件等数字化商品；periodical 已交付的报纸期刊；sealed-health 拆封后影响人身安全、健康或易致品质改变（食品、化妆品、贴身用品等）；activation 一经激活或试用后价值贬损较大；disclosed-clearance 销售时已明示的临期、瑕疵商品。',
        ),
      ),
  ),
  sevenDayOptOutConfirmed: z.optional(
    z
      .boolean()
      .check(z.describe('买家下单时是否确认过“不支持七天无理由退货”。只对 sealed-health、activation、disclosed-clearance 三类有效。')),
  ),
  listingNoReturnNotice: z._default(
    z.boolean().check(z.describe('详情页是否写有“特价不退不换”等单方声明（对必须支持七天无理由的商品无效）。不填视为否。')),
    false,
  ),
  condition: z.optional(
    z
      .enum(goodsConditions)
      .check(
        z.describe(
          '申请时商品状态：intact 完好；opened-for-inspection 仅为检视拆封或合理试用；used 已使用超出检视范围；damaged-by-buyer 买家造成损坏或剪标、污损。',
        ),
      ),
  ),
  threeGuarantees: z._default(z.boolean().check(z.describe('是否属于“三包”商品（手机、电脑、家电等目录内耐用品）。不填视为否。')), false),
  virtualOrService: z._default(z.boolean().check(z.describe('是否为无法或无需退回的虚拟商品或服务。不填视为否。')), false),
  cannotBeReturned: z._default(
    z.boolean().check(z.describe('商品客观上无法退还，且交易目的已完全无法实现（《淘宝平台争议处理规则》第二十一条）。不填视为否。')),
    false,
  ),
});

export const ShipmentSchema = z.strictObject({
  shipped: z.boolean().check(z.describe('卖家是否已发货。')),
  clickedAt: z.optional(time('卖家在后台“点击发货”的时间。')),
  carrierRecordedAt: z.optional(time('承运人官网系统中的首条揽收记录时间；承运人没有系统记录时不填。')),
  carrierHasSystem: z.optional(
    z.boolean().check(z.describe('承运人是否有官网系统记录条件。没有时以面单日期与点击发货日期较晚者为发货时间。')),
  ),
  waybillDate: z.optional(time('面单上填写的日期（仅在承运人没有系统记录时需要），例如“2025-09-02”。')),
  promisedHours: z.optional(
    z.number().check(z.positive()).check(z.describe('卖家承诺或双方约定的发货时限（付款后多少小时）。没有约定不填，按渠道默认时限。')),
  ),
  buyerConsentedToShip: z.optional(z.boolean().check(z.describe('卖家超时或买家已申请退款后，卖家发货前是否征得买家同意。'))),
  cashOnDelivery: z._default(
    z
      .enum(cashOnDeliveryStates)
      .check(
        z.describe(
          '运费到付：none 非到付；agreed 卖家事先明确承运人和运费并征得买家同意；unagreed 未经买家同意；buyer-requested 买家自己要求到付（第三十条：运费由买家与卖家自行明确，属于买家）。不填视为 none。',
        ),
      ),
    'none',
  ),
  pickupRequired: z._default(
    z
      .enum(consentStates)
      .check(z.describe('是否需要买家自提：none 送货上门；agreed 事先显著明示或买家同意；unagreed 未明示也未经同意。不填视为 none。')),
    'none',
  ),
  promisedCarrier: z._default(
    z
      .enum(['none', 'used', 'not-used'])
      .check(z.describe('卖家承诺的快递：none 未承诺；used 按承诺使用；not-used 未按承诺使用。不填视为 none。')),
    'none',
  ),
  mergedWithoutConsent: z._default(
    z.boolean().check(z.describe('是否未经买家同意把多个独立付款的订单合并成一个包裹发货。不填视为否。')),
    false,
  ),
});

export const RefusalSchema = z.strictObject({
  reason: z
    .enum(refusalReasons)
    .check(
      z.describe(
        '拒签原因：surface-mismatch 当场发现表面不一致；no-reason 无理由拒签；seller-breach 因卖家违反发货规范拒签（未约定到付、未明示自提、未经同意发货等）。',
      ),
    ),
  photographed: z.optional(
    z.boolean().check(z.describe('表面不一致时买家是否当场拍照留证（第三十七条“可予以拍照”：拍照是可选的证据，不是拒签的条件）。')),
  ),
  mismatchConfirmed: z.optional(
    z
      .boolean()
      .check(z.describe('没有拍照时，表面不一致是否已经其他方式证实（快递员签注、退回后卖家拆包确认、物流破损记录等）。没有拍照时必填。')),
  ),
  returnedOutcome: z.optional(
    z
      .enum(refusedReturnOutcomes)
      .check(
        z.describe(
          '商品退回卖家后的结果（仅不支持七天无理由的商品需要）：seller-refused 卖家拒收；seller-signed-refunded 卖家签收后退款；seller-signed-resent 卖家签收后再次发回；unfit-to-resend 商品已不适宜再次发回。',
        ),
      ),
  ),
});

export const AddressChangeSchema = z.strictObject({
  sellerAgreed: z.boolean().check(z.describe('卖家是否同意修改收件信息。')),
  succeeded: z.boolean().check(z.describe('修改是否实际成功。')),
  linkedToBuyer: z.boolean().check(z.describe('改前或改后的地址是否与买家有显著关联（如买家本人常用地址）。')),
});

export const DeliverySchema = z.strictObject({
  status: z
    .enum(deliveryStatuses)
    .check(
      z.describe(
        '物流结果：in-transit 运输中；lost 丢件；intercepted 已拦截退回；refused 拒签；undeliverable 无法投递退回；signed 已签收。',
      ),
    ),
  signedAt: z.optional(time('物流显示的签收时间（七天无理由从次日零时起算）。')),
  receivedBy: z.optional(
    z
      .enum(receivers)
      .check(
        z.describe(
          '实际签收人或放置地点：self 收件人本人；authorised-person 收件人委托的人；door 放门口；property-office 物业；station 驿站；locker 快递柜；other-person 未经委托的他人。',
        ),
      ),
  ),
  placeDesignated: z.optional(z.boolean().check(z.describe('放在门口、物业、驿站、快递柜时，是否是收件人指示放置的地点。'))),
  collectedAt: z.optional(
    time(
      '快递员把商品放在收件人没有指示的快递柜、驿站、物业或门口，或交给未经委托的他人时，买家实际取到商品的时间。这种放置不算签收（第三十六条），七天无理由从取到商品的次日零时起算。',
    ),
  ),
  sellerHasDeliveryProof: z.optional(z.boolean().check(z.describe('卖家能否提供签收底单、授权签收证明或物流红章证明。'))),
  refusal: z.optional(RefusalSchema.check(z.describe('拒签的细节（status 为 refused 时需要）。'))),
  confirmation: z.optional(
    z
      .enum(confirmations)
      .check(z.describe('确认收货：none 未确认；buyer-clicked 买家点击确认收货；auto 系统自动确认；induced-by-seller 卖家诱导买家确认。')),
  ),
  recipientInfoWrong: z._default(z.boolean().check(z.describe('买家填写的收件信息是否错误。不填视为否。')), false),
  addressChange: z.optional(AddressChangeSchema.check(z.describe('买家要求修改收件信息时的情况。'))),
});

export const ClaimSchema = z.strictObject({
  at: time('买家申请退款或发起维权的时间。'),
  type: z
    .enum(claimTypes)
    .check(
      z.describe(
        '买家的诉求：refund-only 仅退款；return-and-refund 退货退款；exchange 换货；resend 补寄；repair 维修；partial-refund 部分退款（折价）；freight-refund 签收后只要求卖家退还或承担运费（未用承诺的快递、未经同意到付等）。',
      ),
    ),
  reason: z
    .enum(claimReasons)
    .check(
      z.describe(
        '申请理由：not-received 未收到货；no-reason 七天无理由；quality 质量问题；misdescribed 描述不当；surface-mismatch 表面不一致（破损、少件、空包、错发）；counterfeit 假冒商品；late-shipment 延迟发货；shipping-breach 卖家违反其他发货规范（未约定到付、未明示自提、未用承诺的快递）；gift 赠品问题；return-not-received 卖家称未收到退货。',
      ),
    ),
});

export const IssueSchema = z.strictObject({
  visible: z.optional(z.boolean().check(z.describe('问题是否肉眼可识别、无需使用即可发现。'))),
  mismatchKind: z.optional(
    z.enum(mismatchKinds).check(z.describe('表面不一致的类型：damaged 破损；missing-items 少件；empty-parcel 空包；wrong-item 错发。')),
  ),
  buyerProof: z.optional(z.boolean().check(z.describe('买家是否提供了初步凭证（照片、视频、开箱记录等）。'))),
  sellerRebuttal: z.optional(
    z
      .boolean()
      .check(z.describe('卖家是否作出平台认可的合理解释或提供了有效反证（不可见质量问题、假货时指经销凭证、合格证、报关单等来源凭证）。')),
  ),
  buyerTestReport: z.optional(z.boolean().check(z.describe('买家是否提供了有效的质检或鉴定凭证。'))),
  defeatsPurpose: z.optional(z.boolean().check(z.describe('问题是否导致合同目的不能实现（无法正常使用）。'))),
  blocksCoreFunction: z.optional(z.boolean().check(z.describe('描述不当是否导致无法使用核心功能或完全无法使用。'))),
  adLawViolation: z._default(
    z.boolean().check(z.describe('描述是否违反广告法（如“最佳”“第一”“最高级”等绝对化用语）。不填视为否。')),
    false,
  ),
  onlyNoticeableAfterUse: z._default(z.boolean().check(z.describe('描述不当是否需使用后才能察觉。不填视为否。')), false),
  disclosedInListing: z._default(
    z.boolean().check(z.describe('该瑕疵是否已在商品页面明确告知（二手、瑕疵、临期等）。不填视为否。')),
    false,
  ),
  personalConsumption: z.optional(z.boolean().check(z.describe('假冒商品是否是买家基于生活消费需要购买。'))),
  sellerPromisedMultiple: z.optional(
    z
      .number()
      .check(z.positive())
      .check(
        z.describe(
          '卖家自己承诺的假冒赔付倍数（例如商品页标注“假一赔十”写 10）；卖家没有承诺不填。平台规则本身没有“假一赔三”之类的默认赔偿，只有卖家承诺的才按第十五条兑现。',
        ),
      ),
  ),
  sellerRefusesRemedy: z._default(z.boolean().check(z.describe('表面不一致属实后，卖家是否拒绝补寄、换货或退货。不填视为否。')), false),
});

export const ReturnLegSchema = z.strictObject({
  agreement: z
    .enum(agreementTimings)
    .check(z.describe('退换货协议：none 未达成；before-intervention 淘宝介入前双方自行达成；after-intervention 淘宝介入后达成或裁决。')),
  freightAgreement: z.optional(
    z.enum(freightAgreements).check(z.describe('协议中对运费的约定：not-mentioned 未说明；seller 卖家承担；buyer 买家承担。')),
  ),
  cashOnDelivery: z._default(
    z.enum(consentStates).check(z.describe('买家退货是否到付：none 否；agreed 事先征得卖家同意；unagreed 未经同意。不填视为 none。')),
    'none',
  ),
  transitDamage: z.optional(
    z.enum(transitDamages).check(z.describe('退货途中商品的状况：none 完好送达；minor 破损（可修复）；destroyed 损毁；lost 灭失。')),
  ),
  returnAddressDiffersFromListing: z._default(
    z.boolean().check(z.describe('卖家给的退货地址是否与商品页“运费/配送”显示的发货地不一致（导致运费差额）。不填视为否。')),
    false,
  ),
  sellerReceivedAt: z.optional(time('卖家签收退货的时间（退款期限从此计算）。')),
  failureCause: z.optional(
    z
      .enum(returnFailureCauses)
      .check(
        z.describe(
          '卖家未收到退货时的原因：buyer-breach 买家违反退货规范（地址、到付、承运人等）；seller-breach 卖家违反退货规范（地址错误、拒收等）；unknown 无法查明。',
        ),
      ),
  ),
  buyerHasReturnProof: z.optional(z.boolean().check(z.describe('买家能否证明退货已送达卖家（签收记录等）。'))),
});

export const GiftSchema = z.strictObject({
  name: z.string().check(z.minLength(1)).check(z.describe('赠品名称。')),
  declaredValue: z.optional(money('卖家事先声明的赠品价值（元）；没有声明不填。')),
  marketValue: z.optional(money('未声明价值时平台参照的市场公允价（元）。')),
  issue: z.optional(
    z
      .enum(giftIssues)
      .check(
        z.describe(
          '赠品问题：not-shipped 未随主商品发出或缺货；unlicensed 赠品需要售卖资质而卖家没有；ambiguous-description 赠品描述含混；returned-damaged 七天无理由退货时赠品因买家原因无法完好退回。',
        ),
      ),
  ),
});

export const platformFindings = ['none', 'big-data', 'recall', 'bad-faith', 'prohibited'] as const;

export const PlatformSchema = z.strictObject({
  intervened: z._default(z.boolean().check(z.describe('淘宝（小二）是否已介入。不填视为未介入。')), false),
  finding: z._default(
    z
      .enum(platformFindings)
      .check(
        z.describe(
          '平台认定：none 无；big-data 平台基于大数据判断描述不当、混淆误导或伪劣（2025 版第二十四条）；recall 商品被曝光、通报或抽检不合格须召回；bad-faith 大量严重劣质或货不对板，视为拒绝履约；prohibited 禁售商品。不填视为 none。',
        ),
      ),
    'none',
  ),
  requestedTest: z.optional(z.boolean().check(z.describe('是否应淘宝要求送检。'))),
  testConfirmedProblem: z.optional(z.boolean().check(z.describe('送检结果是否证实质量问题。'))),
});

export const AgreementSchema = z.strictObject({
  resolution: z
    .enum(['refund', 'return-and-refund', 'partial-refund', 'exchange', 'resend', 'repair'])
    .check(z.describe('双方自行约定的处理方式。')),
  amount: z.optional(money('约定的退款金额（部分退款时）。')),
  performed: z.boolean().check(z.describe('协议是否已履行完毕。')),
  regretted: z.optional(z.boolean().check(z.describe('履行后是否有一方反悔再起争议。'))),
});

export const FactsSchema = z.strictObject({
  channel: z.enum(channels).check(z.describe('交易渠道：taobao 淘宝；tmall 天猫；tmallGlobal 天猫国际。')),
  order: OrderSchema.check(z.describe('订单与付款。')),
  goods: GoodsSchema.check(z.describe('商品本身。')),
  shipment: ShipmentSchema.check(z.describe('卖家发货。')),
  delivery: z.optional(DeliverySchema.check(z.describe('物流与签收（已发货时需要）。'))),
  claim: ClaimSchema.check(z.describe('买家的申请或维权。')),
  issue: z.optional(IssueSchema.check(z.describe('商品问题与双方举证（质量、描述、表面不一致、假货时需要）。'))),
  returnLeg: z.optional(ReturnLegSchema.check(z.describe('退货（换货）环节（有退回时需要）。'))),
  gift: z.optional(GiftSchema.check(z.describe('赠品（有赠品时填写）。'))),
  platform: z.prefault(PlatformSchema.check(z.describe('平台介入、平台认定与送检。不填视为平台未介入、无认定。')), {}),
  agreement: z.optional(AgreementSchema.check(z.describe('双方已达成的协议（如有）。'))),
});

/** Facts as an author writes them (times as Beijing-time strings). */
/** Facts as an author writes them (times as Beijing-time strings). */
export type FactsInput = z.input<typeof FactsSchema>;
/** Facts after validation (times as Instants). */
/** Facts after validation (times as Instants). */
export type Facts = z.output<typeof FactsSchema>;
export type Channel = (typeof channels)[number];
export type SevenDayClass = (typeof sevenDayClasses)[number];
export type Receiver = (typeof receivers)[number];
