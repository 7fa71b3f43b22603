import { formatBeijingTime, ruleHeads, type Ruling } from '../rules/index.ts';
import type { AskedField } from './asked-fields.ts';
import type { Item, Sequence } from './item-schema.ts';
import type { Key } from './keys.ts';

/** A value a SOP field reads off a ruling (same shape as `AnswerValue`, which imports this module's types). */
type SopAnswer = string | number | boolean | null;

interface SopValueField {
  /** The SOP rule whose guidance carries the value. */
  readonly rule: string;
  /** The key in that guidance's `values`. */
  readonly value: string;
  /** Label in messages and author docs (Chinese). */
  readonly label: string;
  /** The value is an epoch-ms instant, asked as a Beijing time `YYYY-MM-DD HH:mm`. */
  readonly time?: true;
}

/**
 * The shop-SOP findings a question can ask about, each computed by one SOP rule from the facts and
 * content/policy/shop.json. A field is null when its rule does not apply to the scenario (or cannot tell).
 */
export const sopValueFields = {
  'sop.compensationDecidedBy': { rule: 'SOP-COMP-RANGE', value: 'decidedBy', label: '约定补偿金额由谁决定' },
  'sop.postageCapYuan': { rule: 'SOP-COMP-POSTAGE-CAP', value: 'capYuan', label: '轻微质量问题折价上限（邮费）' },
  'sop.postageCapDecidedBy': { rule: 'SOP-COMP-POSTAGE-CAP', value: 'decidedBy', label: '轻微质量问题折价由谁决定' },
  'sop.firstReplyBy': { rule: 'SOP-FIRST-RESPONSE', value: 'replyBy', label: '首次回复最迟时间', time: true },
  'sop.complaintReplyBy': { rule: 'SOP-REPLY-24H', value: 'replyBy', label: '投诉最迟回复时间', time: true },
  'sop.complaintResolveBy': { rule: 'SOP-REPLY-24H', value: 'resolveBy', label: '投诉最迟解决时间', time: true },
  'sop.logisticsResolveBy': { rule: 'SOP-RESOLVE-48H', value: 'resolveBy', label: '物流问题最迟解决时间', time: true },
  'sop.auditBy': { rule: 'SOP-AUDIT-72H', value: 'auditBy', label: '退换货申请最迟审核时间', time: true },
  'sop.refundBy': { rule: 'SOP-AUDIT-72H', value: 'refundBy', label: '收到退货后最迟退款时间', time: true },
  'sop.replacementShipBy': { rule: 'SOP-AUDIT-72H', value: 'shipBy', label: '收到换货退回后最迟寄出新货时间', time: true },
  'sop.shopWindowEnd': { rule: 'SOP-RETURN-WINDOWS', value: 'windowEnd', label: '本店退换货受理期限截止', time: true },
  'sop.inShopWindow': { rule: 'SOP-RETURN-WINDOWS', value: 'inWindow', label: '是否在本店受理期限内' },
  'sop.warehouseSignsCod': { rule: 'SOP-NO-COD', value: 'signsForCod', label: '仓库是否签收到付退货件' },
  'sop.returnFreightBearer': { rule: 'SOP-FREIGHT-PREPAY', value: 'finalBearer', label: '退换货运费最终由谁承担（本店做法）' },
  'sop.buyerPrepaysFreight': { rule: 'SOP-FREIGHT-PREPAY', value: 'buyerPrepays', label: '是否请买家先垫付运费' },
  'sop.qualityRoute': { rule: 'SOP-QUALITY-3DAY', value: 'route', label: '质量问题分流' },
  'sop.qualityTriageEnd': { rule: 'SOP-QUALITY-3DAY', value: 'triageEnd', label: '质量问题常规处理分流线', time: true },
  'sop.photosFirst': { rule: 'SOP-QUALITY-PHOTO', value: 'photosFirst', label: '是否先凭照片确认再寄回' },
  'sop.escalateTo': { rule: 'SOP-MANAGER-ESCALATE', value: 'escalateTo', label: '投诉维权向谁上报' },
  'sop.lostParcelReportPeriod': { rule: 'SOP-LOST-PARCEL-REPORT', value: 'period', label: '丢件汇总周期' },
  'sop.qualityReportPeriod': { rule: 'SOP-QUALITY-REPORT', value: 'period', label: '质量问题汇总周期' },
} as const satisfies Record<string, SopValueField>;

