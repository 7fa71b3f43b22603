/**
 * The shop manuals the SOP rules are taken from (the project's seed documents). Every name ends with （资料 NNN）, the
 * number of the seed file, so a test can check each quote against that file verbatim.
 *
 * Seed 004 is a compilation of several shop manuals; each is cited under its own title. Seed 003 is a generic article
 * with no shop rules, so nothing cites it.
 */
const manual004 = (title: string) => `店铺售后手册《${title}》（资料 004）`;

export const seedDocuments = {
  flowChart: '店铺售后资料《淘宝电商订单处理售后流程图》（资料 000）',
  exchangeDesign: '文章《电商售后:退换货流程设计》（资料 000）',
  csWorkflow: '文章《电商客服工作流程图解》（资料 000）',
  emergencyPlan: '文章《淘宝天猫售后退货问题处理流程，网上店铺退换货应急处理方案》（资料 002，原文为繁体）',
  workflow: manual004('淘宝售后客服工作流程'),
  workNorms: manual004('淘宝客服售后工作规范'),
  standards: manual004('淘宝客服售后标准'),
  management: manual004('淘宝售后客服管理制度'),
  operatingNorms: manual004('淘宝售后处理基本操作规范'),
  techniques: manual004('淘宝店铺售后客服工作技巧'),
  regulations: manual004('淘宝售后规章制度'),
} as const;
