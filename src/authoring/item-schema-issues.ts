import type { z } from 'zod';
import {
  looksLikeReplyItem,
  MultipleChoiceSchema,
  OrderingSchema,
  ReplySingleSchema,
  ValueSingleSchema,
  TemplateSchema,
  TrueFalseSchema,
  type Item,
  type Template,
} from '../quiz/index.ts';
import type { AuthorError, AuthorErrorCode } from './author-error.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { issueTexts, valueAt } from './issue-text.ts';
import { fieldText, type FieldPath } from './question-paths.ts';
import { topics } from '../quiz/index.ts';

const itemSchemas = { single: ValueSingleSchema, multiple: MultipleChoiceSchema, truefalse: TrueFalseSchema, ordering: OrderingSchema } as const;
const typeNames = 'single（单选）、multiple（多选）、truefalse（判断）、ordering（排序）';
const topicLabel = (value: unknown) => `${String(value)}（${topics[value as keyof typeof topics] ?? '?'}）`;

/** The id to show beside messages about an entry: its own when it has a usable one, else its position. */
export function entryLabel(raw: unknown, path: FieldPath): string {
  const id = valueAt(raw, ['id']);
  return typeof id === 'string' && id !== '' ? id : fieldText(path);
}

function schemaErrors(code: AuthorErrorCode, schema: z.ZodType, raw: unknown, path: FieldPath, file: string, locate: Locate): AuthorError[] | { data: unknown } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const item = entryLabel(raw, path);
  return parsed.error.issues.flatMap((issue) =>
    issueTexts(schema, raw, issue, { pathText: (inner) => fieldText([...path, ...inner]), ...(issue.path[0] === 'topics' ? { label: topicLabel } : {}) }).map((text) => {
      const field = fieldText([...path, ...text.path]);
      return { code, file, item, ...lineOf(locate, field), field, wrote: text.wrote, problem: text.problem, trace: [], fix: text.fix };
    }),
  );
}

/**
 * INVALID_ITEM for an item that does not fit its type's schema (the schema is chosen by `type`, so messages list
 * that type's fields), for an `answer` that points past the options or statements, and for a statement with no
 * scenario of its own or the item's. Returns the parsed item when there is nothing to report.
 */
export function itemSchemaErrors(raw: unknown, path: FieldPath, file: string, locate: Locate): { errors: AuthorError[] } | { item: Item } {
  const type = valueAt(raw, ['type']);
  const known = typeof type === 'string' && type in itemSchemas ? itemSchemas[type as keyof typeof itemSchemas] : undefined;
  // A reply item (回复话术题) is a single-choice item whose options carry promises instead of values.
  const schema: z.ZodType | undefined = type === 'single' && looksLikeReplyItem(raw) ? ReplySingleSchema : known;
  if (!schema) {
    const field = fieldText([...path, 'type']);
    const wrote = type === undefined || type === null ? '（没有填写）' : String(type);
    return {
      errors: [{ code: 'INVALID_ITEM', file, item: entryLabel(raw, path), ...lineOf(locate, field), field, wrote, problem: '题型必须是四种之一。', trace: [], fix: `type 写 ${typeNames}。` }],
    };
  }
  const parsed = schemaErrors('INVALID_ITEM', schema, raw, path, file, locate);
  if (Array.isArray(parsed)) return { errors: parsed };
  const item = parsed.data as Item;
  const errors: AuthorError[] = [];
  const at = (field: string, wrote: string, problem: string, fix: string) =>
    errors.push({ code: 'INVALID_ITEM', file, item: item.id, ...lineOf(locate, field), field, wrote, problem, trace: [], fix });
  if (item.type === 'single' && item.answer >= item.options.length) {
    at(fieldText([...path, 'answer']), String(item.answer), `只有 ${item.options.length} 个选项，序号是 0–${item.options.length - 1}。`, 'answer 写正确选项的序号，从 0 开始数。');
  }
  if (item.type === 'multiple') {
    const count = item.statements.length;
    const outside = item.answer.filter((index) => index >= count);
    if (outside.length > 0) at(fieldText([...path, 'answer']), `[${item.answer.join(', ')}]`, `只有 ${count} 条陈述，序号是 0–${count - 1}。`, 'answer 写成立的陈述的序号，从 0 开始数。');
    if (new Set(item.answer).size !== item.answer.length) at(fieldText([...path, 'answer']), `[${item.answer.join(', ')}]`, '有序号写了两次。', '每个序号只写一次。');
    if (!item.scenario) {
      item.statements.forEach((statement, index) => {
        if (statement.scenario) return;
        at(fieldText([...path, 'statements', index, 'scenario']), '（没有填写）', '这条陈述没有情景，题目本身也没有写 scenario。', '给题目写 scenario（所有陈述共用），或者给这条陈述写它自己的 scenario。');
      });
    }
  }
  return errors.length > 0 ? { errors } : { item };
}

/** INVALID_TEMPLATE for a template that does not fit the template schema; otherwise the parsed template. */
export function templateSchemaErrors(raw: unknown, path: FieldPath, file: string, locate: Locate): { errors: AuthorError[] } | { template: Template } {
  const parsed = schemaErrors('INVALID_TEMPLATE', TemplateSchema, raw, path, file, locate);
  return Array.isArray(parsed) ? { errors: parsed } : { template: parsed.data as Template };
}