export type SopValueFieldId = keyof typeof sopValueFields;
/** `sop.applies:SOP-REGISTER`: whether the shop rule gives guidance in this scenario (yes/no). */
export type SopAppliesField = `sop.applies:${string}`;
/** `sop.yieldsTo:SOP-RETURN-WINDOWS`: the platform or law rule the shop rule yields to here, or null. */
export type SopYieldsField = `sop.yieldsTo:${string}`;
export type SopField = SopValueFieldId | SopAppliesField | SopYieldsField;

// Heads, not the catalogue: quiz reaches islands (the exam editor), which should not bundle the rules' quoted texts.
const sopRuleIds = [...ruleHeads.values()].filter((rule) => rule.kind === 'sop').map((rule) => rule.id).sort();

/** Every SOP field id, value fields first, then the per-rule `applies` and `yieldsTo` fields in catalogue order. */
export const sopFieldIds: readonly SopField[] = [
  ...(Object.keys(sopValueFields) as SopValueFieldId[]),
  ...sopRuleIds.map((id): SopAppliesField => `sop.applies:${id}`),
  ...sopRuleIds.map((id): SopYieldsField => `sop.yieldsTo:${id}`),
];

const sopFieldSet: ReadonlySet<string> = new Set(sopFieldIds);

export function isSopField(field: string): field is SopField {
  return sopFieldSet.has(field);
}

/** The SOP rule that computes `field`. */
export function sopFieldRule(field: SopField): string {
  if (field in sopValueFields) return sopValueFields[field as SopValueFieldId].rule;
  return field.slice(field.indexOf(':') + 1);
}

/** Whether the field's value is a Beijing time. */
export function isSopTimeField(field: SopField): boolean {
  return field in sopValueFields && 'time' in sopValueFields[field as SopValueFieldId];
}

/** Chinese label of a SOP field, e.g. `本店规则 SOP-REGISTER 是否适用`. */
export function sopFieldLabel(field: SopField): string {
  if (field in sopValueFields) return sopValueFields[field as SopValueFieldId].label;
  const rule = sopFieldRule(field);
  return field.startsWith('sop.applies:') ? `本店规则 ${rule} 是否适用` : `本店规则 ${rule} 让位于哪条平台规则`;
}

/**
 * Reads a SOP field off a ruling's SOP guidance: the guidance of the field's rule (absent when the rule did not apply),
 * its `overriddenBy`, or one of its `values` (instants as Beijing time).
 */
export function sopAnswer(field: SopField, ruling: Ruling): SopAnswer {
  const rule = sopFieldRule(field);
  const guidance = ruling.sop.find((entry) => entry.ruleId === rule);
  if (field.startsWith('sop.applies:')) return guidance !== undefined;
  if (field.startsWith('sop.yieldsTo:')) return guidance?.overriddenBy ?? null;
  const spec: SopValueField = sopValueFields[field as SopValueFieldId];
  const value = guidance?.values?.[spec.value] ?? null;
  return spec.time && typeof value === 'number' ? formatBeijingTime(value) : value;
}

/** The SOP rule each shop sequence is keyed from. */
export const sequenceRules: Readonly<Record<Sequence, string>> = { 'service-flow': 'SOP-FLOW', 'negotiation-ladder': 'SOP-LADDER' };

/** The field each of an item's keyed parts asks, aligned with `key.rulings` (statements in order). */
function askedParts(item: Item): readonly AskedField[][] {
  switch (item.type) {
    case 'single':
      // A reply item rests on every promise of every reply: changing any of them can change which reply is right.
      if ('ask' in item) return [[item.ask]];
      return [item.options.flatMap((option) => option.promises.map((claim) => claim.ask))];
    case 'truefalse':
      return [[item.claim.ask]];
    case 'multiple':
      return item.statements.map((statement) => [statement.claim.ask]);
    case 'ordering':
      return [];
  }
}

/**
 * The rules an item's key rests on, each once: for a part of the platform ruling, `decisive(ruling)` of the ruling that
 * answered it; for a shop-SOP field, the SOP rule that computed it; for an ordering item, the SOP rule of its sequence.
 */
export function keyRules(item: Item, key: Key, decisive: (ruling: Ruling) => readonly string[]): string[] {
  if (item.type === 'ordering') return [sequenceRules[item.sequence]];
  const ids = new Set<string>();
  askedParts(item).forEach((fields, index) => {
    const ruling = key.rulings[index];
    for (const field of fields) {
      if (isSopField(field)) ids.add(sopFieldRule(field));
      else if (ruling) for (const id of decisive(ruling)) ids.add(id);
    }
  });
  return [...ids];
}
