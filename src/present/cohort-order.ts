const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; anything else unchanged. */
function hanNumber(text: string): string {
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || (!match[2] && match[3])) return text;
  const [, tens, ten, ones] = match;
  const value = ten ? (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0) : DIGITS[tens!]!;
  return String(value);
}

/**
 * Orders cohort names as a lead reads them: 售后一组, 售后二组, …, 售后十组 (Chinese numerals count as numbers, as do
 * Arabic ones: 2组 before 10组), then by Chinese collation.
 */
export function compareCohorts(a: string, b: string): number {
  const key = (name: string) => name.replace(/[一二两三四五六七八九十]+/g, hanNumber);
  return NUMERIC.compare(key(a), key(b)) || PLAIN.compare(a, b);
}

// `localeCompare` with a locale builds a collator on every call: sorting 2,500 accounts took seconds. Same order.
const NUMERIC = new Intl.Collator('zh-CN', { numeric: true });
const PLAIN = new Intl.Collator('zh-CN');
