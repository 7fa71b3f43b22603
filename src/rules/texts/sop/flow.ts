import type { RuleTexts } from '../../rule-meta.ts';
import { citeSecondary } from '../../citations.ts';
import { chart } from '../../sop/flow.ts';
import { seedDocuments } from '../../sop/seed-documents.ts';

// The seed prints the five steps in a column interleaved with its notes, so each step is quoted on its own.
const flowSteps = ['1 安抚顾客', '2 核实信息', '3 联系处理', '4 跟踪进度', '5 回访顾客'];

/** What the rules of `sop/flow.ts` say and quote, by rule id; the catalogue joins them to the rules. */
export const sopFlowTexts: RuleTexts = {
  'SOP-FLOW': {
    statement: '每个售后问题都按 安抚顾客 → 核实信息 → 联系处理 → 跟踪进度 → 回访顾客 处理（步骤可配置）。',
    sources: /* @__PURE__ */ flowSteps.map((quote) => citeSecondary(seedDocuments.flowChart, '基本步骤', quote)),
  },
  'SOP-FLOWCHART': {
    statement: '未收到、丢件、拦件、疑难件、少发、错发、质量问题、七天无理由各走流程图中的一支。',
    sources: [
      citeSecondary(seedDocuments.flowChart, '售后流程图', chart.lost.line),
      citeSecondary(seedDocuments.flowChart, '售后流程图', chart.wrongItem.line),
      citeSecondary(seedDocuments.flowChart, '售后流程图', chart.sevenDay.line),
    ],
  },
  'SOP-CONTACT-OFFLINE': {
    statement: '需要买家配合的售后问题，买家不在线时用电话、短信或微信主动联系，不被动等待。',
    sources: [
      citeSecondary(
        seedDocuments.workNorms,
        '原则',
        '4.凡是售后问题,及无货通知问题,只要是买家不在线的,请全部用电话,短信或者微信来联系解决(回复售后旺旺上的离线消息除外),不要被动等待买家来找。',
      ),
    ],
  },
};
