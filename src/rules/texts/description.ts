import type { RuleTexts } from '../rule-meta.ts';
import { cite, tb } from '../citations.ts';

/** What the rules of `description.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const descriptionTexts: RuleTexts = {
  'R-DESC-DISCLOSED-DEFECT': {
    statement: '商品页面已明确告知的二手、瑕疵、临期等情况属于双方约定，不构成描述不当。',
    sources: [tb(7), cite('sevenDayMeasures', 7)],
  },
  'R-DESC-ADLAW': {
    statement:
      '描述违反广告法（如“最佳”“第一”等绝对化用语），或需使用后才能察觉描述不当的，支持退货退款；导致无法使用核心功能的，退货途中风险全部由卖家承担。',
    sources: [tb(78), cite('advertisingLaw', 9)],
  },
  'R-DESC-VISIBLE': {
    statement: '买家主张肉眼可识别的描述不当须提供初步凭证；卖家须作出合理解释或证明不存在描述不当，否则认定描述不当属实。',
    sources: [tb(73)],
  },
  'R-DESC-INVISIBLE': {
    statement: '买家主张肉眼不可识别的描述不当的，参照质量问题条款分配举证责任。',
    sources: [tb(74)],
  },
  'R-DESC-INTACT': {
    statement: '无需使用、肉眼即可显著识别的描述不当：商品完好的支持退货退款；买家已使用并影响完好的支持打款卖家。',
    sources: [tb(77)],
  },
  'R-SURFACE-BURDEN': {
    statement:
      '买家主张表面不一致的，卖家先证明已按签收规范签收；证明有效的，由买家证明签收时即存在表面不一致。买家已点击确认收货的，由买家举证（卖家诱导确认的除外）。',
    sources: [tb(75), tb(76)],
  },
};
