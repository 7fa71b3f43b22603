import type { ShopPolicy } from '../shop-policy.ts';
import { refundYieldsTo } from './scope.ts';
import type { SopSituation } from './situation.ts';
import { defineSopRule, guide, skip, sopMeta, type FactLookup } from './sop-rule.ts';
import { chain } from './wording.ts';

export interface FlowStep {
  /** 1 for the first step. */
  readonly order: number;
  readonly step: string;
}

/** The shop's standard service flow, in order (default 安抚顾客 → 核实信息 → 联系处理 → 跟踪进度 → 回访顾客). */
export function serviceFlow(policy: ShopPolicy): readonly FlowStep[] {
  return policy.flow.map((step, index) => ({ order: index + 1, step }));
}

const FLOW_ID = 'SOP-FLOW';

export const flowRule = defineSopRule({
  meta: sopMeta({
    id: FLOW_ID,
    title: '售后标准流程',
  }),
  stage: 'soothe',
  isRelevant: () => true,
  irrelevantNote: '',
  evaluate: (read) =>
    guide(FLOW_ID, '每个售后问题都走本店标准流程。', `按本店售后标准流程处理：${chain(read.shopPolicy.flow)}。`),
});

/** One branch of the shop's after-sales flow chart: the seed's line, whose first word names the branch. */
interface ChartBranch {
  readonly line: string;
  /** True when the branch ends in re-sending goods, which a refund ruling overrides. */
  readonly resends: boolean;
}

/** The seed's flow chart, branch by branch (quoted in `../texts/sop/flow.ts`). */
export const chart = {
  notReceived: { line: '未收到 联系快递 回复顾客 回访顾客', resends: false },
  lost: { line: '丢件 核实信息 注意登记 补发 告知单号 跟踪物流 回访顾客', resends: true },
  intercepted: { line: '查件 拦件{因错发重发或者换快递} 联系快递退回 跟踪信息 收到拆包 退回仓库', resends: false },
  undeliverable: { line: '疑难件 快递反应派送未成功 联系顾客 回复快递 回访顾客', resends: false },
  missing: { line: '少发 核实信息与重量 确定少发 补发 告知单号 跟踪物流 回访顾客', resends: true },
  wrongItem: { line: '错发 全额退款+退货寄回运费', resends: false },
  quality: { line: '问题 安排退换 顾客退回 拆包处理 安排换发 告知单号 跟踪物流 签收后退寄回运费', resends: false },
  sevenDay: { line: '七天无理由退换 买家申请 卖家同意 买家退货 拆包处理 退回仓库', resends: false },
} as const satisfies Record<string, ChartBranch>;

function chartBranch(situation: SopSituation, lookup: FactLookup): ChartBranch | undefined {
  const status = lookup('delivery.status');
  if (status === 'lost') return chart.lost;
  if (status === 'undeliverable') return chart.undeliverable;
  if (status === 'intercepted') return chart.intercepted;
  if (situation.reason === 'not-received') return chart.notReceived;
  if (situation.reason === 'surface-mismatch') {
    const kind = lookup('issue.mismatchKind');
    if (kind === 'missing-items' || kind === 'empty-parcel') return chart.missing;
    if (kind === 'wrong-item') return chart.wrongItem;
    return undefined;
  }
  if (situation.reason === 'quality' || situation.reason === 'misdescribed') return chart.quality;
  if (situation.reason === 'no-reason' && status === 'signed') return chart.sevenDay;
  return undefined;
}

function branchGuidance(branch: ChartBranch): string {
  const [name, ...steps] = branch.line.split(' ');
  switch (branch) {
    case chart.notReceived:
      return `按售后流程图“未收到”一支处理：${chain(steps)}，确认未收到后全额退款。`;
    case chart.wrongItem:
      return '按售后流程图“错发”一支处理：全额退款并退还买家寄回的运费；或安排退换：顾客退回 → 拆包处理 → 安排换发 → 告知单号 → 跟踪物流 → 签收后退还寄回运费。';
    case chart.quality:
      return `按售后流程图“质量问题”一支处理：全额退款并退还买家寄回的运费；或${chain(steps)}。`;
    default:
      return `按售后流程图“${name}”一支处理：${chain(steps)}。`;
  }
}

const CHART_ID = 'SOP-FLOWCHART';

export const flowChartRule = defineSopRule({
  meta: sopMeta({
    id: CHART_ID,
    title: '售后流程图',
  }),
  stage: 'handle',
  isRelevant: (situation, lookup) => chartBranch(situation, lookup) !== undefined,
  irrelevantNote: '流程图没有对应本案的分支（如假货、赠品、延迟发货）。',
  evaluate: (read, situation) => {
    const branch = chartBranch(situation, read.optional);
    if (!branch) return skip('流程图没有对应本案的分支。');
    const text = branchGuidance(branch);
    const name = branch.line.split(' ')[0];
    const yieldsTo = branch.resends ? refundYieldsTo(situation) : undefined;
    if (!yieldsTo) return guide(CHART_ID, `本案走流程图“${name}”一支。`, text);
    return guide(
      CHART_ID,
      `流程图安排补发，但平台裁决退款（${yieldsTo}）。`,
      `${text}但本案平台规则（${yieldsTo}）支持买家退款：补发须买家同意，买家要退款的按平台结果退款。`,
      yieldsTo,
    );
  },
});

const OFFLINE_ID = 'SOP-CONTACT-OFFLINE';

export const contactOfflineRule = defineSopRule({
  meta: sopMeta({
    id: OFFLINE_ID,
    title: '主动联系不在线的买家',
  }),
  stage: 'handle',
  // Whether the buyer is online is not a fact; these are the cases where the shop, not the buyer, must make the next
  // move, so the shop has to reach the buyer.
  isRelevant: (_situation, lookup) => {
    const status = lookup('delivery.status');
    return status === 'lost' || status === 'undeliverable' || status === 'refused' || lookup('delivery.recipientInfoWrong') === true;
  },
  irrelevantNote: '本案由买家主动发起，下一步不需要本店先联系买家。',
  evaluate: () =>
    guide(
      OFFLINE_ID,
      '本案需要本店主动联系买家。',
      '本案需要本店先联系买家（包裹丢失、无法投递、拒签或收件信息有误）：买家不在线时直接用电话、短信或微信联系，不要被动等买家来找。',
    ),
});
