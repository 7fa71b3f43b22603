import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

/** What the rules of `sop/records.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopRecordsTexts: RuleTexts = {
  'SOP-REGISTER': {
    statement: '所有售后问题都登记到表格（退货在网店管家的售后事务登记里），方便交接班查询；需要跟踪的问题持续跟踪。',
    sources: [
      citeSecondary(seedDocuments.flowChart, '基本步骤 备注', '所有问题需登记表格,方便查询。需要跟踪的问题注意跟踪。'),
      citeSecondary(seedDocuments.workflow, '1:客户联系', '所有退货都需要在网店管家——售后——事物登记——做好详细登记。'),
    ],
  },
  'SOP-SCREENSHOT': {
    statement: '棘手或处理中存在隐患的买家，随时截屏保存关键聊天记录。',
    sources: [
      citeSecondary(
        seedDocuments.workNorms,
        '原则',
        '6.棘手买家,或售后处理中存在隐患的买家,请养成随时截屏关键聊天记录的习惯,懂得用淘宝保护自己。',
      ),
    ],
  },
  'SOP-LOST-PARCEL-REPORT': {
    statement: '丢件问题登记到表格，每月汇总一次交售后部门（周期可配置）。',
    sources: [citeSecondary(seedDocuments.flowChart, '基本步骤 备注', '丢件问题要登记好表格。一个月汇总一次交售后部门。')],
  },
  'SOP-QUALITY-REPORT': {
    statement: '质量问题保存买家图片并登记，存档到“售后问题图片”文件夹；普遍问题每周汇总交采购部，特殊情况当即汇报（周期可配置）。',
    sources: [
      citeSecondary(
        seedDocuments.flowChart,
        '基本步骤 备注',
        '质量问题需保存图片,登记好。普遍情况一个星期总结一次交由采购部。特殊情况当即汇报。',
      ),
      citeSecondary(
        seedDocuments.techniques,
        '三、售后问题图片存档',
        '接收到买家关于产品有各种质量,消费问题的图片,售后客服存档到相应的“售后问题图片“文件夹里。',
      ),
    ],
  },
};
