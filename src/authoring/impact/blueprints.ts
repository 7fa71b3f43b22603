import { bankSeeds, buildBank, variantId, type QuestionSource, type ScenarioContext } from '../../quiz/index.ts';
import { checkBlueprint, type BlueprintSection, type Exam, type ExamBank } from '../../quiz/index.ts';
import type { Flip } from './flip.ts';
import type { ItemFlip } from './items.ts';
import type { TemplateImpact } from './templates.ts';

/** What a policy change does to one exam blueprint. */
export interface BlueprintImpact {
  readonly examId: string;
  readonly title: string;
  /** How many items and templates its sections may draw from. */
  readonly poolSize: number;
  /** Pool items whose key flips. */
  readonly flippedItems: readonly string[];
  /** Pool templates with a flipped bank seed (exams draw bank seeds only). */
  readonly flippedTemplates: readonly string[];
  /** Rules its pool covers (deciding rules of the pool's keys) that the change touches. */
  readonly changedRules: readonly string[];
  /**
   * Whether `checkBlueprint` still passes once the items that can no longer be keyed under the new policy (a single
   * choice without an option for the new answer) leave the pool.
   */
  readonly fillable: boolean;
}

export interface PoolUnit {
  readonly id: string;
  readonly pool: 'items' | 'templates';
  readonly topics: readonly string[];
  readonly exam: boolean;
  readonly rules: readonly string[];
}

const inSection = (section: BlueprintSection, unit: PoolUnit) =>
  section.pools.includes(unit.pool) && (!section.examOnly || unit.exam) && (!section.topics || unit.topics.some((topic) => section.topics!.includes(topic)));

/** Each exam with the items and templates its sections may draw from, and the keyed bank they come from. */
export interface ExamPools {
  readonly bank: ExamBank;
  readonly pools: readonly { readonly exam: Exam; readonly units: readonly PoolUnit[] }[];
}

/** Builds the bank (keyed under the current rule module, as the exam server does) and each exam's pool. */
export function examPools(exams: readonly Exam[], files: readonly QuestionSource[], context: ScenarioContext): ExamPools {
  if (exams.length === 0) return { bank: { items: [], variants: [] }, pools: [] };
  const bank = buildBank(files, context);
  const deciding = (rulings: readonly { decidingRuleId: string }[]) => rulings.map((ruling) => ruling.decidingRuleId);
  const units: PoolUnit[] = bank.items.map(({ item, key }) => ({ id: item.id, pool: 'items', topics: item.topics, exam: item.exam, rules: deciding(key.rulings) }));
  const byTemplate = new Map<string, PoolUnit>();
  for (const variant of bank.variants) {
    const known = byTemplate.get(variant.templateId);
    const rules = [...(known?.rules ?? []), ...deciding(variant.key.rulings)];
    byTemplate.set(variant.templateId, { id: variant.templateId, pool: 'templates', topics: variant.item.topics, exam: variant.item.exam, rules });
  }
  units.push(...byTemplate.values());
  return { bank, pools: exams.map((exam) => ({ exam, units: units.filter((unit) => exam.blueprint.some((section) => inSection(section, unit))) })) };
}

/** Whether a flip is of a question some exam can draw: a pool item, or a bank seed of a pool template. */
export function isExamQuestion(flip: Flip, pools: ExamPools): boolean {
  if (flip.kind === 'case') return false;
  if (flip.kind === 'template' && !bankSeeds.some((seed) => flip.variantId === variantId(flip.contentId, seed))) return false;
  return pools.pools.some(({ units }) => units.some((unit) => unit.id === flip.contentId));
}

/**
 * Each exam's pool checked against the flips. `changedRules` is the set of rules a certificate must not cover
 * (`ImpactReport.recertificationRules`), intersected with what the pool covers.
 */
export function blueprintImpacts(
  pools: ExamPools,
  itemFlips: readonly ItemFlip[],
  templates: readonly TemplateImpact[],
  changedRules: ReadonlySet<string>,
): BlueprintImpact[] {
  const flippedItemIds = new Set(itemFlips.map((flip) => flip.contentId));
  const unkeyable = new Set(itemFlips.filter((flip) => flip.noOption).map((flip) => flip.contentId));
  const flippedTemplateIds = new Set(templates.filter((impact) => impact.bankSeedsFlipped.length > 0).map((impact) => impact.templateId));
  const keyableBank = { items: pools.bank.items.filter(({ item }) => !unkeyable.has(item.id)), variants: pools.bank.variants };
  return pools.pools.map(({ exam, units }) => {
    const covered = new Set(units.flatMap((unit) => unit.rules));
    return {
      examId: exam.id,
      title: exam.title,
      poolSize: units.length,
      flippedItems: units.filter((unit) => unit.pool === 'items' && flippedItemIds.has(unit.id)).map((unit) => unit.id),
      flippedTemplates: units.filter((unit) => unit.pool === 'templates' && flippedTemplateIds.has(unit.id)).map((unit) => unit.id),
      changedRules: [...changedRules].filter((ruleId) => covered.has(ruleId)).sort(),
      fillable: checkBlueprint(exam, keyableBank).passed,
    };
  });
}
