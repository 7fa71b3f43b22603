import { z } from 'zod';
import { editions, type EditionId } from '../rules/index.ts';
import { topicIds } from './topics.ts';
import { askedFieldIds, type AskedField } from './asked-fields.ts';

const editionIds = editions.map((edition) => edition.id) as [EditionId, ...EditionId[]];
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const askedField = z.enum(askedFieldIds as [AskedField, ...AskedField[]]);

/** How one parameter of a template is drawn. `text` maps a drawn value to the words the stem shows. */
export const ParamSpecSchema = z.union([
  z
    .object({
      oneOf: z.array(scalar).min(1).describe('从这些取值中抽一个。'),
      text: z.record(z.string(), z.string()).optional().describe('取值在题干中的文字，例如 { "true": "包邮", "false": "不包邮" }。'),
    })
    .strict(),
  z
    .object({
      time: z.tuple([z.string(), z.string()]).describe('北京时间范围 [起, 止]，例如 ["2025-09-01 08:00", "2025-09-30 22:00"]。'),
      stepMinutes: z.number().int().positive().default(1).describe('抽取的时间粒度（分钟）。'),
    })
    .strict(),
  z.object({ int: z.tuple([z.number().int(), z.number().int()]).describe('整数范围 [最小, 最大]。') }).strict(),
  z
    .object({
      deadline: z.enum(['sevenDayWindowEnd', 'shipBy']).describe('相对于哪个期限：sevenDayWindowEnd 七天期限截止；shipBy 最晚发货。'),
      from: z.string().describe('期限的起点：时间参数名（sevenDayWindowEnd 用签收时间，shipBy 用付款时间）。'),
      channel: z.string().optional().describe('shipBy 用：渠道参数名或渠道值（taobao / tmall / tmallGlobal）。'),
      hours: z.string().optional().describe('shipBy 用：约定发货小时数的参数名（不填用渠道默认）。'),
      offsetMinutes: z.array(z.number().int()).min(1).describe('在期限前后多少分钟（负数在前），例如 [-1, 0, 1]；0 即期限时刻。'),
    })
    .strict(),
]);

export const TemplateSchema = z
  .object({
    id: z
      .string()
      .regex(/^t-[a-z0-9]+(?:-[a-z0-9]+)*$/, '模板编号以 t- 开头，只用小写字母、数字和连字符')
      .describe('永久编号；变体编号为“模板编号~种子”。'),
    type: z.enum(['single', 'truefalse']),
    topics: z.array(z.enum(topicIds as [string, ...string[]])).min(1),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    exam: z.boolean().default(false).describe('true 表示变体只用于认证考试。'),
    stem: z.string().min(4).describe('题干，用 {{参数名}} 插入抽到的取值。'),
    params: z.record(z.string(), ParamSpecSchema).describe('参数：每次出题按种子抽取。'),
    facts: z.unknown().describe('情景事实，字符串里可用 {{参数名}}；整个取值写成 "{{参数名}}" 时代入原始类型（数字、布尔）。'),
    edition: z.enum(editionIds).optional(),
    ask: askedField.optional().describe('单选题问裁决的哪一项；选项自动由引擎从“差一点”的情景中生成。'),
    claim: z
      .object({ ask: askedField, equals: z.union([scalar, z.null()]) })
      .strict()
      .optional()
      .describe('判断题的断言；equals 可写 "{{参数名}}"。'),
    labels: z.enum(['是否', '正确错误']).default('正确错误'),
    explanation: z.string().optional(),
  })
  .strict()
  .refine((template) => (template.type === 'single' ? template.ask !== undefined : template.claim !== undefined), {
    message: '单选模板须写 ask，判断模板须写 claim。',
  });

export type ParamSpec = z.output<typeof ParamSpecSchema>;
export type Template = z.output<typeof TemplateSchema>;
