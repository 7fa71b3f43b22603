import { QuestionFileSchema, type Variant } from '../quiz/index.ts';
import type { KeyedItem } from '../quiz/index.ts';
import { rememberingRuleCalls } from '../quiz/index.ts';
import type { AuthorError } from './author-error.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { issueTexts, valueAt } from './issue-text.ts';
import { checkItemAnswer } from './item-answer.ts';
import { itemSchemaErrors, templateSchemaErrors } from './item-schema-issues.ts';
import { normalizeQuestionFile } from './normalize-question-file.ts';
import { fieldText, questionLocate } from './question-paths.ts';
import type { ScenarioCheckContext } from './scenario-check.ts';
import { checkTemplateSeeds } from './template-check.ts';
import { templateParamErrors } from './template-params.ts';

/** Where an id is first used in the question bank. */
export interface IdDeclaration {
  readonly file: string;
  /** e.g. `items[3].id` */
  readonly field: string;
  /** The file's locator: the line is looked up only when a repeat is reported. */
  readonly locate?: Locate;
}

export interface QuestionCheckContext extends ScenarioCheckContext {
  /** Line of a dotted field (`items.3.options.1.value`) in the file, when the caller can tell. */
  readonly locate?: Locate;
  /**
   * Where each id is first used across every question file (`firstDeclarations`); a later use anywhere is a
   * DUPLICATE_ID. Without it, only repeats inside this file are found.
   */
  readonly declarations?: ReadonlyMap<string, IdDeclaration>;
}

export interface QuestionReview {
  readonly errors: readonly AuthorError[];
  /** The items that passed, with their engine-derived keys. */
  readonly items: readonly KeyedItem[];
  /** For each template that passed, its bank variants (seeds 1..variantsPerTemplate); all 50 checked seeds passed. */
  readonly variants: readonly Variant[];
  /** Entries listed under `items` and `templates`, passing or not. */
  readonly itemCount: number;
  readonly templateCount: number;
}

/** A question file as read from disk, before any checking. */
export interface QuestionFileInput {
  readonly file: string;
  readonly data: unknown;
  readonly locate?: Locate;
}

const sections = ['items', 'templates'] as const;

function entries(data: unknown, section: (typeof sections)[number]): unknown[] {
  const list = valueAt(data, [section]);
  return Array.isArray(list) ? list : [];
}

/**
 * The first use of every item and template id, over the files in the order given (sort them for stable messages).
 * `earlier`: the first uses in files that come before these (checked elsewhere, e.g. on another thread); they win.
 */
export function firstDeclarations(files: readonly QuestionFileInput[], earlier?: ReadonlyMap<string, IdDeclaration>): Map<string, IdDeclaration> {
  const found = new Map<string, IdDeclaration>(earlier);
  for (const { file, data, locate } of files) {
    for (const section of sections) {
      entries(data, section).forEach((entry, index) => {
        const id = valueAt(entry, ['id']);
        if (typeof id !== 'string' || found.has(id)) return;
        found.set(id, { file, field: fieldText([section, index, 'id']), ...(locate ? { locate: questionLocate(locate) } : {}) });
      });
    }
  }
  return found;
}

// One key order for every message, so `--json` reads the same whichever check produced it.
const inOrder = ({ code, file, item, line, field, wrote, decided, problem, trace, fix }: AuthorError): AuthorError => ({
  code,
  file,
  ...(item === undefined ? {} : { item }),
  ...(line === undefined ? {} : { line }),
  field,
  wrote,
  ...(decided === undefined ? {} : { decided }),
  ...(problem === undefined ? {} : { problem }),
  trace,
  fix,
});

const byLine = (errors: readonly AuthorError[]) => [...errors].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)).map(inOrder);

/**
 * Runs the item gate on one file of content/questions: the file's shape, every item (schema, key from the rule
 * module against the author's `answer`), every template (schema, parameters, seeds 1..50), and ids used twice.
 * Never throws for bad content: everything an author can get wrong comes back as an AuthorError. Errors the engine
 * raises for reasons other than the facts are rethrown.
 */
