import * as z from 'zod/mini';

/**
 * The shop's own after-sales policy (本店规范). It is configuration a lead edits in `content/policy/shop.json`; the
 * defaults are the seeds' values. Shop policy never overrides a platform or legal rule: where it would, the ruling
 * keeps the platform outcome and reports the SOP step as overridden.
 */
export const ShopPolicySchema = z.strictObject({
  shopName: z.string().check(z.minLength(1)).check(z.describe('店铺名称，显示在话术与证书上。')),
  compensation: z
    .strictObject({
      minYuan: z.number().check(z.nonnegative()).check(z.describe('客服可直接给出的现金补偿下限（元）。')),
      maxYuanWithoutApproval: z.number().check(z.nonnegative()).check(z.describe('客服无需审批可给的补偿上限（元），超过需审批。')),
      approverAbove: z.string().check(z.minLength(1)).check(z.describe('超过上限时的审批人，例如“店长”。')),
      minorQualityCapIsPostage: z.boolean().check(z.describe('轻微质量问题折价补偿是否以邮费为上限。')),
      minorQualityApprover: z.string().check(z.minLength(1)).check(z.describe('折价补偿超过邮费时请示的人，例如“主管”。')),
    })
    .check(z.describe('补偿权限。')),
  responseTimes: z
    .strictObject({
      firstResponseMinutes: z.number().check(z.positive()).check(z.describe('退换货、物流咨询的首次响应时限（分钟）。')),
      logisticsResolveHours: z.number().check(z.positive()).check(z.describe('物流问题解决时限（小时）。')),
      complaintReplyHours: z.number().check(z.positive()).check(z.describe('投诉回复时限（小时）。')),
      complaintResolveHours: z.number().check(z.positive()).check(z.describe('投诉解决时限（小时）。')),
      returnAuditHours: z.number().check(z.positive()).check(z.describe('退换货申请审核时限（小时）。')),
      refundAfterReturnDays: z.number().check(z.positive()).check(z.describe('收到退货后退款的时限（天）；不得长于法定的 7 个自然日。')),
      replacementShipDays: z.number().check(z.positive()).check(z.describe('收到换货退回后寄出新货的时限（天）。')),
    })
    .check(z.describe('响应与处理时效。')),
  windows: z
    .strictObject({
      returnDaysAfterSigning: z.number().check(z.positive()).check(z.describe('本店受理退货的天数（自签收起）；法定七天无理由期限优先。')),
      exchangeDaysAfterSigning: z.number().check(z.positive()).check(z.describe('本店受理换货的天数（自签收起）。')),
      qualityTriageDays: z
        .number()
        .check(z.positive())
        .check(z.describe('服装质量问题按常规流程处理的天数（自签收起）；超过只影响分流，不能据此拒绝质量问题维权。')),
    })
    .check(z.describe('本店受理期限。')),
  ladder: z
    .array(z.string().check(z.minLength(1)))
    .check(z.minLength(2))
    .check(z.describe('协商阶梯，从第一步到最后一步，例如 解释 → 解释+优惠券 → 补偿 → 换货 → 退货。')),
  flow: z
    .array(z.string().check(z.minLength(1)))
    .check(z.minLength(2))
    .check(z.describe('售后标准流程，例如 安抚顾客 → 核实信息 → 联系处理 → 跟踪进度 → 回访顾客。')),
  acceptsCodReturns: z.boolean().check(z.describe('仓库是否接收到付退货件；不接收时必须事先告知买家。')),
  virtualCompensation: z
    .array(z.string().check(z.minLength(1)))
    .check(z.describe('可用的虚拟补偿形式，例如 优惠券、会员积分、现金红包、小礼物。')),
  reports: z
    .strictObject({
      lostParcels: z.enum(['weekly', 'monthly']).check(z.describe('丢件汇总给售后部门的周期。')),
      qualityProblems: z.enum(['weekly', 'monthly']).check(z.describe('质量问题汇总给采购的周期。')),
    })
    .check(z.describe('汇总报告周期。')),
});

export type ShopPolicy = z.output<typeof ShopPolicySchema>;

/** The seeds' defaults (RULES.md §5). `content/policy/shop.json` starts as a copy of these. */
/** The seeds' defaults (RULES.md §5). `content/policy/shop.json` starts as a copy of these. */
export const defaultShopPolicy: ShopPolicy = {
  shopName: '示例店铺',
  compensation: {
    minYuan: 5,
    maxYuanWithoutApproval: 30,
    approverAbove: '店长',
    minorQualityCapIsPostage: true,
    minorQualityApprover: '主管',
  },
  responseTimes: {
    firstResponseMinutes: 5,
    logisticsResolveHours: 48,
    complaintReplyHours: 24,
    complaintResolveHours: 48,
    returnAuditHours: 72,
    refundAfterReturnDays: 7,
    replacementShipDays: 7,
  },
  windows: { returnDaysAfterSigning: 7, exchangeDaysAfterSigning: 15, qualityTriageDays: 3 },
  ladder: ['解释', '解释 + 优惠券', '补偿', '换货', '退货'],
  flow: ['安抚顾客', '核实信息', '联系处理', '跟踪进度', '回访顾客'],
  acceptsCodReturns: false,
  virtualCompensation: ['优惠券', '会员积分', '现金红包', '小礼物'],
  reports: { lostParcels: 'monthly', qualityProblems: 'weekly' },
};
