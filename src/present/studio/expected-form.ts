import { formatBeijingTime, parseBeijingTime, partyLabels, resolutionLabels, resolutions, type Ruling } from '../../rules/index.ts';

/**
 * The expected ruling of a case as a form. Each field either follows the engine (its value is the live ruling's),
 * is overridden by the author (a value typed or picked), or is left out of the file (not checked by the gate).
 * The four fields every case teaches (resolution, supported, decidingRule, freight) cannot be left out.
 */
export type ExpectedMode = 'engine' | 'override' | 'omit';

export interface ExpectedFieldState {
  readonly mode: ExpectedMode;
  /** The author's value as form text ('' until typed); meaningful in `override` mode. */
  readonly text: string;
}

export type ExpectedFieldKind = 'enum' | 'boolean' | 'time' | 'number' | 'ids';

export interface ExpectedFieldSpec {
  /** Dotted path below `expected`, also the gate's field name after `expected.` (`freight.return`). */
  readonly key: string;
  readonly label: string;
  readonly kind: ExpectedFieldKind;
  /** Options for enums; the value `null` is written as the text 'null'. */
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly required: boolean;
  readonly hint: string;
}

const parties = [
  { value: 'buyer', label: partyLabels.buyer },
  { value: 'seller', label: partyLabels.seller },
];
const legOptions = [...parties, { value: 'null', label: '不涉及（这一段没有运输）' }];

/** The fields the editor offers, in the order the gate reports and the file lists them. */
export const EXPECTED_FIELDS: readonly ExpectedFieldSpec[] = [
  { key: 'resolution', label: '处理结果', kind: 'enum', required: true, hint: '', options: resolutions.map((value) => ({ value, label: resolutionLabels[value] })) },
  { key: 'supported', label: '支持哪一方', kind: 'enum', required: true, hint: '', options: [...parties, { value: 'none', label: '无（不予受理）' }] },
  { key: 'decidingRule', label: '决定结果的规则', kind: 'ids', required: true, hint: '平台或法律规则编号（R- 开头）。', options: [] },
  { key: 'freight.outbound', label: '发货运费承担方', kind: 'enum', required: true, hint: '', options: legOptions },
  { key: 'freight.return', label: '退货运费承担方', kind: 'enum', required: true, hint: '', options: legOptions },
  { key: 'freight.resend', label: '再次发货运费承担方', kind: 'enum', required: false, hint: '补寄、换货或再次发回时填写。', options: parties },
  { key: 'refundAmount', label: '退款金额（元）', kind: 'number', required: false, hint: '', options: [] },
  {
    key: 'testFee',
    label: '检测费承担方',
    kind: 'enum',
    required: false,
    hint: '',
    options: [...parties, { value: 'negotiate', label: '双方协商' }],
  },
  { key: 'shippedLate', label: '是否延迟发货', kind: 'boolean', required: false, hint: '', options: [] },
  { key: 'claimInSevenDayWindow', label: '申请在七天无理由期限内', kind: 'boolean', required: false, hint: '', options: [] },
  { key: 'sevenDayWindowEnd', label: '七天无理由期限截止（不含）', kind: 'time', required: false, hint: '北京时间“YYYY-MM-DD HH:mm”。', options: [] },
  { key: 'shipBy', label: '最晚发货时刻', kind: 'time', required: false, hint: '北京时间“YYYY-MM-DD HH:mm”。', options: [] },
  { key: 'sop', label: '客服要执行的本店规范', kind: 'ids', required: false, hint: '规范编号，用逗号或空格分开。', options: [] },
  { key: 'overriddenSop', label: '被平台规则推翻的本店规范', kind: 'ids', required: false, hint: '规范编号，用逗号或空格分开。', options: [] },
];

export type ExpectedState = Readonly<Record<string, ExpectedFieldState>>;

/** Expected keys the form does not edit (transitRisk, options): carried from the file as they are. */
export const CARRIED_EXPECTED_KEYS = ['transitRisk', 'options'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), data);
}

