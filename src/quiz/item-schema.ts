import { z } from 'zod';
import { editions, type EditionId } from '../rules/index.ts';
import { topicIds } from './topics.ts';
import { askedFieldIds, type AskedField } from './asked-fields.ts';

const editionIds = editions.map((edition) => edition.id) as [EditionId, ...EditionId[]];
const answerValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const askedField = z.enum(askedFieldIds as [AskedField, ...AskedField[]]).describe(
  '问的是裁决的哪一项：resolution 处理结果；supported 支持哪方；decidingRule 决定性规则；freight.outbound / freight.return / freight.resend 运费；transitRisk.minor / destroyed / lost 运输风险；refundAmount 退款金额；testFee 检测费；shippedLate 是否延迟发货；claimInSevenDayWindow 是否在七天内；sevenDayWindowEnd 七天期限截止；shipBy 最晚发货；refundDueBy 退款期限；validSigning 是否有效签收；sevenDayEligible 是否支持七天无理由；sop.* 本店规范（取自 content/policy/shop.json，见 content/README.md）。',
);

/**
 * Where a question's facts come from: written out in full, or taken from a case (`case: <slug>`) with a `patch`
 * deep-merged over it (a `null` in the patch removes a fact).
 */
export const ScenarioSchema = z
  .object({
    case: z.string().optional().describe('以哪个案例的事实为基础（文件名，不含 .mdx）。'),
    facts: z.unknown().optional().describe('完整的情景事实（不以案例为基础时填写）。'),
    patch: z.unknown().optional().describe('在案例事实上修改的部分，写法同 facts；写 null 删除某个事实。'),
    edition: z.enum(editionIds).optional().describe('依据的规则版本，默认现行版。'),
  })
  .strict()
  .refine((scenario) => (scenario.case === undefined) !== (scenario.facts === undefined), {
    message: '情景要么写 case（以案例为基础），要么写 facts（完整事实），二者只能选一个。',
  });

/** A claim the engine can check: "the ruling's <ask> is <equals>". */
export const ClaimSchema = z
  .object({
    ask: askedField,
    equals: answerValue.describe('断言的取值，例如 buyer、return-and-refund、"2025-09-11 00:00"、true。'),
  })
  .strict();

const base = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '题目编号只能用小写字母、数字和连字符，例如 q-7day-window-01')
    .describe('永久编号：作答记录按它保存，发布后不能改名。'),
  topics: z.array(z.enum(topicIds as [string, ...string[]])).min(1).describe('所属主题。'),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('难度：1 入门；2 进阶；3 疑难。'),
  exam: z.boolean().default(false).describe('true 表示仅用于认证考试：不会出现在任何静态页面、练习或搜索中。'),
  stem: z.string().min(4).describe('题干（中文）。'),
  explanation: z.string().optional().describe('作者补充的讲解，作答后与规则链一起显示。'),
};

const OptionSchema = z
  .object({ value: answerValue.describe('选项代表的取值，由引擎判定对错。'), text: z.string().min(1).describe('选项文字。') })
  .strict();

export const tones = ['polite', 'rude'] as const;

/**
 * A reply (回复话术) the agent could send: what it promises the buyer, as claims the engine checks, and its tone. It is
 * the right reply when it is polite and every promise agrees with the ruling and the shop SOP.
 */
export const ReplyOptionSchema = z
  .object({
    text: z.string().min(1).describe('回复的原话。'),
    promises: z
      .array(ClaimSchema)
      .min(1)
      .describe('这条回复向买家承诺或断言的内容，每条写成引擎能核对的断言，例如 { ask: resolution, equals: return-and-refund }、{ ask: freight.return, equals: seller }、{ ask: sop.firstReplyBy, equals: "2025-10-24 20:05" }。'),
    tone: z.enum(tones).default('polite').describe('语气：polite 礼貌得体；rude 生硬、推诿或指责买家（内容再对也算错）。'),
  })
  .strict();

const singleAnswer = z.number().int().nonnegative().describe('作者认为正确的选项序号（从 0 开始），构建时与引擎核对。');

