import { ruleById, type Resolution, type Ruling } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import type { ExpectedRuling } from './case-schema.ts';
import { compareDeadlines } from './compare-deadlines.ts';
import { compareSop } from './compare-sop.ts';
import { mismatchError, type Mismatch } from './expected-mismatch.ts';
import type { Locate } from './fact-issues.ts';
import { unknownRuleError } from './unknown-rule.ts';
import { amountText, partyText, resolutionText, ruleText } from './value-text.ts';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));
const optionsText = (options: readonly Resolution[] | undefined) =>
  options && options.length > 0 ? options.map(resolutionText).join('、') : '（买家没有可选的处理方式）';

/**
 * Compares every field the author gave in `expected` with the ruling; fields left out are not checked. Returns
 * EXPECTED_MISMATCH for a disagreement, UNKNOWN_RULE for a rule id the catalogue does not have, and
 * INVALID_FRONTMATTER for an expected time that cannot be read, in the order the fields are declared.
 */
export function compareExpected(file: string, expected: ExpectedRuling, ruling: Ruling, locate: Locate): AuthorError[] {
  const deciding = ruling.decidingRuleId;
  const mismatches: Mismatch[] = [];
  const errors: AuthorError[] = [];

  if (expected.resolution !== ruling.resolution) {
    const [wrote, decided] = [resolutionText(expected.resolution), resolutionText(ruling.resolution)];
    mismatches.push({ field: 'expected.resolution', wrote, decided, target: deciding, replacement: ruling.resolution });
  }
  if (expected.supported !== ruling.supported) {
    const [wrote, decided] = [partyText(expected.supported), partyText(ruling.supported)];
    mismatches.push({ field: 'expected.supported', wrote, decided, target: deciding, replacement: ruling.supported });
  }
  if (!ruleById(expected.decidingRule)) {
    const unknown = { field: 'expected.decidingRule', id: expected.decidingRule, kind: 'platform', decided: ruleText(deciding), fallback: deciding } as const;
    errors.push(unknownRuleError(file, locate, ruling, unknown));
  } else if (expected.decidingRule !== deciding) {
    const [wrote, decided] = [ruleText(expected.decidingRule), ruleText(deciding)];
    mismatches.push({ field: 'expected.decidingRule', wrote, decided, target: deciding, replacement: deciding });
  }
  mismatches.push(...compareFreight(expected, ruling), ...compareTransitRisk(expected, ruling));
  if (expected.refundAmount !== undefined && (ruling.refundAmount === undefined || Math.abs(expected.refundAmount - ruling.refundAmount) > 0.005)) {
    const [wrote, decided] = [amountText(expected.refundAmount), amountText(ruling.refundAmount)];
    mismatches.push({ field: 'expected.refundAmount', wrote, decided, target: deciding, replacement: ruling.refundAmount?.toString() });
  }
  if (expected.options !== undefined && !sameSet(expected.options, ruling.options ?? [])) {
    const replacement = ruling.options ? `[${ruling.options.join(', ')}]` : undefined;
    mismatches.push({ field: 'expected.options', wrote: optionsText(expected.options), decided: optionsText(ruling.options), target: deciding, replacement });
  }
  if (expected.testFee !== undefined && expected.testFee !== ruling.testFee) {
    const target = ruling.trace.some((step) => step.ruleId === 'R-TEST-FEE') ? 'R-TEST-FEE' : deciding;
    mismatches.push({ field: 'expected.testFee', wrote: partyText(expected.testFee), decided: partyText(ruling.testFee), target, replacement: ruling.testFee });
  }
  const deadlines = compareDeadlines(file, expected, ruling, locate);
  mismatches.push(...deadlines.mismatches);
  errors.push(...deadlines.errors, ...compareSop(file, expected, ruling, locate));

  return [...mismatches.map((found) => mismatchError(file, locate, ruling, found)), ...errors].sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
}

const order = ['resolution', 'supported', 'decidingRule', 'freight', 'transitRisk', 'refundAmount', 'options', 'testFee', 'shippedLate', 'claimInSevenDayWindow', 'sevenDayWindowEnd', 'shipBy', 'sop', 'overriddenSop'];
const fieldOrder = (field: string) => order.indexOf(field.split('.')[1] ?? '');

type Bearers = { readonly outbound: string | null; readonly return: string | null; readonly resend?: string | undefined };
const bearersText = (value: Bearers | null) =>
  value === null
    ? 'null（商品没有移动，不涉及运费）'
    : `发货 ${partyText(value.outbound)}，退货 ${partyText(value.return)}${value.resend ? `，再次发货 ${partyText(value.resend)}` : ''}`;

function compareFreight(expected: ExpectedRuling, ruling: Ruling): Mismatch[] {
  const { freight } = ruling;
  const wanted = expected.freight;
  if (wanted === null || freight === null) {
    if (wanted === freight) return [];
    const replacement = freight === null ? 'null' : `{ outbound: ${freight.outbound}, return: ${freight.return}${freight.resend ? `, resend: ${freight.resend}` : ''} }`;
    return [{ field: 'expected.freight', wrote: bearersText(wanted), decided: bearersText(freight), target: freight?.ruleId ?? ruling.decidingRuleId, replacement }];
  }
  return (['outbound', 'return', 'resend'] as const)
    .filter((leg) => !(leg === 'resend' && wanted.resend === undefined) && wanted[leg] !== freight[leg])
    .map((leg) => ({
      field: `expected.freight.${leg}`,
      wrote: partyText(wanted[leg]),
      decided: partyText(freight[leg]),
      target: freight.ruleId,
      replacement: freight[leg] === undefined ? undefined : String(freight[leg]),
    }));
}

const legText = (value: string) => `${value}（${value === 'outbound' ? '发货途中' : '退货途中'}）`;

function compareTransitRisk(expected: ExpectedRuling, ruling: Ruling): Mismatch[] {
  const wanted = expected.transitRisk;
  if (wanted === undefined) return [];
  const risk = ruling.transitRisk;
  if (risk === null) {
    return [{ field: 'expected.transitRisk', wrote: `${legText(wanted.leg)}的风险分配`, decided: '（本案不涉及运输风险）', target: ruling.decidingRuleId, replacement: undefined }];
  }
  return (['leg', 'minor', 'destroyed', 'lost'] as const)
    .filter((key) => wanted[key] !== risk[key])
    .map((key) => {
      const text = key === 'leg' ? legText : partyText;
      return { field: `expected.transitRisk.${key}`, wrote: text(wanted[key]), decided: text(risk[key]), target: risk.ruleId, replacement: risk[key] };
    });
}
