import { formatBeijingTime, partyLabels, resolutionLabels, ruleById, type Resolution } from '../rules/index.ts';

/** A value as the author would recognise it from their YAML: strings bare, absence spelled out. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return '（没有填写）';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? '（空）' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => quoteValue(item)).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

// Labels that already end in a parenthesis read better with a comma inside the outer one.
const flatten = (label: string) => label.replace(/（(.*)）$/, '，$1');

/** `refund（退款，买家无需退货）` */
export function resolutionText(value: Resolution): string {
  return `${value}（${flatten(resolutionLabels[value])}）`;
}

/** `seller（卖家）`; null reads as nobody bearing that leg. */
export function partyText(value: string | null | undefined): string {
  if (value === undefined) return '（没有给出）';
  if (value === null) return 'null（没有这段运输，无人承担）';
  const label = value === 'negotiate' ? '双方协商' : partyLabels[value as keyof typeof partyLabels];
  return label ? `${value}（${label}）` : value;
}

export function booleanText(value: boolean | undefined): string {
  if (value === undefined) return '（没有给出）';
  return value ? 'true（是）' : 'false（否）';
}

export function amountText(value: number | undefined): string {
  return value === undefined ? '（没有给出退款金额）' : `${value} 元`;
}

export function instantText(value: number | undefined): string {
  return value === undefined ? '（没有给出：缺少计算它所需的事实）' : formatBeijingTime(value);
}

/** `R-7DAY-WINDOW 七天无理由退货期限`, or the bare id when the catalogue does not know it. */
export function ruleText(id: string): string {
  const rule = ruleById(id);
  return rule ? `${id} ${rule.title}` : id;
}
