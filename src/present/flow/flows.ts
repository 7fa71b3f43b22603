import { negotiationLadder, serviceFlow, type ShopPolicy } from '../../rules/index.ts';
import { layoutChain, layoutLanes, type ChainStep, type Diagram } from './layout.ts';

/** A step as the text alternative lists it; `ruleId` links the step to the rule it rests on. */
export interface FlowStep extends ChainStep {
  readonly ruleId?: string;
}

interface FlowBase {
  /** Anchor on /flows, permanent. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what the diagram shows and where it comes from (becomes the SVG's <desc>). */
  readonly summary: string;
  /** Rules the whole diagram rests on. */
  readonly ruleIds: readonly string[];
}

export interface ChainFlow extends FlowBase {
  readonly kind: 'chain';
  readonly steps: readonly FlowStep[];
  readonly skips?: readonly { readonly from: number; readonly to: number; readonly label: string }[];
  readonly indent?: number;
  /** Width of the note column beside the boxes (default 10 characters). */
  readonly noteWidth?: number;
}

export interface LaneFlow extends FlowBase {
  readonly kind: 'lanes';
  readonly lanes: readonly { readonly head: string; readonly alternatives: readonly (readonly FlowStep[])[]; readonly note?: string }[];
}

export type Flow = ChainFlow | LaneFlow;

const outcome = (label: string): FlowStep => ({ label, tone: 'outcome' });
const steps = (...labels: string[]): FlowStep[] => labels.map((label) => ({ label }));

/**
 * The shop's after-sales flow chart (seed 000 “售后流程图”), one lane per kind of problem. Wording follows the seed;
 * the seed's typo 反应 is written 反映, and its notes in braces become parentheses.
 */
export function afterSalesChart(): LaneFlow {
  return {
    kind: 'lanes',
    id: 'after-sales',
    title: '售后流程图',
    summary:
      '本店售后流程图：按问题类型分为未收到、丢件、查件拦件、疑难件、少发、低价销售、错发、质量问题、七天无理由九支，每支从左到右依次处理。这是本店规范，平台规则支持买家退款时，补发等安排须征得买家同意。',
    ruleIds: ['SOP-FLOWCHART'],
    lanes: [
      { head: '未收到', alternatives: [[...steps('联系快递', '回复顾客', '回访顾客'), outcome('确认未收到：全额退款')]] },
      { head: '丢件', alternatives: [[...steps('核实信息', '注意登记', '补发', '告知单号', '跟踪物流', '回访顾客')]] },
      {
        head: '查件拦件',
        alternatives: [[...steps('拦件（因错发重发或换快递）', '联系快递退回', '跟踪信息', '收到拆包', '退回仓库')]],
      },
      { head: '疑难件', alternatives: [[...steps('快递反映派送未成功', '联系顾客', '回复快递', '回访顾客')]] },
      { head: '少发', alternatives: [[...steps('核实信息与重量', '确定少发', '补发', '告知单号', '跟踪物流', '回访顾客')]] },
      { head: '低价销售（已发货）', alternatives: [[...steps('顾客申请'), outcome('同意退部分款')]] },
      {
        head: '错发',
        alternatives: [
          [outcome('全额退款 + 退还寄回运费')],
          [...steps('安排退换', '顾客退回', '拆包处理', '安排换发', '告知单号', '跟踪物流'), outcome('签收后退还寄回运费')],
        ],
      },
      {
        head: '质量问题',
        alternatives: [
          [outcome('全额退款 + 退还寄回运费')],
          [...steps('安排退换', '顾客退回', '拆包处理', '安排换发', '告知单号', '跟踪物流'), outcome('签收后退还寄回运费')],
        ],
        note: '特殊情况（明显是买得不合适而找问题要求退换）：在不惹怒顾客的前提下尽量争取。',
      },
      { head: '七天无理由退换', alternatives: [[...steps('买家申请', '卖家同意', '买家退货', '拆包处理', '退回仓库')]] },
    ],
  };
}

