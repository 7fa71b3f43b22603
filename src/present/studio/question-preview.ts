import { deriveKey, generateVariant, ItemSchema, sequenceSteps, TemplateSchema, type Item, type Key, type ScenarioContext } from '../../quiz/index.ts';

/** One question as the studio previews it: its options and the engine's key, or why it has none. */
export interface PreviewedQuestion {
  readonly id: string;
  readonly type: string;
  readonly stem: string;
  readonly exam: boolean;
  /** The options as shown (statements for multiple choice, steps for ordering). */
  readonly options: readonly string[];
  /** The key in words: the correct option(s), 对/错, or the order. */
  readonly key: string;
  /** Scenario case, when the item builds on one. */
  readonly caseSlug?: string;
  readonly problem?: string;
}

export interface PreviewedTemplate {
  readonly id: string;
  readonly exam: boolean;
  readonly params: string;
  readonly variants: readonly (PreviewedQuestion & { readonly seed: number; readonly values: string })[];
  readonly problem?: string;
}

export interface QuestionFilePreview {
  readonly items: readonly PreviewedQuestion[];
  readonly templates: readonly PreviewedTemplate[];
  /** Why the file could not be read at all (YAML syntax). */
  readonly problem?: string;
}

/** Largest number of seeds a preview draws per template (the gate vouches for seeds 1–50). */
export const MAX_PREVIEW_SEEDS = 50;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function optionsOf(item: Item, context: ScenarioContext): string[] {
  switch (item.type) {
    case 'single':
      return item.options.map((option) => option.text);
    case 'multiple':
      return item.statements.map((statement) => statement.text);
    case 'truefalse':
      return ['对', '错'];
    case 'ordering':
      return [...sequenceSteps(item.sequence, context.shopPolicy)];
  }
}

export function keyText(key: Key, options: readonly string[]): string {
  switch (key.type) {
    case 'single':
      return options[key.answer] ?? String(key.answer);
    case 'multiple':
      return key.answer.map((index) => options[index] ?? String(index)).join('；');
    case 'truefalse':
      return key.answer ? '对' : '错';
    case 'ordering':
      return key.answer.join(' → ');
  }
}

export function previewItem(item: Item, context: ScenarioContext): PreviewedQuestion {
  const options = optionsOf(item, context);
  const scenario = 'scenario' in item ? (item.scenario as { case?: string }) : undefined;
  const base = { id: item.id, type: item.type, stem: item.stem, exam: item.exam, options, ...(scenario?.case ? { caseSlug: scenario.case } : {}) };
  try {
    return { ...base, key: keyText(deriveKey(item, context), options) };
  } catch (error) {
    return { ...base, key: '', problem: message(error) };
  }
}

/**
 * One item of a question file (raw data as written) with its engine key, or why it has none in the engine's words.
 * The content gate (POST /api/studio/check) gives the author-grade messages.
 */
export function previewRawItem(raw: unknown, index: number, context: ScenarioContext): PreviewedQuestion {
  const parsed = ItemSchema.safeParse(raw);
  const id = (raw as { id?: unknown } | null)?.id;
  if (!parsed.success) return { id: typeof id === 'string' ? id : `items[${index}]`, type: '?', stem: '', exam: false, options: [], key: '', problem: '题目字段不符合格式：运行内容检查查看详情。' };
  return previewItem(parsed.data, context);
}

/** Seeds 1–`seeds` (at most MAX_PREVIEW_SEEDS) of one template (raw data as written), each with its stem, options and key. */
export function previewRawTemplate(raw: unknown, index: number, context: ScenarioContext, seeds: number): PreviewedTemplate {
  const parsed = TemplateSchema.safeParse(raw);
  const id = (raw as { id?: unknown } | null)?.id;
  if (!parsed.success) return { id: typeof id === 'string' ? id : `templates[${index}]`, exam: false, params: '', variants: [], problem: '模板字段不符合格式：运行内容检查查看详情。' };
  const template = parsed.data;
  const count = Math.min(Math.max(1, Math.floor(seeds)), MAX_PREVIEW_SEEDS);
  const variants = Array.from({ length: count }, (_, n) => n + 1).map((seed) => {
    try {
      const variant = generateVariant(template, seed, context);
      const options = optionsOf(variant.item, context);
      return { ...previewItem(variant.item, context), key: keyText(variant.key, options), seed, values: JSON.stringify(variant.params) };
    } catch (error) {
      return { id: `${template.id}~${seed}`, type: template.type ?? '', stem: '', exam: template.exam, options: [], key: '', seed, values: '', problem: message(error) };
    }
  });
  return { id: template.id, exam: template.exam, params: JSON.stringify((raw as { params?: unknown }).params ?? {}), variants };
}
