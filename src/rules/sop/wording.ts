import { formatBeijingTime, type Instant } from '../beijing-time.ts';
import type { ShopPolicy } from '../shop-policy.ts';

export const reportPeriodLabels: Readonly<Record<ShopPolicy['reports']['lostParcels'], string>> = {
  weekly: '每周',
  monthly: '每月',
};

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** `['解释', '补偿']` → `①解释 → ②补偿`; steps past the twentieth are numbered `(21)`. */
export function numberedChain(steps: readonly string[]): string {
  return steps.map((step, index) => `${CIRCLED[index] ?? `(${index + 1})`}${step}`).join(' → ');
}

export function chain(steps: readonly string[]): string {
  return steps.join(' → ');
}

/** Beijing time as `YYYY-MM-DD HH:mm`. */
export function at(instant: Instant): string {
  return formatBeijingTime(instant);
}

/** The compensation authority sentence, e.g. `补偿 5–30 元内可直接处理，超过 30 元须店长审批`. */
export function compensationAuthority(policy: ShopPolicy): string {
  const { minYuan, maxYuanWithoutApproval, approverAbove } = policy.compensation;
  return `补偿 ${minYuan}–${maxYuanWithoutApproval} 元内可直接处理，超过 ${maxYuanWithoutApproval} 元须${approverAbove}审批`;
}