// What each default step means, from the seeds' notes (000 基本步骤, 004 工作技巧); a renamed step simply has no note.
const stepNotes: Readonly<Record<string, string>> = {
  安抚顾客: '即时回复，先致歉、安抚情绪',
  核实信息: '核对订单和物流，请买家拍照留证',
  联系处理: '按流程图对应的一支处理，登记表格',
  跟踪进度: '需要跟踪的问题注意跟踪',
  回访顾客: '回访了解满意度和意见',
};

/** The shop's service flow, read from the shop policy (`flow`). */
export function serviceFlowChart(policy: ShopPolicy): ChainFlow {
  const flow = serviceFlow(policy);
  return {
    kind: 'chain',
    id: 'service-flow',
    title: '售后标准流程',
    summary: `本店每个售后问题都按 ${flow.length} 步处理：${flow.map((s) => s.step).join('、')}。步骤来自本店规范配置。`,
    ruleIds: ['SOP-FLOW'],
    steps: flow.map((s) => ({
      label: `${s.order}. ${s.step}`,
      ...(stepNotes[s.step] ? { note: stepNotes[s.step]! } : {}),
    })),
  };
}

/** The shop's negotiation ladder, read from the shop policy (`ladder`), drawn as a staircase. */
export function negotiationChart(policy: ShopPolicy): ChainFlow {
  const ladder = negotiationLadder(policy);
  return {
    kind: 'chain',
    id: 'ladder',
    title: '协商阶梯',
    summary: `质量问题和不满意的售后按 ${ladder.length} 级逐级协商：${ladder.map((s) => s.action).join('、')}；买家不接受上一级再提下一级。平台规则支持买家时，买家坚持就按平台结果办理。`,
    ruleIds: ['SOP-LADDER'],
    indent: 22,
    steps: ladder.map((s, index) => ({
      label: `${s.order}. ${s.action}`,
      ...(s.note ? { note: s.note } : {}),
      ...(index === ladder.length - 1 ? { tone: 'outcome' as const } : {}),
    })),
  };
}

/** How a dispute reaches 淘宝 and ends, per 《淘宝平台争议处理规则》. */
export function interventionChart(): ChainFlow {
  return {
    kind: 'chain',
    id: 'intervention',
    title: '平台介入流程',
    summary:
      '依据《淘宝平台争议处理规则》：买家申请后卖家处理，双方先协商；协商一致即按约定执行，协商不成可申请淘宝小二介入，双方举证后由淘宝判定，最后通知支付机构执行。',
    ruleIds: ['R-GEN-INTERVENTION', 'R-GEN-EVIDENCE', 'R-PROC-EXECUTE'],
    skips: [{ from: 2, to: 6, label: '协商一致' }],
    steps: [
      { label: '买家申请', note: '在规定时限内在线发起维权（第四条）', ruleId: 'R-ACCEPT-DEADLINE' },
      { label: '卖家处理', note: '同意、拒绝，或提出其他方案' },
      { label: '协商', note: '有约定的从约定（第七条）', ruleId: 'R-GEN-ORDER-OF-SOURCES' },
      { label: '申请小二介入', note: '任一方投诉，淘宝依规则处理（第二条）', ruleId: 'R-GEN-INTERVENTION' },
      { label: '举证', note: '双方按规则举证，对证据的真实性负责（第八、九条）', ruleId: 'R-GEN-EVIDENCE' },
      { label: '淘宝判定', note: '基于普通人的认知认定责任（第九条）', ruleId: 'R-GEN-EVIDENCE' },
      { label: '执行', note: '通知支付机构按结果付款（第八十四至八十六条）', ruleId: 'R-PROC-EXECUTE', tone: 'outcome' },
    ],
  };
}

/** Every diagram on /flows, in reading order. */
export function allFlows(policy: ShopPolicy): Flow[] {
  return [afterSalesChart(), serviceFlowChart(policy), negotiationChart(policy), interventionChart()];
}

/** Positions a flow's boxes and arrows. */
export function layoutFlow(flow: Flow): Diagram {
  if (flow.kind === 'lanes') return layoutLanes(flow.lanes);
  return layoutChain(flow.steps, {
    noteWidth: flow.steps.some((s) => s.note) ? (flow.noteWidth ?? 10 * 13) : 0,
    ...(flow.indent ? { indent: flow.indent } : {}),
    ...(flow.skips ? { skips: flow.skips } : {}),
  });
}
