import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/response-times.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopResponseTimesTexts: RuleTexts = {
  'SOP-FIRST-RESPONSE': {
    statement: '退换货和物流咨询须在 5 分钟内回复并安抚买家；新买家的首次响应优先于正在进行的接待（分钟数可配置）。',
    sources: [
      citeSecondary(seedDocuments.techniques, '一、退换货问题', '对客户提出的退换货信息进展即时回复,安抚客户。'),
      citeSecondary(seedDocuments.techniques, '一、退换货问题', '回复时间不超过5分钟。'),
      citeSecondary(
        seedDocuments.operatingNorms,
        '一、1.第一阶段:无法直接判断问题的客诉',
        '如果正在接待其他客户时,新买家咨询,则需首先保证新买家的首次相应。',
      ),
    ],
  },
  'SOP-RESOLVE-48H': {
    statement: '售后物流问题须即时安抚买家，并在 48 小时内解决（小时数可配置）。',
    sources: [
      citeSecondary(
        seedDocuments.techniques,
        '二、售后物流问题',
        '即时安抚买家,以免引起评价投诉问题,回复时间不超过5分钟,解决时间不超过48小时。',
      ),
    ],
  },
  'SOP-REPLY-24H': {
    statement: '买家投诉须在 24 小时内回复、48 小时内解决（小时数可配置）；这是本店时限，不是平台规则。',
    sources: [
      citeSecondary(seedDocuments.management, '五、工作标准', '对客户的投诉和问题,客服人员要在24小时内给予回复,并在48小时内解决问题。'),
    ],
  },
  'SOP-AUDIT-72H': {
    statement: '退换货申请 72 小时内审核；收到退货后 7 天内退款，收到换货退回后 7 天内寄出新货；退款期限不得长于法定的 7 个自然日。',
    sources: [
      citeSecondary(
        seedDocuments.regulations,
        '2.1 退货政策',
        '3.淘宝商家收到退货申请后,应在72小时内审核并处理,其中,退货成功后,应在7个工作日内将退款金额返还给消费者。',
      ),
      citeSecondary(
        seedDocuments.regulations,
        '2.2 换货政策',
        '3.淘宝商家收到换货申请后,应在72小时内审核并处理,其中,换货成功后,应在7个工作日内安排发货,并提供快递单号给消费者。',
      ),
    ],
  },
};
