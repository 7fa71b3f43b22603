import type { RuleTexts } from '../rule-meta.ts';
import { cite, citeSecondary, tb } from '../citations.ts';

/** What the rules of `quality.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const qualityTexts: RuleTexts = {
  'R-QUAL-VISIBLE': {
    statement:
      '买家主张肉眼可识别的质量问题须提供初步凭证，否则打款卖家；卖家提供有效反证的，买家须提供质检凭证，否则打款卖家；卖家未反证的，认定质量问题属实。',
    sources: [tb(65)],
  },
  'R-QUAL-INVISIBLE-OR-FAKE': {
    statement:
      '买家主张肉眼不可识别的质量问题或假货的，卖家须提供经销凭证、报关单、合格证、发票、执行标准等；不能提供的支持退货退款；能提供的，买家须提供质检或鉴定凭证，否则打款卖家，能提供的认定属实。',
    sources: [tb(66), tb(74)],
  },
  'R-QUAL-REMEDY': {
    statement: '质量问题属实的，卖家依法律或平台规则承担退货、更换、维修等义务；没有相关规定的，支持退货退款，运费由卖家承担。',
    sources: [tb(67), cite('consumerLaw', 24)],
  },
  'R-LAW-3BAO': {
    statement: '三包商品出现性能故障：售出 7 日内可退货、换货或修理；15 日内可换货或修理；此后在三包期内修理（天数为参数）。',
    sources: [
      citeSecondary(
        '《部分商品修理更换退货责任规定》（转引）',
        '第九、十条',
        '产品自售出之日起7日内，发生性能故障，消费者可以选择退货、换货或修理；产品自售出之日起15日内，发生性能故障，消费者可以选择换货或者修理。',
      ),
    ],
  },
  'R-FAKE-REFUND': {
    statement: '卖家出售假冒商品、买家基于生活消费需要购买的，支持退款（买家无需退货）。',
    sources: [tb(69)],
    editionNotes: [
      {
        edition: 'legacy',
        summary:
          '旧版措辞同样是退款。转载旧版措辞的第三方协议另写有“假一赔三”，那是该协议自己的附加条款，不是平台规则，本站不作为任何版本的规则；卖家自己承诺的赔付按第十五条兑现。',
        source: citeSecondary('旧版争议处理规则（第三方协议转载）', '假冒商品', '假一赔三'),
      },
    ],
  },
  'R-TEST-FEE': {
    statement:
      '应淘宝要求送检并证实质量问题的，检测费由卖家承担；非应淘宝要求送检的，检测费由双方协商。应淘宝要求送检而未证实问题的，规则没有规定，本站默认双方协商（参数 unconfirmedTestFee）。',
    sources: [tb(71), tb(72)],
  },
  'R-LAW-QUALITY-7DAY': {
    statement:
      '商品不符合质量要求的，没有国家规定和约定时，消费者可自收到商品之日起七日内退货；七日后符合解除合同条件的可退货，否则可要求更换、修理，运输等必要费用由经营者承担。',
    sources: [cite('consumerLaw', 24)],
  },
  'R-LAW-DURABLE-BURDEN': {
    statement:
      '机动车、计算机、电视机、电冰箱、空调器、洗衣机等耐用商品，消费者自接受商品之日起六个月内发现瑕疵发生争议的，由经营者承担举证责任。',
    sources: [cite('consumerLaw', 23)],
  },
};
