import type { Item } from './item-schema.ts';
import { deriveKey, type Key } from './keys.ts';
import { toPracticeItem, type PracticeItem } from './practice-item.ts';
import type { ScenarioContext } from './scenario.ts';
import type { Template } from './template-schema.ts';
import { generateVariant, type Variant } from './variants.ts';

/**
 * How many variants each template contributes to the bank: seeds 1..variantsPerTemplate. The content gate samples
 * seeds 1..50, so every bank variant has passed it. Changing this number changes which questions the practice pages
 * show and what `check:content` counts; stored attempts keep their `templateId~seed` ids either way.
 */
export const variantsPerTemplate = 6;

/** The seeds the bank draws from each template, in order. */
export const bankSeeds: readonly number[] = Array.from({ length: variantsPerTemplate }, (_, index) => index + 1);

/** One question file's validated content (what the `questions` collection stores, or the CLI reads). */
export interface QuestionSource {
  readonly items: readonly Item[];
  readonly templates: readonly Template[];
}

export interface KeyedItem {
  readonly item: Item;
  readonly key: Key;
}

export interface Bank {
  /** Every authored item with its engine-derived key, exam items included, in file order. */
  readonly items: readonly KeyedItem[];
  /** Every template's variants for `bankSeeds`, exam templates included. */
  readonly variants: readonly Variant[];
  /** What the practice pages may show: non-exam items, then variants of non-exam templates, file by file. */
  readonly practice: readonly PracticeItem[];
  /** Ids of exam-only items and exam-only templates (not variant ids): the certification exam draws from these. */
  readonly examPool: readonly string[];
}

/**
 * Keys every item and variant with the rule module and splits the bank into practice and exam. An item or template
 * marked `exam: true` never becomes a PracticeItem. Throws what `deriveKey` and `generateVariant` throw (content that
 * has passed the gate does not), and on an id used twice, since attempts are stored by id.
 */
export function buildBank(files: readonly QuestionSource[], context: ScenarioContext): Bank {
  const items: KeyedItem[] = [];
  const variants: Variant[] = [];
  const practice: PracticeItem[] = [];
  const examPool: string[] = [];
  const ids = new Set<string>();
  const claim = (id: string) => {
    if (ids.has(id)) throw new Error(`题库里有两个编号为 ${id} 的题目或模板：编号必须唯一（运行 npm run check:content 查看位置）。`);
    ids.add(id);
  };
  for (const file of files) {
    for (const item of file.items) {
      claim(item.id);
      const key = deriveKey(item, context);
      items.push({ item, key });
      if (item.exam) examPool.push(item.id);
      else practice.push(toPracticeItem(item, key));
    }
    for (const template of file.templates) {
      claim(template.id);
      if (template.exam) examPool.push(template.id);
      for (const seed of bankSeeds) {
        const variant = generateVariant(template, seed, context);
        variants.push(variant);
        if (!template.exam) practice.push(toPracticeItem(variant.item, variant.key));
      }
    }
  }
  return { items, variants, practice, examPool };
}
