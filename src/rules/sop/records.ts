import { isProductProblem } from './scope.ts';
import { defineSopRule, guide, sopMeta } from './sop-rule.ts';
import { reportPeriodLabels } from './wording.ts';

const REGISTER_ID = 'SOP-REGISTER';

export const registerRule = defineSopRule({
  meta: sopMeta({
    id: REGISTER_ID,
    title: '所有售后问题登记',
  }),
  stage: 'track',
  isRelevant: () => true,
  irrelevantNote: '',
  evaluate: () =>
    guide(
      REGISTER_ID,
      '每个售后问题都要登记。',
      '把本案登记到售后问题表格（退货在 网店管家 → 售后 → 事务登记 里详细登记），方便交接班同事查看；需要跟踪的问题持续跟踪到结案。',
    ),
});

const SCREENSHOT_ID = 'SOP-SCREENSHOT';

export const screenshotRule = defineSopRule({
  meta: sopMeta({
    id: SCREENSHOT_ID,
    title: '棘手买家截屏留证',
  }),
  stage: 'track',
  // "Difficult buyer" is not a fact; a case 淘宝 has entered, or one settled by agreement or partial refund, is where
  // the chat record later decides the dispute.
  isRelevant: (_situation, lookup) =>
    lookup('platform.intervened') === true ||
    lookup('agreement.resolution') !== undefined ||
    lookup('claim.type') === 'partial-refund',
  irrelevantNote: '淘宝未介入，也没有需要留证的协议或折价。',
  evaluate: (read) => {
    const intervened = read.optional('platform.intervened') === true;
    return guide(
      SCREENSHOT_ID,
      intervened ? '淘宝已介入，聊天记录可能成为证据。' : '本案有协商约定，聊天记录可能成为证据。',
      '随时截屏保存关键聊天记录（协商结果、补偿金额、买家的承诺等），协商一致的方案要在旺旺上写明，用淘宝的规则保护自己。',
    );
  },
});

const LOST_ID = 'SOP-LOST-PARCEL-REPORT';

export const lostParcelReportRule = defineSopRule({
  meta: sopMeta({
    id: LOST_ID,
    title: '丢件登记与汇总',
  }),
  stage: 'follow-up',
  isRelevant: (_situation, lookup) => lookup('delivery.status') === 'lost',
  irrelevantNote: '包裹没有丢失。',
  evaluate: (read) =>
    guide(
      LOST_ID,
      '丢件须登记并定期汇总。',
      `丢件登记到丢件表格，${reportPeriodLabels[read.shopPolicy.reports.lostParcels]}汇总一次交售后部门。`,
      undefined,
      { period: read.shopPolicy.reports.lostParcels },
    ),
});

const QUALITY_ID = 'SOP-QUALITY-REPORT';

export const qualityReportRule = defineSopRule({
  meta: sopMeta({
    id: QUALITY_ID,
    title: '质量问题存图与汇总',
  }),
  stage: 'follow-up',
  isRelevant: (situation) => isProductProblem(situation.reason),
  irrelevantNote: '买家申请的不是质量问题或描述不符。',
  evaluate: (read) =>
    guide(
      QUALITY_ID,
      '质量问题须存图登记并汇总给采购。',
      `保存买家发来的问题图片，存档到“售后问题图片”文件夹并登记；普遍问题${reportPeriodLabels[read.shopPolicy.reports.qualityProblems]}汇总一次交采购部，特殊情况当即汇报。`,
      undefined,
      { period: read.shopPolicy.reports.qualityProblems },
    ),
});