/** A single-choice item whose options stand for values of `ask`. */
export const ValueSingleSchema = z
  .object({
    ...base,
    type: z.literal('single'),
    scenario: ScenarioSchema,
    ask: askedField,
    options: z.array(OptionSchema).min(2).max(6),
    answer: singleAnswer,
  })
  .strict();

/** A single-choice item whose options are replies (回复话术题): no `ask`, each option lists its promises. */
export const ReplySingleSchema = z
  .object({
    ...base,
    type: z.literal('single'),
    scenario: ScenarioSchema,
    options: z.array(ReplyOptionSchema).min(2).max(6).describe('回复话术：每条写 text、promises 和 tone。'),
    answer: singleAnswer,
  })
  .strict();

/** Whether raw item data is written as a reply item (its options carry promises), to pick the schema that explains it. */
export function looksLikeReplyItem(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || 'ask' in raw) return false;
  const options = (raw as { options?: unknown }).options;
  return Array.isArray(options) && options.some((option) => option !== null && typeof option === 'object' && 'promises' in option);
}

export const SingleChoiceSchema = z.union([ValueSingleSchema, ReplySingleSchema]);

export const StatementSchema = z
  .object({
    text: z.string().min(4).describe('陈述的文字。'),
    scenario: ScenarioSchema.optional().describe('这条陈述自己的情景；不填则用题目的情景。'),
    claim: ClaimSchema,
  })
  .strict();

export const MultipleChoiceSchema = z
  .object({
    ...base,
    type: z.literal('multiple'),
    scenario: ScenarioSchema.optional(),
    statements: z.array(StatementSchema).min(3).max(6),
    answer: z.array(z.number().int().nonnegative()).describe('作者认为正确的陈述序号（从 0 开始）。'),
  })
  .strict();

export const TrueFalseSchema = z
  .object({
    ...base,
    type: z.literal('truefalse'),
    scenario: ScenarioSchema,
    claim: ClaimSchema,
    labels: z.enum(['是否', '正确错误']).default('正确错误').describe('两个选项显示为“是/否”还是“正确/错误”。'),
    answer: z.boolean().describe('作者认为断言是否成立。'),
  })
  .strict();

export const sequences = ['service-flow', 'negotiation-ladder'] as const;

export const OrderingSchema = z
  .object({
    ...base,
    type: z.literal('ordering'),
    sequence: z.enum(sequences).describe('排哪个流程：service-flow 售后标准流程；negotiation-ladder 协商阶梯（取自本店规范配置）。'),
    answer: z.array(z.string().min(1)).min(2).describe('作者认为的正确顺序（步骤名称）。'),
  })
  .strict();

// A plain union: the two single-choice shapes share `type: single`, which a discriminated union refuses. The gate picks
// the member by `type` (and `looksLikeReplyItem`), so authors still get one schema's messages.
export const ItemSchema = z.union([ValueSingleSchema, ReplySingleSchema, MultipleChoiceSchema, TrueFalseSchema, OrderingSchema]);

export type Scenario = z.output<typeof ScenarioSchema>;
export type Claim = z.output<typeof ClaimSchema>;
export type Item = z.output<typeof ItemSchema>;
export type SingleChoiceItem = z.output<typeof SingleChoiceSchema>;
export type ValueOption = z.output<typeof OptionSchema>;
export type ReplyOption = z.output<typeof ReplyOptionSchema>;
/** A single-choice item whose options are replies (回复话术题). */
export type ReplyItem = z.output<typeof ReplySingleSchema>;
/** A single-choice item whose options stand for values of `ask`. */
export type ValueItem = z.output<typeof ValueSingleSchema>;

export function isReplyItem(item: SingleChoiceItem): item is ReplyItem {
  return !('ask' in item);
}

export function isValueItem(item: SingleChoiceItem): item is ValueItem {
  return 'ask' in item;
}
export type MultipleChoiceItem = z.output<typeof MultipleChoiceSchema>;
export type TrueFalseItem = z.output<typeof TrueFalseSchema>;
export type OrderingItem = z.output<typeof OrderingSchema>;
export type Sequence = (typeof sequences)[number];