export function reviewQuestionFile(file: string, data: unknown, context: QuestionCheckContext): QuestionReview {
  const locate = questionLocate(context.locate ?? (() => undefined));
  const normalized = normalizeQuestionFile(data);
  const errors: AuthorError[] = [];
  const items: KeyedItem[] = [];
  const variants: Variant[] = [];

  if (normalized === null || normalized === undefined) {
    errors.push({ code: 'INVALID_QUESTION_FILE', file, line: 1, field: '(文件)', wrote: '（空文件）', problem: '文件里没有任何内容。', trace: [], fix: '写出 items: 题目列表（和/或 templates: 模板列表），或者删除这个文件。' });
  } else {
    const parsed = QuestionFileSchema.safeParse(normalized);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      for (const text of issueTexts(QuestionFileSchema, normalized, issue, { pathText: fieldText })) {
        const field = fieldText(text.path) || '(文件)';
        errors.push({ code: 'INVALID_QUESTION_FILE', file, ...lineOf(locate, field), field, wrote: text.wrote, problem: text.problem, trace: [], fix: text.fix });
      }
    }
  }

  const local = context.declarations ?? firstDeclarations([{ file, data, ...(context.locate ? { locate: context.locate } : {}) }]);
  const duplicate = (raw: unknown, field: string): AuthorError[] => {
    const id = valueAt(raw, ['id']);
    const first = typeof id === 'string' ? local.get(id) : undefined;
    if (typeof id !== 'string' || !first || (first.file === file && first.field === field)) return [];
    const line = first.locate?.(first.field);
    const where = `${first.file}${line === undefined ? '' : `:${line}`} 的 ${first.field.replace(/\.id$/, '')}`;
    return [
      {
        code: 'DUPLICATE_ID',
        file,
        item: id,
        ...lineOf(locate, field),
        field,
        wrote: id,
        problem: `这个编号已经用在 ${where}。`,
        trace: [],
        fix: '编号是永久的，作答记录按它保存：给这一处换一个没用过的新编号（例如在末尾加 -2），保留先发布的那一处；如果两处是同一道题，删除这一处。',
      },
    ];
  };

  const itemList = entries(normalized, 'items');
  itemList.forEach((raw, index) => {
    const path = ['items', index] as const;
    const found = duplicate(raw, fieldText([...path, 'id']));
    const schema = itemSchemaErrors(raw, path, file, locate);
    if ('errors' in schema) {
      errors.push(...found, ...schema.errors);
      return;
    }
    // One parse per scenario for deciding and reading the answer, and one ruling for statements sharing a scenario.
    const checked = checkItemAnswer(schema.item, { file, path, locate }, { ...context, rules: context.rules ?? rememberingRuleCalls() });
    errors.push(...found, ...checked.errors);
    if (found.length === 0 && checked.errors.length === 0 && checked.key) items.push({ item: schema.item, key: checked.key });
  });

  const templateList = entries(normalized, 'templates');
  templateList.forEach((raw, index) => {
    const path = ['templates', index] as const;
    const found = duplicate(raw, fieldText([...path, 'id']));
    const schema = templateSchemaErrors(raw, path, file, locate);
    if ('errors' in schema) {
      errors.push(...found, ...schema.errors);
      return;
    }
    const params = templateParamErrors(schema.template, path, file, locate);
    const seeds = params.length > 0 ? { errors: [], variants: [] } : checkTemplateSeeds(schema.template, { file, path, locate }, context);
    errors.push(...found, ...params, ...seeds.errors);
    if (found.length === 0 && params.length === 0) variants.push(...seeds.variants);
  });

  return { errors: byLine(errors), items, variants, itemCount: itemList.length, templateCount: templateList.length };
}

/** The author errors for one question file; see `reviewQuestionFile`. */
export function checkQuestionFile(file: string, data: unknown, context: QuestionCheckContext): AuthorError[] {
  return [...reviewQuestionFile(file, data, context).errors];
}

/**
 * Reviews every question file with ids compared across all of them; the files' order decides which use of an id is
 * first. `earlier`: the first uses of ids in files before these, reviewed elsewhere (see `firstDeclarations`).
 */
export function reviewQuestionFiles(
  files: readonly QuestionFileInput[],
  context: Omit<QuestionCheckContext, 'locate' | 'declarations'>,
  earlier?: ReadonlyMap<string, IdDeclaration>,
): QuestionReview[] {
  const declarations = firstDeclarations(files, earlier);
  // One memo for the whole bank: items and templates that build the same scenario (the same case, near misses that meet)
  // parse and decide it once. It lives as long as this call.
  const rules = context.rules ?? rememberingRuleCalls();
  return files.map(({ file, data, locate }) => reviewQuestionFile(file, data, { ...context, rules, declarations, ...(locate ? { locate } : {}) }));
}

