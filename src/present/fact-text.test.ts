import { describe, expect, it } from 'vitest';
import { enumLabel, factGroups, factLabel, factValueText } from './fact-text.ts';
import { enumValueLabels, FactsSchema, parseBeijingTime, parseFacts, resolutionLabels, type FactsInput } from '../rules/index.ts';
import { scenario } from '../../tests/factories/facts.ts';

type Node = { def: Record<string, unknown> & { type: string } };

/** Strips optional/default/prefault/pipe wrappers down to the schema that says what a value is. */
function core(schema: Node): Node {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: Node; in?: Node };
    if (['optional', 'default', 'prefault', 'nullable'].includes(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

interface Leaf {
  readonly path: string;
  readonly kind: 'enum' | 'boolean' | 'number' | 'string' | 'time';
  readonly values: readonly unknown[];
}

/** Every leaf fact of the model with sample values to try (every enum value, both booleans). */
function leaves(schema: Node = FactsSchema as unknown as Node, prefix = ''): Leaf[] {
  const node = core(schema);
  const def = node.def;
  if (def.type === 'object') {
    const shape = (def as unknown as { shape: Record<string, Node> }).shape;
    return Object.entries(shape).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  const isTime = (schema.def as { type: string }).type === 'pipe' || JSON.stringify(Object.keys(def)).includes('transform');
  if (def.type === 'enum') return [{ path: prefix, kind: 'enum', values: Object.keys((def as unknown as { entries: object }).entries) }];
  if (def.type === 'boolean') return [{ path: prefix, kind: 'boolean', values: [true, false] }];
  if (def.type === 'number') return [{ path: prefix, kind: 'number', values: [37.5] }];
  if (def.type === 'string') return [{ path: prefix, kind: isTime ? 'time' : 'string', values: ['2025-09-02 08:07'] }];
  throw new Error(`unexpected schema type ${def.type} at ${prefix}`);
}

function setPath(input: FactsInput, path: string, value: unknown): FactsInput {
  const copy = structuredClone(input) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy as FactsInput;
}

const text = (input: FactsInput) =>
  factGroups(parseFacts(input))
    .map((group) => `${group.heading}：${group.sentences.join('')}`)
    .join('\n');

/** A scenario with every optional group present, so any single leaf can be varied on its own. */
const fullScenario = scenario({
  order: { freeShipping: false },
  delivery: { refusal: { reason: 'no-reason' }, addressChange: { sellerAgreed: true, succeeded: true, linkedToBuyer: true } },
  issue: {},
  returnLeg: { agreement: 'none' },
  gift: { name: '收纳袋' },
  agreement: { resolution: 'refund', performed: false },
});

describe('enum labels come from the fact model descriptions', () => {
  it('has a Chinese label for every value of every enum fact', () => {
    const missing = leaves()
      .filter((leaf) => leaf.kind === 'enum' && leaf.path !== 'agreement.resolution')
      .flatMap((leaf) => leaf.values.filter((value) => !enumValueLabels(leaf.path).has(String(value))).map((value) => `${leaf.path}=${String(value)}`));
    expect(missing).toEqual([]);
  });

  it('labels agreed resolutions with the ruling labels, which cover every value the model allows', () => {
    const leaf = leaves().find((l) => l.path === 'agreement.resolution')!;
    expect(leaf.values.filter((value) => !(String(value) in resolutionLabels))).toEqual([]);
  });

  it('reads labels that contain parentheses and stops at the sentence that follows the list', () => {
    expect(enumLabel('goods.sevenDayClass', 'standard')).toBe('一般商品（必须支持）');
    expect(enumLabel('platform.finding', 'prohibited')).toBe('禁售商品');
    expect(enumLabel('shipment.cashOnDelivery', 'unagreed')).toBe('未经买家同意');
  });

  it('falls back to the raw value for a value the description does not document', () => {
    expect(enumLabel('goods.condition', 'brand-new-value')).toBe('brand-new-value');
  });
});

describe('factGroups', () => {
  it('renders the seven-day case as readable sentences, in the order an agent checks an order', () => {
    const groups = factGroups(
      parseFacts({
        channel: 'taobao',
        order: { paidAt: '2025-09-01 10:00', price: 399, freeShipping: true },
        goods: { name: '羊毛呢大衣', sevenDayClass: 'standard', condition: 'opened-for-inspection' },
        shipment: { shipped: true, clickedAt: '2025-09-01 16:00', carrierRecordedAt: '2025-09-01 18:20' },
        delivery: { status: 'signed', signedAt: '2025-09-03 20:15', receivedBy: 'self', confirmation: 'none' },
        claim: { at: '2025-09-10 23:59', type: 'return-and-refund', reason: 'no-reason' },
      }),
    );
    expect(groups).toEqual([
      { id: 'order', heading: '订单', sentences: ['买家于 2025-09-01 10:00 付款，实付 399 元，包邮。'] },
      {
        id: 'goods',
        heading: '商品',
        sentences: ['商品是羊毛呢大衣，七天无理由分类为“一般商品（必须支持）”。', '申请时商品状态：仅为检视拆封或合理试用。'],
      },
      {
        id: 'shipment',
        heading: '发货',
        sentences: ['卖家于 2025-09-01 16:00 在后台点击发货。', '承运人系统的首条揽收记录为 2025-09-01 18:20。'],
      },
      {
        id: 'delivery',
        heading: '物流与签收',
        sentences: ['物流显示于 2025-09-03 20:15 已签收，由收件人本人签收。', '买家尚未确认收货。'],
      },
      { id: 'claim', heading: '买家申请', sentences: ['买家于 2025-09-10 23:59 申请退货退款，理由是七天无理由。'] },
    ]);
  });

  it('says where a parcel was left and whether the recipient designated the place', () => {
    const rendered = text(scenario({ delivery: { receivedBy: 'station', placeDesignated: false } }));
    expect(rendered).toContain('包裹放在驿站（不是收件人指定的地点）');
  });

  it('leaves out flags at their documented default and groups with nothing to say', () => {
    const rendered = text(scenario());
    expect(rendered).not.toContain('平台');
    expect(rendered).not.toContain('到付');
    expect(rendered).not.toContain('虚假交易');
  });

  it('uses the waybill date when the carrier has no system records', () => {
    const rendered = text(scenario({ shipment: { carrierRecordedAt: null, carrierHasSystem: false, waybillDate: '2025-09-02' } }));
    expect(rendered).toContain('承运人没有官网系统记录，面单日期为 2025-09-02。');
  });

  it('changes the text whenever any fact of the model is set away from the base scenario', () => {
    // The channel is shown in the case header; the other two are implied by facts the base scenario already states
    // (a carrier record exists; the buyer signed in person, so no place was designated).
    const shownElsewhere = new Set(['channel', 'shipment.carrierHasSystem', 'delivery.placeDesignated']);
    const baseline = text(fullScenario);
    const silent: string[] = [];
    for (const leaf of leaves().filter((l) => !shownElsewhere.has(l.path))) {
      for (const value of leaf.values) {
        const varied = setPath(fullScenario, leaf.path, value);
        if (JSON.stringify(parseFacts(varied)) === JSON.stringify(parseFacts(fullScenario))) continue;
        if (text(varied) === baseline) silent.push(`${leaf.path}=${String(value)}`);
      }
    }
    expect(silent).toEqual([]);
  });
});

describe('facts a rule read, as the trace shows them', () => {
  it('names a fact by the first clause of its description', () => {
    expect(factLabel('order.paidAt')).toBe('买家付款时间');
    expect(factLabel('delivery.signedAt')).toBe('物流显示的签收时间');
    expect(factLabel('goods.sevenDayClass')).toBe('七天无理由分类');
    expect(factLabel('platform.finding')).toBe('平台认定');
    expect(factLabel('order.freeShippingLostByPartialReturn')).toBe('“满 X 包邮”因买家部分退货而不再满足');
    expect(factLabel('no.such.fact')).toBe('no.such.fact');
  });

  it('shows times in Beijing time, flags as 是/否, enum values by label and absent facts as 未填写', () => {
    expect(factValueText('order.paidAt', parseBeijingTime('2025-09-01 10:00'))).toBe('2025-09-01 10:00');
    expect(factValueText('order.price', 399)).toBe('399');
    expect(factValueText('order.freeShipping', true)).toBe('是');
    expect(factValueText('delivery.receivedBy', 'station')).toBe('驿站');
    expect(factValueText('claim.reason', 'no-reason')).toBe('七天无理由');
    expect(factValueText('channel', 'tmall')).toBe('天猫');
    expect(factValueText('shipment.promisedHours', undefined)).toBe('未填写');
  });
});
