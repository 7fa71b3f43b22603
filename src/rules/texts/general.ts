import type { RuleTexts } from '../rule-meta.ts';
import { cite, tb } from '../citations.ts';

/** What the rules of `general.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const generalTexts: RuleTexts = {
  'R-GEN-BAD-FAITH': {
    statement: '卖家交付的商品存在大量严重劣质、大量货不对板，经淘宝判断无履约意图的，视为拒绝履约，支持退款。',
    sources: [tb(18)],
  },
  'R-GEN-RECALL': {
    statement: '商品被媒体曝光、被行政部门通报，或经平台抽检确认描述不当、质量不合格须召回的，卖家应主动召回，支持退货退款。',
    sources: [tb(19)],
  },
  'R-GEN-PROHIBITED': {
    statement: '卖家出售禁售商品或提供禁售服务的，视情形退款或退货退款。',
    sources: [tb(20)],
  },
  'R-GEN-BIGDATA': {
    statement: '淘宝基于大数据（商品处置、店铺指标、客诉）判断商品存在描述不当、混淆误导、伪劣的，减轻买家举证，支持退货退款。',
    sources: [tb(24)],
    editionNotes: [{ edition: 'legacy', summary: '旧版没有此条：买家仍须按一般举证规则证明描述不当或伪劣。' }],
  },
  'R-GEN-ORDER-OF-SOURCES': {
    statement:
      '双方有约定的从约定；未约定的可补充协议；仍无法达成的按本规则处理，特别规定优先；仍无法确定责任的按交易习惯或支持退货退款。改变交易内容的约定（收件信息、运费、部分退款、送货安排）在阿里旺旺上达成并保留记录，淘宝才能据以认定。',
    sources: [tb(2), tb(7), tb(3)],
  },
  'R-FAKE-TXN': {
    statement: '买卖双方虚假交易或利用信用卡、花呗套现的：交易成功前做退款处理；交易成功后淘宝不予受理。',
    sources: [tb(17), tb(6)],
  },
  'R-ACCEPT-EXCLUSIONS': {
    statement:
      '逾期维权、订单与实际交易不符、已履行完毕的协商协议反悔、虚假交易或套现且交易成功、退款后卖家要求取回商品、主张额外损失或法定赔偿的，淘宝可不予受理。',
    sources: [tb(6)],
  },
  'R-ACCEPT-DEADLINE': {
    statement:
      '买家应在淘宝规定的时限内在线维权；行政机关认定假冒或违禁、生效法律文书、能证明未收到货或有质量问题、卖家承诺更长售后期的，不受期限限制（天数为参数，规则原文未给出）。',
    sources: [tb(4), tb(5)],
  },
  'R-GEN-PARTIAL-REFUND': {
    statement:
      '部分退款是双方协商的结果：淘宝除赠品、组合商品、运费等规定的扣减外不强制折价；折价须买家同意，金额和方式在阿里旺旺上约定并保留记录，淘宝据此认定。',
    sources: [tb(6), tb(7), tb(3)],
  },
  'R-GEN-EVIDENCE': {
    statement: '双方按本规则举证；规则未规定或账号异常时由淘宝分配举证责任；淘宝基于普通人的认知认定，并可向第三方核实。',
    sources: [tb(3), tb(8), tb(9), tb(16)],
  },
  'R-GEN-INTERVENTION': {
    statement: '买家维权或任一方投诉的，淘宝依本规则处理；店铺异常大量维权时淘宝可主动介入；部分争议可交大众评审。',
    sources: [tb(2)],
  },
  'R-GEN-DENIED-AGREEMENT': {
    statement:
      '双方达成补充协议但一方否认的，主张协议无效的一方应举证，否则承担不利后果；协议在阿里旺旺上达成并保留的聊天记录是最直接的凭证。',
    sources: [tb(12), tb(3)],
  },
  'R-GEN-DEPOSIT': {
    statement: '定金类交易适用定金罚则。',
    sources: [tb(14)],
  },
  'R-GEN-PENALTY-MAX': {
    statement:
      '卖家就特定违约行为承诺赔付违约金的应当赔付；与平台规定数额不一致的，就高。平台规则本身没有“假一赔三”等默认赔偿：额外赔偿只来自卖家自己的承诺，或由法院等依法判定（消法第五十五条）。',
    sources: [tb(15)],
  },
  'R-LAW-FRAUD-DAMAGES': {
    statement:
      '经营者有欺诈行为的，消费者可要求增加赔偿价款的三倍（不足五百元的为五百元）；这是法院或行政机关依法认定的赔偿，不是平台争议处理的默认结果，淘宝对主张法定赔偿的维权不予受理。',
    sources: [cite('consumerLaw', 55), tb(6)],
  },
  'R-PROC-SUSPEND': {
    statement:
      '双方一致要求或一方拟诉讼、报案的，中止处理；30 日内未自行处理、7 个工作日内未提供受理凭证、撤诉、判决生效或公安六个月无结论的，恢复处理。',
    sources: [tb(82), tb(83)],
  },
  'R-PROC-EXECUTE': {
    statement: '淘宝通知支付机构按处理结果支付款项，必要时划拨保证金；余额不足的由双方另行解决；对处理有异议的可向法院起诉。',
    sources: [tb(84), tb(85), tb(86), tb(87), tb(93)],
  },
  'R-PROC-VERSION': {
    statement: '规则生效或变更后尚未处理完结的交易，适用生效或变更后的规则。',
    sources: [tb(92)],
  },
  'R-PROC-SELLER-METRIC': {
    statement: '卖家未依法律或平台规则处理买家维权或投诉的，视为卖家有责，计入服务体验指标。',
    sources: [tb(91)],
  },
};