/** The engine's value of one field for a ruling, in the shape the file writes it; undefined when the ruling has none. */
export function engineValue(key: string, ruling: Ruling): unknown {
  switch (key) {
    case 'resolution':
      return ruling.resolution;
    case 'supported':
      return ruling.supported;
    case 'decidingRule':
      return ruling.decidingRuleId;
    case 'freight.outbound':
      return ruling.freight ? ruling.freight.outbound : null;
    case 'freight.return':
      return ruling.freight ? ruling.freight.return : null;
    case 'freight.resend':
      return ruling.freight?.resend;
    case 'refundAmount':
      return ruling.refundAmount;
    case 'testFee':
      return ruling.testFee;
    case 'shippedLate':
      return ruling.deadlines.shippedLate;
    case 'claimInSevenDayWindow':
      return ruling.deadlines.claimInSevenDayWindow;
    case 'sevenDayWindowEnd':
      return ruling.deadlines.sevenDayWindowEnd === undefined ? undefined : formatBeijingTime(ruling.deadlines.sevenDayWindowEnd);
    case 'shipBy':
      return ruling.deadlines.shipBy === undefined ? undefined : formatBeijingTime(ruling.deadlines.shipBy);
    case 'sop':
      return ruling.sop.filter((guidance) => guidance.overriddenBy === undefined).map((guidance) => guidance.ruleId);
    case 'overriddenSop':
      return ruling.sop.filter((guidance) => guidance.overriddenBy !== undefined).map((guidance) => guidance.ruleId);
    default:
      return undefined;
  }
}

