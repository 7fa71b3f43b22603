import { formatBeijingTime, ruleAreas, ruleById } from '../rules/index.ts';

/** A Beijing calendar date the way a certificate prints it, e.g. `2026年11月22日`. */
export function chineseDate(at: number): string {
  const [year, month, day] = formatBeijingTime(at).slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * The handbook areas a certificate's covered rules fall in, in handbook order, with how many rules of each. A printed
 * certificate names areas rather than dozens of rule ids; the verify page lists the rules themselves.
 */
export function coveredAreas(ruleIds: readonly string[]): { readonly title: string; readonly rules: number }[] {
  const counts = new Map<string, number>();
  for (const id of ruleIds) {
    const area = ruleById(id)?.area;
    if (area) counts.set(area, (counts.get(area) ?? 0) + 1);
  }
  return ruleAreas.filter((area) => counts.has(area.id)).map((area) => ({ title: area.title, rules: counts.get(area.id)! }));
}
