import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/return-windows.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopReturnWindowsTexts: RuleTexts = {
  'SOP-RETURN-WINDOWS': {
    statement: '本店受理签收后 7 天内的退货申请和 15 天内的换货申请（天数可配置）；法定七天无理由期限更长时，以法定期限为准。',
    sources: [
      citeSecondary(seedDocuments.regulations, '2.1 退货政策', '1.消费者在收到商品后,如需退货,需在签收后7日内提出申请。'),
      citeSecondary(seedDocuments.regulations, '2.2 换货政策', '1.消费者在收到商品后,如需换货,需在签收后15日内提出申请。'),
    ],
  },
};
