/** How the sandbox words a ruling's values in Chinese; pure, so the change summary and the panel agree. */
import {
  formatBeijingTime,
  partyLabels,
  resolutionLabels,
  riskLabels,
  type Deadlines,
  type Party,
  type Resolution,
  type Ruling,
  type TransitRisk,
} from '../../rules/index.ts';

export function partyText(party: Party | 'none' | null | undefined): string {
  return party ? partyLabels[party] : '无';
}

export function resolutionText(resolution: Resolution): string {
  return resolutionLabels[resolution];
}

export function yuanText(amount: number | undefined): string {
  return amount === undefined ? '—' : `${amount} 元`;
}

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '—' : value ? '是' : '否';
}

export function testFeeText(fee: Ruling['testFee']): string {
  if (fee === undefined) return '—';
  return fee === 'negotiate' ? '双方协商' : partyText(fee);
}

const legLabels: Readonly<Record<TransitRisk['leg'], string>> = { outbound: '发货途中', return: '退货途中' };

export function transitRiskText(risk: TransitRisk | null): string {
  if (!risk) return '—';
  const parts = (['minor', 'destroyed', 'lost'] as const).map((kind) => `${riskLabels[kind]}由${partyText(risk[kind])}承担`);
  return `${legLabels[risk.leg]}：${parts.join('，')}`;
}

export function optionsText(options: readonly Resolution[] | undefined): string {
  return options && options.length > 0 ? options.map(resolutionText).join('、') : '—';
}

/** Deadline rows in display order, with their Chinese names. */
export const deadlineLabels: Readonly<Record<keyof Deadlines, string>> = {
  shipBy: '最晚发货时间',
  shippedAt: '认定的发货时间',
  shippedLate: '延迟发货',
  sevenDayWindowStart: '七天无理由起算',
  sevenDayWindowEnd: '七天无理由截止（不含此刻）',
  claimInSevenDayWindow: '申请在七天期限内',
  refundDueBy: '最晚退款时间',
};

export function deadlineText(value: number | boolean | undefined): string {
  if (typeof value === 'boolean') return yesNo(value);
  return value === undefined ? '—' : `${formatBeijingTime(value)}（北京时间）`;
}
