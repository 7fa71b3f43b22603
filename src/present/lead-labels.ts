import { editions, ruleById } from '../rules/index.ts';

// Chinese wording for the lead pages' reports (/lead/impact, /lead/items): no edition ids, field slugs or raw enum
// values. The authoring layer keeps its own `buyer（买家承担）` form for author messages and the CLI.

/** An edition's Chinese title: 「2025 年 8 月 15 日修订版」, not its id. */
export function editionLabel(id: string): string {
  return editions.find((edition) => edition.id === id)?.title ?? id;
}

/** A rule's Chinese title, or its id when the catalogue no longer has it. */
export function ruleLabel(id: string): string {
  return ruleById(id)?.title ?? id;
}

// `buyer（买家承担）`, `null（不适用）`, `true（是）`: the author's form of a value, code first, meaning in brackets.
// The meaning may hold brackets of its own: `refund（退款（买家无需退货））`.
const AUTHOR_VALUE = /(?<![A-Za-z0-9_.~:-])[A-Za-z0-9_.:~-]*[A-Za-z][A-Za-z0-9_.:~-]*（((?:[^（）]|（[^（）]*）)+)）/g;
// `R-7DAY-WINDOW 七天无理由退货期限`: a rule id before its title.
const RULE_ID_BEFORE_TITLE = /(?<![A-Za-z0-9-])(?:R|SOP)-[A-Z0-9-]+ (?=[\u4e00-\u9fff])/g;

// `：free=false，carrier=used`: a template's parameters, which only an author can read.
const TEMPLATE_PARAMETER = /[：，]?[A-Za-z][A-Za-z0-9]*=[^，：\s]+/g;

/**
 * A report text written for authors (src/authoring's value form) as a lead reads it: `buyer（买家承担）` becomes
 * `买家承担`, `R-SHIP-DEADLINE 发货时限` becomes `发货时限`, a template's parameters (`：free=false，carrier=used`) are left out; other
 * text is left as it is.
 */
export function leadText(text: string): string {
  return text.replace(AUTHOR_VALUE, '$1').replace(RULE_ID_BEFORE_TITLE, '').replace(TEMPLATE_PARAMETER, '');
}

/** At most `max` characters of `text`, ending in 「…」 when cut (a stem as a table's row name). */
export function clipText(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A template variant's name for leads: 「变体（种子 7）」 from its stored id `templateId~7`. */
export function variantLabel(variantId: string): string {
  const seed = variantId.slice(variantId.lastIndexOf('~') + 1);
  return variantId.includes('~') ? `变体（种子 ${seed}）` : variantId;
}
