import type { RuleAreaId, RuleHead, RuleMeta, RuleText } from './rule-meta.ts';
import { ruleHeads } from './rule-heads.ts';
import { ruleTextsByFile } from './texts/index.ts';

export interface RuleArea {
  readonly id: RuleAreaId;
  readonly title: string;
  readonly description: string;
}

export const ruleAreas: readonly RuleArea[] = [
  { id: 'general', title: '通用规则', description: '约定优先、格式条款、平台认定与折价。' },
  { id: 'acceptance', title: '受理', description: '维权期限与不予受理的情形。' },
  { id: 'fake-transaction', title: '虚假交易', description: '虚假交易与套现。' },
  { id: 'shipping', title: '发货规范', description: '发货时间、发货时限、拦截、到付与自提。' },
  { id: 'signing', title: '签收规范', description: '有效签收、代签、驿站与快递柜、未收到货的举证。' },
  { id: 'refusal', title: '拒签', description: '因卖家原因拒签与无理由拒签。' },
  { id: 'freight', title: '运费规范', description: '谁承担发货运费与退货运费。' },
  { id: 'seven-day', title: '七天无理由', description: '适用范围、期限、商品完好与赠品。' },
  { id: 'return', title: '退货与换货', description: '退货途中的风险、补救方式与退货规范。' },
  { id: 'gift', title: '赠品与组合商品', description: '赠品的发货、资质、描述与价值。' },
  { id: 'quality', title: '质量问题与假货', description: '举证责任、处理方式、检测费与三包。' },
  { id: 'description', title: '描述不当与表面不一致', description: '肉眼可见与不可见、广告法、签收时的破损少件。' },
  { id: 'procedure', title: '程序', description: '中止、执行与规则变更。' },
  { id: 'shop-sop', title: '本店规范（可配置）', description: '本店的售后流程、时效与补偿权限，由店铺负责人配置。' },
];

function joinTexts(): Map<string, RuleMeta> {
  const texts = new Map<string, RuleText>();
  for (const file of ruleTextsByFile) {
    for (const [id, text] of Object.entries(file)) {
      if (texts.has(id)) throw new Error(`Rule id ${id} has two texts in src/rules/texts/`);
      if (!ruleHeads.has(id)) throw new Error(`src/rules/texts/ has a text for ${id}, which no rule file defines`);
      texts.set(id, text);
    }
  }
  const byId = new Map<string, RuleMeta>();
  for (const head of ruleHeads.values()) {
    const text = texts.get(head.id);
    if (!text) throw new Error(`Rule ${head.id} has no statement and sources in src/rules/texts/`);
    byId.set(head.id, joined(head, text));
  }
  return byId;
}

function joined(head: RuleHead, text: RuleText): RuleMeta {
  return { ...head, ...text };
}

// Marked pure (like the citations), so a bundle that never reads the catalogue, such as the sandbox island's, leaves
// it and every quoted article out.
const byId: ReadonlyMap<string, RuleMeta> = /* @__PURE__ */ joinTexts();

/**
 * Every rule the product knows, by area in handbook order, then by id; ids are permanent. Sorted explicitly because
 * module-namespace key order differs between Node and bundlers.
 */
export const ruleCatalogue: readonly RuleMeta[] = /* @__PURE__ */ [...byId.values()].sort(
  (a, b) => areaOrder(a.area) - areaOrder(b.area) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);

function areaOrder(area: RuleAreaId): number {
  return ruleAreas.findIndex((candidate) => candidate.id === area);
}

/** The rule with `id`, or undefined. */
export function ruleById(id: string): RuleMeta | undefined {
  return byId.get(id);
}
