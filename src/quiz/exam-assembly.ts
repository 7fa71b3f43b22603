import type { Bank, KeyedItem } from './bank.ts';
import type { BlueprintSection, Exam } from './exam-schema.ts';
import type { Key } from './keys.ts';
import { seededRandom, shuffled, pick } from './random.ts';
import { variantId, type Variant } from './variants.ts';

/** What assembly reads from the bank: keyed authored items and the gated template variants. */
export type ExamBank = Pick<Bank, 'items' | 'variants'>;

/** One question of an attempt as stored: item id (or `templateId~seed`) and the per-attempt display order. */
export interface AttemptEntry {
  readonly itemId: string;
  /**
   * `optionOrder[shown] = authored index`: single options, multiple statements, or ordering steps (indices into the
   * key's step list). Absent for true/false, whose two labels keep their usual order.
   */
  readonly optionOrder?: readonly number[];
}

/** A drawable unit: an authored item, or a template (which contributes at most one variant per attempt). */
interface Unit {
  readonly id: string;
  readonly kind: 'item' | 'template';
  readonly topics: readonly string[];
  readonly exam: boolean;
  readonly choices: readonly KeyedChoice[];
}

interface KeyedChoice {
  readonly itemId: string;
  readonly type: Key['type'];
  readonly optionCount: number;
}

function optionCount(entry: { item: KeyedItem['item']; key: Key }): number {
  switch (entry.item.type) {
    case 'single':
      return entry.item.options.length;
    case 'multiple':
      return entry.item.statements.length;
    case 'truefalse':
      return 2;
    case 'ordering':
      return (entry.key.answer as readonly string[]).length;
  }
}

function unitsOf(bank: ExamBank): Unit[] {
  const units: Unit[] = bank.items.map((entry) => ({
    id: entry.item.id,
    kind: 'item' as const,
    topics: entry.item.topics,
    exam: entry.item.exam,
    choices: [{ itemId: entry.item.id, type: entry.item.type, optionCount: optionCount(entry) }],
  }));
  const byTemplate = new Map<string, Variant[]>();
  for (const variant of bank.variants) byTemplate.set(variant.templateId, [...(byTemplate.get(variant.templateId) ?? []), variant]);
  for (const [templateId, variants] of byTemplate) {
    const first = variants[0]!;
    units.push({
      id: templateId,
      kind: 'template',
      topics: first.item.topics,
      exam: first.item.exam,
      choices: variants.map((variant) => ({ itemId: variantId(templateId, variant.seed), type: variant.item.type, optionCount: optionCount(variant) })),
    });
  }
  return units;
}

/** The units a section may draw from, in bank order. */
function candidatesOf<U extends Pick<Unit, 'kind' | 'topics' | 'exam'>>(section: BlueprintSection, units: readonly U[]): U[] {
  return units.filter(
    (unit) =>
      section.pools.includes(unit.kind === 'item' ? 'items' : 'templates') &&
      (!section.examOnly || unit.exam) &&
      (!section.topics || unit.topics.some((topic) => section.topics!.includes(topic))),
  );
}

/** Whether one blueprint section can always be filled, with the numbers that decided it. */
export interface SectionCheck {
  readonly index: number;
  readonly title: string | undefined;
  readonly needed: number;
  /** Units matching the section's topics, pools and examOnly. */
  readonly matching: number;
  /** How many of those earlier sections may already have taken, whatever the seed. */
  readonly takenEarlier: number;
  readonly passed: boolean;
}

export interface BlueprintCheck {
  readonly passed: boolean;
  readonly sections: readonly SectionCheck[];
}

/**
 * Checks that every seed fills the blueprint: earlier sections draw first and may take up to their `count` of a later
 * section's matching units, so a section passes when `matching − takenEarlier ≥ needed`. This is sufficient, not
 * necessary: a blueprint that fails here may still fill for some seeds, but the server must never start an attempt
 * that cannot be completed.
 */
export function checkBlueprint(exam: Exam, bank: ExamBank): BlueprintCheck {
  return checkBlueprintUnits(exam.blueprint, unitsOf(bank));
}

/**
 * What the fill check reads of a drawable unit: its pool, topics and exam flag, no id, text or key, so a lead's
 * browser can run the same check live (the exam editor) without receiving the exam-only questions.
 */
export interface BlueprintUnit {
  readonly kind: 'item' | 'template';
  readonly topics: readonly string[];
  readonly exam: boolean;
}

/** The bank as fill-check units, in bank order. */
export function blueprintUnits(bank: ExamBank): BlueprintUnit[] {
  return unitsOf(bank).map(({ kind, topics, exam }) => ({ kind, topics, exam }));
}

/** `checkBlueprint` over units (see blueprintUnits): the same numbers and verdicts. */
export function checkBlueprintUnits(blueprint: readonly BlueprintSection[], units: readonly BlueprintUnit[]): BlueprintCheck {
  const candidates = blueprint.map((section) => candidatesOf(section, units));
  const sections = blueprint.map((section, index) => {
    const mine = new Set(candidates[index]);
    const takenEarlier = blueprint
      .slice(0, index)
      .reduce((sum, earlier, earlierIndex) => sum + Math.min(earlier.count, candidates[earlierIndex]!.filter((unit) => mine.has(unit)).length), 0);
    return {
      index,
      title: section.title,
      needed: section.count,
      matching: mine.size,
      takenEarlier,
      passed: mine.size - takenEarlier >= section.count,
    };
  });
  return { passed: sections.every((section) => section.passed), sections };
}

/** The blueprint cannot be filled from this bank (see `checkBlueprint` for which section and why). */
export class BlueprintUnfillableError extends Error {
  readonly check: BlueprintCheck;
  constructor(examId: string, check: BlueprintCheck) {
    const failed = check.sections.find((section) => !section.passed)!;
    super(
      `考试 ${examId} 的第 ${failed.index + 1} 部分${failed.title ? `（${failed.title}）` : ''}需要 ${failed.needed} 道题，` +
        `题库中符合条件的有 ${failed.matching} 道，前面各部分最多可能占用 ${failed.takenEarlier} 道。请减少 count、放宽 topics 或 examOnly，或补充认证题。`,
    );
    this.check = check;
  }
}

/**
 * Draws one attempt's paper: sections in blueprint order, questions shuffled within each section, one variant per
 * template, and a per-question option order. The same exam, bank and seed always give the same paper, so a stored
 * seed reproduces what the trainee saw. Throws `BlueprintUnfillableError` when `checkBlueprint` fails.
 */
export function assembleAttempt(exam: Exam, bank: ExamBank, seed: number): AttemptEntry[] {
  const check = checkBlueprint(exam, bank);
  if (!check.passed) throw new BlueprintUnfillableError(exam.id, check);
  const random = seededRandom(seed);
  const units = unitsOf(bank);
  const used = new Set<string>();
  const paper: AttemptEntry[] = [];
  for (const section of exam.blueprint) {
    const drawn = shuffled(random, candidatesOf(section, units).filter((unit) => !used.has(unit.id))).slice(0, section.count);
    for (const unit of drawn) {
      used.add(unit.id);
      const choice = pick(random, unit.choices);
      const indices = Array.from({ length: choice.optionCount }, (_, index) => index);
      paper.push(choice.type === 'truefalse' ? { itemId: choice.itemId } : { itemId: choice.itemId, optionOrder: shuffled(random, indices) });
    }
  }
  return paper;
}
