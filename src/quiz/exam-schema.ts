import { z } from 'zod';
import { topicIds } from './topics.ts';
import { parseBeijingTime } from '../rules/index.ts';

const TIME_FORMAT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const beijingTime = z
  .string()
  .regex(TIME_FORMAT, '时间写成北京时间 "YYYY-MM-DD HH:mm"，例如 "2026-01-01 09:00"')
  // Only a well-formed time gets this second message, so a typo is reported once.
  .refine((text) => !TIME_FORMAT.test(text) || parseBeijingTime(text) !== null, '没有这个日期或时刻，例如 2 月 30 日或 24:00；请改成真实的北京时间。')
  .describe('北京时间，例如 "2026-01-01 09:00"。');

/** One block of the paper: how many questions to draw, from which topics and which pools. */
export const BlueprintSectionSchema = z
  .object({
    title: z.string().min(1).optional().describe('这一部分在试卷上的名称（可不填）。'),
    topics: z
      .array(z.enum(topicIds as [string, ...string[]]))
      .min(1)
      .optional()
      .describe('只从这些主题的题目中抽（题目的任一主题在列表中即可）；不填表示不限主题。'),
    count: z.number().int().positive().describe('这一部分抽几道题。'),
    pools: z
      .array(z.enum(['items', 'templates']))
      .min(1)
      .default(['items', 'templates'])
      .describe('从哪里抽：items 作者写好的题目；templates 模板生成的变体（每个模板每场考试至多一道）。'),
    examOnly: z
      .boolean()
      .default(true)
      .describe('true 只抽标记为 exam: true 的题目与模板（练习中从未出现过）；false 练习题也可以抽。'),
  })
  .strict();

/** A certification exam as authored in `content/exams/<id>.yaml`. */
export const ExamSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '考试编号只能用小写字母、数字和连字符，例如 basic-certification')
      .describe('永久编号：作答记录和证书按它保存，发布后不能改名。'),
    title: z.string().min(2).describe('考试名称（中文）。'),
    description: z.string().optional().describe('考前说明。'),
    blueprint: z.array(BlueprintSectionSchema).min(1).describe('试卷结构：按顺序抽题，同一道题不会在两部分中重复出现。'),
    timeLimitMinutes: z.number().int().positive().max(600).describe('作答时限（分钟），从开始考试起按服务器时钟计算。'),
    graceSeconds: z
      .number()
      .int()
      .nonnegative()
      .max(300)
      .default(30)
      .describe('时限到后再接受保存的秒数，用于吸收网络延迟；过后服务器自动交卷。'),
    passMark: z.number().min(0, '及格线写成 0 到 1 之间的小数，例如 0.8。').max(1, '及格线写成 0 到 1 之间的小数，例如 0.8 表示答对 80%（不要写 80）。').describe('及格线：答对比例，例如 0.8 表示答对 80%。'),
    attemptsAllowed: z.number().int().positive().describe('每位学员最多考几次（含未及格的）。'),
    cooldownHours: z.number().nonnegative().default(0).describe('一次考试结束后，至少隔多少小时才能再考。'),
    availability: z
      .object({ from: beijingTime.optional(), to: beijingTime.optional() })
      .strict()
      .optional()
      .describe('开放时间（北京时间）：from 之前和 to 之后不能开始考试；不填表示一直开放。'),
    audience: z
      .enum(['everyone', 'assigned'])
      .default('everyone')
      .describe(
        '谁能参加：everyone 所有学员都能在开放时间内参加（组长布置只是加上截止时间）；assigned 只有组长布置到的班组能参加，且只能在布置的开放时间内开始。',
      ),
    reviewPolicy: z
      .enum(['score-only', 'mistakes', 'full'])
      .describe('交卷后能看到什么：score-only 只看分数；mistakes 看错题的正确答案与依据；full 看全部题目的答案与依据。'),
    certificateValidityDays: z.number().int().positive().describe('及格后证书的有效天数。'),
  })
  .strict()
  .refine(
    (exam) => {
      const from = exam.availability?.from ? parseBeijingTime(exam.availability.from) : null;
      const to = exam.availability?.to ? parseBeijingTime(exam.availability.to) : null;
      // A missing or malformed end is reported by its own field; compare only two real instants.
      return from === null || to === null || from < to;
    },
    {
      message: '开放时间的 from 必须早于 to。',
      path: ['availability'],
    },
  );

export type BlueprintSection = z.output<typeof BlueprintSectionSchema>;
export type Exam = z.output<typeof ExamSchema>;