/** A value as the form shows it ('null' for null, ids joined by ', '). */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export type ParsedExpected = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Reads the form text of a field into the value the file holds, or says in Chinese what is wrong with it. */
export function parseExpectedText(spec: ExpectedFieldSpec, text: string): ParsedExpected {
  const trimmed = text.trim();
  switch (spec.kind) {
    case 'enum':
      if (trimmed === 'null' && spec.options.some((option) => option.value === 'null')) return { ok: true, value: null };
      if (spec.options.some((option) => option.value === trimmed)) return { ok: true, value: trimmed };
      return { ok: false, message: '请从列表里选择一项。' };
    case 'boolean':
      if (trimmed === 'true' || trimmed === 'false') return { ok: true, value: trimmed === 'true' };
      return { ok: false, message: '请选择“是”或“否”。' };
    case 'number': {
      const value = Number(trimmed);
      if (trimmed === '' || !Number.isFinite(value) || value < 0) return { ok: false, message: '请填写不小于 0 的数字，例如 399 或 12.5。' };
      return { ok: true, value };
    }
    case 'time':
      if (parseBeijingTime(trimmed) === null) return { ok: false, message: '时间格式不对：请写成“YYYY-MM-DD HH:mm”，例如“2025-09-11 00:00”。' };
      return { ok: true, value: trimmed };
    case 'ids': {
      const ids = trimmed.split(/[\s,，、]+/).filter(Boolean);
      if (spec.key === 'decidingRule') {
        if (ids.length !== 1) return { ok: false, message: '请填写一条规则编号，例如 R-7DAY-WINDOW。' };
        return { ok: true, value: ids[0] };
      }
      return { ok: true, value: ids };
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The form state for a case's `expected` as the file has it, next to the ruling of its facts: a field whose written
 * value is the engine's follows the engine; a different one is an override; an absent one is left out. Without a
 * ruling every written field is an override (nothing to follow yet). Required fields are never left out.
 */
export function expectedStateFrom(expected: unknown, ruling: Ruling | null): ExpectedState {
  const state: Record<string, ExpectedFieldState> = {};
  const freightIsNull = isRecord(expected) && expected.freight === null;
  for (const spec of EXPECTED_FIELDS) {
    const written = spec.key.startsWith('freight.') && freightIsNull ? (spec.key === 'freight.resend' ? undefined : null) : valueAt(expected, spec.key);
    if (written === undefined) {
      state[spec.key] = { mode: spec.required ? 'engine' : 'omit', text: '' };
      continue;
    }
    const follows = ruling !== null && sameValue(written, engineValue(spec.key, ruling));
    state[spec.key] = { mode: follows ? 'engine' : 'override', text: valueText(written) };
  }
  return state;
}

/**
 * The state for a new case: the four required fields and the SOP ids follow the engine; the deadline fields follow it
 * where the ruling computes them (a case about the 7-day window teaches its end); the rest are left out.
 */
export function newExpectedState(ruling: Ruling | null): ExpectedState {
  const state: Record<string, ExpectedFieldState> = {};
  const followWhenComputed = new Set(['claimInSevenDayWindow', 'sevenDayWindowEnd', 'shippedLate', 'shipBy', 'refundAmount']);
  for (const spec of EXPECTED_FIELDS) {
    let mode: ExpectedMode = spec.required ? 'engine' : 'omit';
    if (spec.key === 'sop' || spec.key === 'overriddenSop') {
      const ids = ruling ? (engineValue(spec.key, ruling) as string[]) : [];
      if (ids.length > 0) mode = 'engine';
    } else if (spec.key === 'freight.resend') {
      if (ruling?.freight?.resend !== undefined) mode = 'engine';
    } else if (followWhenComputed.has(spec.key) && ruling && engineValue(spec.key, ruling) !== undefined) {
      mode = 'engine';
    }
    state[spec.key] = { mode, text: '' };
  }
  return state;
}

export interface ExpectedFieldView {
  readonly spec: ExpectedFieldSpec;
  readonly state: ExpectedFieldState;
  /** The engine's value as text, '' when it has none (or there is no ruling). */
  readonly engineText: string;
  /** The value written to the file, undefined when left out. */
  readonly value: unknown;
  /** A problem with the typed text (format), in Chinese. */
  readonly textError?: string;
  /** True when the written value differs from the live ruling: the gate will refuse it. */
  readonly disagrees: boolean;
}

/** Every field as the form shows it, with the value the file will hold and whether it disagrees with the ruling. */
export function expectedFieldViews(state: ExpectedState, ruling: Ruling | null): ExpectedFieldView[] {
  return EXPECTED_FIELDS.map((spec) => {
    const field = state[spec.key] ?? { mode: spec.required ? 'engine' : 'omit', text: '' };
    const engine = ruling ? engineValue(spec.key, ruling) : undefined;
    const engineText = valueText(engine);
    if (field.mode === 'omit') return { spec, state: field, engineText, value: undefined, disagrees: false };
    // Without a ruling (facts not decidable yet) an engine field has no value; the editor passes the last ruling it had.
    if (field.mode === 'engine') return { spec, state: field, engineText, value: engine, disagrees: false };
    const parsed = parseExpectedText(spec, field.text);
    if (!parsed.ok) return { spec, state: field, engineText, value: undefined, textError: parsed.message, disagrees: false };
    const disagrees = ruling !== null && !agrees(spec, parsed.value, engine);
    return { spec, state: field, engineText, value: parsed.value, disagrees };
  });
}

/** The gate's own tolerance: sop lists need only be guidance the ruling gives; amounts agree to the cent. */
function agrees(spec: ExpectedFieldSpec, value: unknown, engine: unknown): boolean {
  if (spec.key === 'sop' || spec.key === 'overriddenSop') {
    return Array.isArray(value) && Array.isArray(engine) && value.every((id) => (engine as unknown[]).includes(id));
  }
  if (spec.key === 'refundAmount') return typeof engine === 'number' && Math.abs((value as number) - engine) <= 0.005;
  if (spec.key === 'freight.resend' && engine === undefined) return false;
  return sameValue(value, engine);
}

/**
 * The `expected` object the file holds: keys in the documented order, `freight: null` when both legs are null and
 * nothing was sent again, the carried keys (transitRisk, options) kept where they stood. Fields whose text cannot be
 * read yet are left out (the form shows why).
 */
export function expectedData(views: readonly ExpectedFieldView[], carried: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const value = (key: string) => views.find((view) => view.spec.key === key)?.value;
  const data: Record<string, unknown> = {};
  const put = (key: string, item: unknown) => {
    if (item !== undefined) data[key] = item;
  };
  put('resolution', value('resolution'));
  put('supported', value('supported'));
  put('decidingRule', value('decidingRule'));
  const [outbound, back, resend] = [value('freight.outbound'), value('freight.return'), value('freight.resend')];
  if (outbound === null && back === null && resend === undefined) data.freight = null;
  else if (outbound !== undefined || back !== undefined) {
    data.freight = { outbound: outbound ?? null, return: back ?? null, ...(resend !== undefined ? { resend } : {}) };
  }
  put('transitRisk', carried.transitRisk);
  put('refundAmount', value('refundAmount'));
  put('options', carried.options);
  for (const key of ['testFee', 'shippedLate', 'claimInSevenDayWindow', 'sevenDayWindowEnd', 'shipBy', 'sop', 'overriddenSop']) {
    const item = value(key);
    // An empty SOP list says nothing: the file leaves the key out.
    if (Array.isArray(item) && item.length === 0) continue;
    put(key, item);
  }
  return data;
}

/** Which form field a gate error belongs to: `expected.freight.return` → 'freight.return', `expected.sop.1` → 'sop'. */
export function expectedKeyOfGateField(field: string | undefined): string | undefined {
  if (!field?.startsWith('expected.')) return undefined;
  const rest = field.slice('expected.'.length);
  const spec = EXPECTED_FIELDS.find((candidate) => rest === candidate.key || rest.startsWith(`${candidate.key}.`));
  if (spec) return spec.key;
  if (rest === 'freight') return 'freight.outbound';
  return undefined;
}
