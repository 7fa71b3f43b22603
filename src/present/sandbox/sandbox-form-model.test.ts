import { describe, expect, it } from 'vitest';
import { enumHint, splitDescription } from './fact-description.ts';
import { factFormModel } from './fact-form-model.ts';
import { fieldIndex, sectionIndex } from './form-index.ts';
import { enumValueLabel, FactsSchema } from '../../rules/index.ts';

const model = factFormModel();
const fields = fieldIndex(model);
const sections = sectionIndex(model);

/** Every leaf path of the fact model, found independently of the form model by walking zod's shapes. */
function leafPaths(schema: unknown = FactsSchema, prefix = ''): string[] {
  type Node = { def: { type: string; innerType?: Node; shape?: Record<string, Node> } };
  let node = schema as Node;
  while (node.def.innerType && node.def.type !== 'pipe') node = node.def.innerType;
  if (node.def.type !== 'object') return [prefix];
  return Object.entries(node.def.shape ?? {}).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('splitDescription', () => {
  it('keeps a short unit in the label and moves the rest to the hint', () => {
    expect(splitDescription('买家付款时间（北京时间），发货时限从此刻起算。')).toEqual({
      label: '买家付款时间（北京时间）',
      hint: '发货时限从此刻起算。',
    });
    expect(splitDescription('买家实付金额（元）。')).toEqual({ label: '买家实付金额（元）', hint: '' });
  });

  it('moves a long parenthetical into the hint', () => {
    expect(splitDescription('物流与签收（已发货时需要）。')).toEqual({ label: '物流与签收', hint: '已发货时需要。' });
    expect(splitDescription('退货（换货）环节（有退回时需要）。')).toEqual({ label: '退货（换货）环节', hint: '有退回时需要。' });
  });

  it('ends the label before an example', () => {
    expect(splitDescription('商品名称，供页面展示，例如“羊毛呢大衣”。')).toEqual({ label: '商品名称，供页面展示', hint: '例如“羊毛呢大衣”。' });
  });
});

describe('enum labels from describe() texts', () => {
  const cod = '运费到付：none 非到付；agreed 事先与买家约定；unagreed 未经买家同意。不填视为 none。';

  it('reads the name written after each value, not a value quoted later in the text', () => {
    expect(enumValueLabel(cod, 'none')).toBe('非到付');
    expect(enumValueLabel(cod, 'unagreed')).toBe('未经买家同意');
    expect(enumValueLabel('卖家承诺的快递：none 未承诺；used 按承诺使用；not-used 未按承诺使用。', 'used')).toBe('按承诺使用');
    expect(enumValueLabel(cod, 'missing')).toBeUndefined();
  });

  it('drops the value list from the hint and names the default in words', () => {
    const names = new Map([
      ['none', '非到付'],
      ['agreed', '事先与买家约定'],
      ['unagreed', '未经买家同意'],
    ]);
    expect(enumHint(cod, names)).toBe('不填视为“非到付”。');
  });
});

describe('factFormModel', () => {
  it('has one field for every leaf of the fact model', () => {
    expect([...fields.keys()].sort()).toEqual(leafPaths().sort());
  });

  it('recognises times by what the schema does with them, not by their name', () => {
    const times = [...fields.values()].filter((field) => field.kind === 'time').map((field) => field.path);
    expect(times.sort()).toEqual(
      [
        'claim.at',
        'delivery.collectedAt',
        'delivery.signedAt',
        'order.paidAt',
        'returnLeg.sellerReceivedAt',
        'shipment.carrierRecordedAt',
        'shipment.clickedAt',
        'shipment.waybillDate',
      ].sort(),
    );
    expect(fields.get('goods.name')?.kind).toBe('text');
  });

  it('gives every enum value a Chinese name, from the description or the label maps', () => {
    for (const field of fields.values()) {
      for (const option of field.options) expect(option.label, `${field.path} = ${option.value}`).not.toBe(option.value);
    }
    expect(fields.get('channel')?.options).toEqual([
      { value: 'taobao', label: '淘宝' },
      { value: 'tmall', label: '天猫' },
      { value: 'tmallGlobal', label: '天猫国际' },
    ]);
    expect(fields.get('agreement.resolution')?.options.find((o) => o.value === 'refund')?.label).toBe('退款（买家无需退货）');
  });

  it('labels platform facts, which sit under .prefault()', () => {
    expect(fields.get('platform.intervened')).toMatchObject({ label: '淘宝（小二）是否已介入', kind: 'boolean', defaultLabel: '否' });
    expect(fields.get('platform.finding')?.defaultLabel).toBe('无');
  });

  it('marks required facts and what an empty defaulted fact is read as', () => {
    expect(fields.get('claim.at')?.required).toBe(true);
    expect(fields.get('delivery.signedAt')?.required).toBe(false);
    expect(fields.get('order.fakeTransaction')).toMatchObject({ required: false, defaultLabel: '否' });
    expect(fields.get('shipment.cashOnDelivery')?.defaultLabel).toBe('非到付');
    expect(fields.get('order.completed')?.defaultLabel).toBeUndefined();
  });

  it('probes number bounds from the schema', () => {
    expect(fields.get('order.price')?.min).toEqual({ value: 0, inclusive: true });
    expect(fields.get('shipment.promisedHours')?.min).toEqual({ value: 0, inclusive: false });
  });

  it('offers the optional objects, and only those, as sections to add or remove', () => {
    const optional = [...sections.values()].filter((section) => section.optional).map((section) => section.path);
    expect(optional.sort()).toEqual(
      ['agreement', 'delivery', 'delivery.addressChange', 'delivery.refusal', 'gift', 'issue', 'platform', 'returnLeg'].sort(),
    );
    expect(sections.get('delivery')).toMatchObject({ label: '物流与签收', hint: '已发货时需要。' });
  });
});
