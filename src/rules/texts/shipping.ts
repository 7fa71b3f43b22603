import type { RuleTexts } from '../rule-meta.ts';
import { cite, citeSecondary, tb } from '../citations.ts';

/** What the rules of `shipping.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const shippingTexts: RuleTexts = {
  'R-SHIP-TIME-DEF': {
    statement: '发货时间以承运人官网系统首条记录为准；承运人没有系统记录的，取面单日期与点击发货日期中较晚者。',
    sources: [tb(25)],
  },
  'R-SHIP-DEADLINE': {
    statement:
      '卖家应在承诺或约定的时限内发货；未约定的，按本站默认时限（参数 shipDeadlineHours：淘宝 72 小时、天猫 48 小时、天猫国际 120 小时；2025 版规则原文没有规定默认时限，二手来源说法不一，负责人可修改）。',
    sources: [
      tb(27),
      citeSecondary(
        '渠道发货时限（参数，来源互相矛盾）',
        'RULES.md S13',
        '淘宝“如无约定 72 小时内发货”；天猫“实际72小时内发货”；另有“48小时内在系统上操作发货”。官方《天猫发货管理规范》原文未找到，故作为可配置参数。',
      ),
    ],
  },
  'R-SHIP-AFTER-REFUND-REQUEST': {
    statement:
      '卖家超过约定发货时间，或买家申请退款时尚未发货的，须征得买家同意方可发货；擅自发货且买家未收到或拒收的，费用与风险由卖家承担，支持退款。',
    sources: [tb(27)],
  },
  'R-SHIP-INTERCEPT': {
    statement: '卖家点击发货后、买家签收前，买家基于合理需求申请退款的，卖家应及时通知快递拦截；拦截的，支持退款，运费按运费规范处理。',
    sources: [tb(23)],
    editionNotes: [
      {
        edition: 'legacy',
        summary:
          '旧版措辞没有拦截义务，也没有驳回签收前退款申请的规定（沉默不是驳回的依据）；它只规定签收前风险由卖家承担，买家可在送达时拒签或签收后退货。',
      },
    ],
  },
  'R-SHIP-SEPARATE-PARCELS': {
    statement: '独立付款的订单应单独发货；未经买家同意合并包裹，买家签收后主张少件的，由卖家举证。',
    sources: [tb(26)],
  },
  'R-SHIP-ADDRESS': {
    statement: '卖家应将商品送到订单地址交收件人签收；需要买家自提的，须事先显著明示或征得买家同意。',
    sources: [tb(28)],
  },
  'R-SHIP-CARRIER': {
    statement: '卖家承诺或约定使用特定承运人的应当履行；否则非包邮订单买家签收后可要求退还已付运费。',
    sources: [tb(29)],
  },
  'R-SHIP-COD-FREIGHT': {
    statement: '卖家以运费到付发货须事先明确承运人和运费并征得买家同意；未经同意的，买家可拒签，或签收后要求卖家承担到付运费。',
    sources: [tb(30), tb(50)],
  },
  'R-SHIP-BREACH': {
    statement:
      '卖家违反发货规范：买家未收到或拒收的支持退款、费用与风险归卖家；买家已收到的支持退货退款；买家已使用或已确认收货的须协商，卖家诱导确认的除外。',
    sources: [tb(31), tb(32), tb(33)],
  },
  'R-SHIP-LATE-COMPENSATION': {
    statement:
      '旧《淘宝规则》（2015 年试行）：违背发货时间承诺的，卖家向买家支付商品实际成交金额 5% 的违约金，最低 5 元、最高 30 元；现行金额未找到，仅作参考。',
    sources: [
      citeSecondary(
        '旧《淘宝规则》违背发货时间承诺（二手转述，RULES.md S12）',
        '转述',
        '违背发货时间承诺：按商品实际成交金额的 5% 赔付，最低 5 元（部分类目 1 元），最高 30 元；2015年10月29日起试行。',
      ),
    ],
  },
  'R-SIGN-DELIVERY-TIME': {
    statement: '采用快递物流方式交付商品的，收货人签收时间为交付时间。',
    sources: [cite('ecommerceLaw', 51)],
  },
};
