import { partyLabels, resolutionLabels, ruleById, type Party, type Resolution } from '../rules/index.ts';
import type { AnswerValue, AskedField } from './asked-fields.ts';

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The Chinese text of an option standing for `value` of `field`. */
export function optionText(field: AskedField, value: AnswerValue): string {
  if (value === null) return field.startsWith('freight') ? '不涉及该段运费' : '不适用';
  switch (field) {
    case 'resolution':
      return resolutionLabels[value as Resolution];
    case 'supported':
      return value === 'none' ? '不予受理，不支持任何一方' : `支持${partyLabels[value as Party]}`;
    case 'decidingRule': {
      const rule = ruleById(String(value));
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

/** Every value a field can take where the domain is small; used to pad distractors. */
export function fieldDomain(field: AskedField): readonly AnswerValue[] {
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
