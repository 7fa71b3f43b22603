import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/returns.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopReturnsTexts: RuleTexts = {
  'SOP-NO-COD': {
    statement: '本店仓库不接收运费到付的退货件，必须事先告知买家；已同意或未经同意的到付件怎么处理，以平台规则为准。',
    sources: [
      citeSecondary(
        seedDocuments.workflow,
        '1:客户联系（第二种 质量问题或个人原因退换货）',
        '我们不接收到付件(因为如果是到付,包裹到了库房就直接拒收了,是无法到达我们客服部门的,请亲们谅解。',
      ),
    ],
  },
  'SOP-FREIGHT-PREPAY': {
    statement: '质量问题或描述不符的退换货由买家先垫付运费、本店收货后退还；非本店原因的换货运费由买家通过补邮费链接支付。',
    sources: [
      citeSecondary(
        seedDocuments.workflow,
        '1:客户联系（第二种 质量问题或个人原因退换货）',
        '邮费问题是质量问题客户先垫付邮费,我们收到质量问题的商品后帮亲充值到支付宝。',
      ),
      citeSecondary(
        seedDocuments.workNorms,
        '原则 7.换货邮费问题',
        'b. 如果不是我们的问题,换货费用您需自理,自己在网上拍下补邮费的链接并且支付,千万不要在包裹里放钱,以免丢件或现金丢失风险,为免出现纠纷。',
      ),
    ],
  },
  'SOP-RETURN-THEN-REFUND': {
    statement: '正常情况下买家退回商品后再退款或换货；本店过错且买家急需时，可在买家寄出并提供单号后先发出新货。',
    sources: [
      citeSecondary(
        seedDocuments.workNorms,
        '原则',
        '5.正常情况下,所有的退换,都是让买家退回货后,再退款,或换回(换货客人另拍付全款的不算,只算正常购买)。',
      ),
      citeSecondary(
        seedDocuments.workNorms,
        '原则',
        '如有特殊情况,比如是店铺自身的过错,买家急需要先收到更换衣服的,也可以破例在买家寄出商品并提供我们快递单号时,也帮她快递出商品。',
      ),
    ],
  },
  'SOP-7DAY-EXPLAIN': {
    statement: '七天无理由退换时告诉买家退回的商品不能影响二次销售（吊牌未剪、未洗涤、未使用），收到退货后检查商品是否完好。',
    sources: [
      citeSecondary(
        seedDocuments.emergencyPlan,
        '二、退換貨應急處理方案 3、沒有理由在七天內退換',
        '如果它是由于消費者自身的原因返回,如七天無理由退貨或更換,那么客戶服務應該通知消費者,返回的產品不影響二次銷售,包括但不限于是否標簽切割、清洗,已經使用,等等,這是基于商品銷售的商人的特點來確定。',
      ),
      citeSecondary(seedDocuments.emergencyPlan, '二、退換貨應急處理方案 3、沒有理由在七天內退換', '收到退貨后,您還需要檢查貨物的完整性。'),
    ],
  },
  'SOP-EXCHANGE-SPU': {
    statement: '换货只能换同一商品链接（SPU）下当前有库存的款式；同意换货后生成 0 元订单锁定库存。',
    sources: [
      citeSecondary(
        seedDocuments.exchangeDesign,
        '02 退换货流程概述 1. 流程发起',
        '用户可在申请中选择自己需要更换的商品,限制是只能更换同一个SPU(商品链接)下当前有库存的商品。',
      ),
      citeSecondary(seedDocuments.exchangeDesign, '2. 商家/客服处理', '客服如选择同意,商家侧生成0元订单锁定换货商品的库存。'),
    ],
  },
};
