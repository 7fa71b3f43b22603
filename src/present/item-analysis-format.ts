import type { AnalysisFlag, Discrimination, ItemAnalysisRow, ItemStatistics } from '../quiz/index.ts';

export const FLAG_LABELS: Record<AnalysisFlag, string> = {
  'too-hard': '过难：通过率低于 20%',
  'too-easy': '过易：通过率高于 95%',
  'negative-discrimination': '区分度为负：高分组反而答得更差',
  'unused-distractor': '有干扰项无人选择',
};

export const FLAG_SHORT: Record<AnalysisFlag, string> = {
  'too-hard': '过难',
  'too-easy': '过易',
  'negative-discrimination': '区分度为负',
  'unused-distractor': '干扰项无人选',
};

export const TYPE_LABELS: Record<ItemAnalysisRow['type'], string> = {
  single: '单选',
  multiple: '多选',
  truefalse: '判断',
  ordering: '排序',
};

/** How the table can be ordered: `?sort=` values and their labels. */
export const SORTS = {
  flags: '先看有标记的',
  facility: '通过率从低到高',
  discrimination: '区分度从低到高',
  id: '按题号',
} as const;
export type SortKey = keyof typeof SORTS;

export const isSortKey = (value: string | null): value is SortKey => value !== null && value in SORTS;

/** A statistic with two decimals, e.g. `0.60`, `−0.33`; `—` when there is none. */
export function decimal(value: number | null): string {
  if (value === null) return '—';
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== '0.00' ? `−${text}` : text;
}

/** A share as a percentage with one decimal where needed, e.g. `60%`, `33.3%`. */
export function share(value: number): string {
  return `${Number((value * 100).toFixed(1))}%`;
}

export function upperLower(discrimination: Discrimination): string {
  return discrimination.status === 'ok' ? decimal(discrimination.upperLower) : '数据不足';
}

export function pointBiserial(discrimination: Discrimination): string {
  return discrimination.status === 'ok' ? decimal(discrimination.pointBiserial) : '数据不足';
}

const NO_VALUE = Number.POSITIVE_INFINITY;
const facilityKey = (stats: ItemStatistics) => stats.facility ?? NO_VALUE;
const discriminationKey = (stats: ItemStatistics) => (stats.discrimination.status === 'ok' ? stats.discrimination.upperLower : NO_VALUE);

/** Rows in the chosen order; ties (and the `id` order) fall back to the row id, so the order is stable. */
export function sortRows(rows: readonly ItemAnalysisRow[], sort: SortKey): ItemAnalysisRow[] {
  const byId = (a: ItemAnalysisRow, b: ItemAnalysisRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const flagged = (row: ItemAnalysisRow) => row.stats.flags.length + row.variants.reduce((sum, variant) => sum + variant.flags.length, 0);
  const compare: Record<SortKey, (a: ItemAnalysisRow, b: ItemAnalysisRow) => number> = {
    flags: (a, b) => flagged(b) - flagged(a) || byId(a, b),
    facility: (a, b) => facilityKey(a.stats) - facilityKey(b.stats) || byId(a, b),
    discrimination: (a, b) => discriminationKey(a.stats) - discriminationKey(b.stats) || byId(a, b),
    id: byId,
  };
  return [...rows].sort(compare[sort]);
}

/** Letter of the n-th option as the chart labels it: A, B, C… */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** An id usable in HTML ids and anchors (variant ids contain `~`). */
export const anchorId = (id: string) => `item-${id.replace(/[^a-z0-9-]/gi, '_')}`;
