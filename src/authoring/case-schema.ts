import { z } from 'zod';
import { editions, CURRENT_EDITION, type EditionId } from '../rules/index.ts';
import { resolutions } from '../rules/index.ts';
import { topicIds } from '../quiz/index.ts';

const party = z.enum(['buyer', 'seller']);
const editionIds = editions.map((edition) => edition.id) as [EditionId, ...EditionId[]];

/**
 * What the author says the rules decide. Every field given is compared with `decide()`; fields left out are not
 * checked. resolution, supported, decidingRule and freight are required because every case teaches them.
 */
export const ExpectedRulingSchema = z
  .object({
    resolution: z.enum(resolutions).describe('处理结果：refund 退款；return-and-refund 退货退款；partial-refund 部分退款；pay-seller 打款卖家；reject 驳回；exchange 换货；resend 补寄；repair 维修；not-accepted 不予受理。'),
    supported: z.enum(['buyer', 'seller', 'none']).describe('支持哪一方：buyer 买家；seller 卖家；none 不予受理时。'),
    decidingRule: z.string().regex(/^R-[A-Z0-9-]+$/).describe('决定结果的平台或法律规则编号，例如 R-7DAY-WINDOW。'),
    freight: z
      .object({
        outbound: party.nullable().describe('发货运费由谁承担；没有发货写 null。'),
        return: party.nullable().describe('退货运费由谁承担；没有退回写 null。'),
        resend: party.optional().describe('补寄、换货或再次发回的运费由谁承担（有再次发货时填写）。'),
      })
      .strict()
      .nullable()
      .describe('运费承担；商品没有任何移动（例如未发货直接退款）写 null。'),
    transitRisk: z
      .object({
        leg: z.enum(['outbound', 'return']).describe('哪一段运输：outbound 发货途中；return 退货途中。'),
        minor: party.describe('破损风险由谁承担。'),
        destroyed: party.describe('损毁风险由谁承担。'),
        lost: party.describe('灭失风险由谁承担。'),
      })
      .strict()
      .optional()
      .describe('运输风险（案例教授风险分配时填写）。'),
    refundAmount: z.number().nonnegative().optional().describe('退给买家的金额（元）。'),
    options: z.array(z.enum(resolutions)).optional().describe('买家可以选择的处理方式（三包、表面不一致时）。'),
    testFee: z.enum(['buyer', 'seller', 'negotiate']).optional().describe('检测费由谁承担：negotiate 双方协商。'),
    shippedLate: z.boolean().optional().describe('是否延迟发货。'),
    claimInSevenDayWindow: z.boolean().optional().describe('申请是否在七天无理由期限内。'),
    sevenDayWindowEnd: z.string().optional().describe('七天无理由期限的截止时刻（北京时间，不含该时刻），例如“2025-09-11 00:00”。'),
    shipBy: z.string().optional().describe('最晚发货时刻（北京时间），例如“2025-09-04 10:00”。'),
    sop: z.array(z.string().regex(/^SOP-[A-Z0-9-]+$/)).optional().describe('本案要求客服执行的本店规范编号；每一条都必须出现在引擎给出的本店规范中。'),
    overriddenSop: z.array(z.string().regex(/^SOP-[A-Z0-9-]+$/)).optional().describe('本案中被平台规则推翻的本店规范编号。'),
  })
  .strict();

/** Frontmatter of a case study in content/cases/*.mdx. */
export const CaseFrontmatterSchema = z
  .object({
    title: z.string().min(4).describe('案例标题，一句话说清争议，例如“签收第 7 天 23:59 申请七天无理由”。'),
    summary: z.string().min(10).describe('一两句话的摘要，显示在案例列表和搜索结果里。'),
    topics: z.array(z.enum(topicIds as [string, ...string[]])).min(1).describe('所属主题（可多个），见 content/README.md 的主题表。'),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe('难度：1 入门；2 进阶；3 疑难。'),
    edition: z.enum(editionIds).default(CURRENT_EDITION).describe('依据的规则版本，默认现行 2025-08-15 版；旧版措辞写 legacy。'),
    facts: z.unknown().describe('情景事实，按事实模型填写（见 content/README.md）。'),
    expected: ExpectedRulingSchema.describe('作者认为规则应当给出的裁决，构建时与规则引擎逐项核对。'),
    related: z.array(z.string()).optional().describe('相关案例的文件名（不含 .mdx）。'),
  })
  .strict();

export type CaseFrontmatter = z.output<typeof CaseFrontmatterSchema>;
export type ExpectedRuling = z.output<typeof ExpectedRulingSchema>;
