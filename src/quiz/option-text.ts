import { partyLabels, resolutionLabels, ruleHeadById, type Party, type Resolution } from '../rules/index.ts';
import type { AnswerValue, AskedField } from './asked-fields.ts';
import { isSopField, isSopTimeField, type SopField } from './sop-fields.ts';

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The Chinese text of an option standing for `value` of `field`. */
export function optionText(field: AskedField, value: AnswerValue): string {
  if (isSopField(field)) return sopOptionText(field, value);
  if (value === null) return field.startsWith('freight') ? '不涉及该段运费' : '不适用';
  switch (field) {
    case 'resolution':
      return resolutionLabels[value as Resolution];
    case 'supported':
      return value === 'none' ? '不予受理，不支持任何一方' : `支持${partyLabels[value as Party]}`;
    case 'decidingRule': {
      const rule = ruleHeadById(String(value));
      return rule ? `${rule.title}（${rule.id}）` : String(value);
    }
    case 'freight.outbound':
    case 'freight.return':
    case 'freight.resend':
    case 'transitRisk.minor':
    case 'transitRisk.destroyed':
    case 'transitRisk.lost':
      return `${partyLabels[value as Party]}承担`;
    case 'testFee':
      return value === 'negotiate' ? '双方协商' : `${partyLabels[value as Party]}承担`;
    case 'refundAmount':
      return `${value} 元`;
    case 'sevenDayWindowEnd':
    case 'shipBy':
    case 'refundDueBy':
      return `${value} 前`;
    case 'shippedLate':
    case 'claimInSevenDayWindow':
    case 'validSigning':
    case 'sevenDayEligible':
      return yesNo(Boolean(value));
  }
}

const qualityRoutes: Readonly<Record<string, string>> = {
  normal: '常规处理（拍照核实后退换、修补或折扣补偿）',
  negotiate: '协商补偿，买家不同意再请示',
  'customer-fault': '客户责任，原则上不退换',
};

const reportPeriods: Readonly<Record<string, string>> = { weekly: '每周', monthly: '每月' };

function sopOptionText(field: SopField, value: AnswerValue): string {
  if (field.startsWith('sop.yieldsTo:')) {
    if (value === null) return '不让位，按本店规范办';
    const rule = ruleHeadById(String(value));
    return rule ? `让位于${rule.title}（${rule.id}）` : String(value);
  }
  if (value === null) return '不适用';
  if (typeof value === 'boolean') return yesNo(value);
  if (isSopTimeField(field)) return `${value} 前`;
  switch (field) {
    case 'sop.compensationDecidedBy':
    case 'sop.postageCapDecidedBy':
    case 'sop.escalateTo':
      return field === 'sop.escalateTo' ? `咨询${value}` : `由${value}决定`;
    case 'sop.postageCapYuan':
      return `${value} 元`;
    case 'sop.returnFreightBearer':
      return `${partyLabels[value as Party]}承担`;
    case 'sop.qualityRoute':
      return qualityRoutes[String(value)] ?? String(value);
    case 'sop.lostParcelReportPeriod':
    case 'sop.qualityReportPeriod':
      return reportPeriods[String(value)] ?? String(value);
    default:
      return String(value);
  }
}

/** Every value a field can take where the domain is small; used to pad distractors. */
export function fieldDomain(field: AskedField): readonly AnswerValue[] {
  if (isSopField(field)) {
    const yesNoFields: readonly string[] = ['sop.inShopWindow', 'sop.warehouseSignsCod', 'sop.buyerPrepaysFreight', 'sop.photosFirst'];
    if (field.startsWith('sop.applies:') || yesNoFields.includes(field)) return [true, false];
    if (field === 'sop.returnFreightBearer') return ['buyer', 'seller'];
    if (field === 'sop.qualityRoute') return Object.keys(qualityRoutes);
    return [];
  }
  switch (field) {
    case 'resolution':
      return ['refund', 'return-and-refund', 'pay-seller', 'reject', 'exchange', 'resend', 'partial-refund'];
    case 'supported':
      return ['buyer', 'seller'];
    case 'freight.outbound':
    case 'freight.return':
    case 'freight.resend':
    case 'transitRisk.minor':
    case 'transitRisk.destroyed':
    case 'transitRisk.lost':
      return ['buyer', 'seller'];
    case 'testFee':
      return ['seller', 'buyer', 'negotiate'];
    case 'shippedLate':
    case 'claimInSevenDayWindow':
    case 'validSigning':
    case 'sevenDayEligible':
      return [true, false];
    default:
      return [];
  }
}
