import { describe, expect, it } from 'vitest';
import { scenario as facts } from '../../tests/factories/facts.ts';
import { defaultShopPolicy } from '../rules/index.ts';
import { buildBank } from './bank.ts';
import { assembleAttempt, BlueprintUnfillableError, blueprintUnits, checkBlueprint, checkBlueprintUnits } from './exam-assembly.ts';
import { attemptPhase, examEligibility, type PastAttempt } from './exam-eligibility.ts';
import { displayAnswer, examQuestion, gradePaper, questionLookup } from './exam-paper.ts';
import { ExamSchema } from './exam-schema.ts';
import { ItemSchema, TemplateSchema, type ScenarioContext } from './index.ts';

const context: ScenarioContext = {
  caseFacts: (slug) => (slug === 'base' ? { facts: facts(), edition: '2025-08-15' } : undefined),
  shopPolicy: defaultShopPolicy,
};

const single = (id: string, topic: string, exam = true) =>
  ItemSchema.parse({
    id,
    type: 'single',
    topics: [topic],
    difficulty: 1,
    exam,
    stem: '包邮商品七天无理由退货，退回运费由谁承担？',
    scenario: { case: 'base' },
    ask: 'freight.return',
    options: [
      { value: 'buyer', text: '买家' },
      { value: 'seller', text: '卖家' },
      { value: 'platform', text: '平台' },
    ],
    answer: 0,
  });

const template = (id: string) =>
  TemplateSchema.parse({
    id,
    type: 'single',
    topics: ['seven-day'],
    difficulty: 2,
    exam: true,
    stem: '买家 {{signedAt}} 签收，{{claimAt}} 申请七天无理由退货。平台会怎么处理？',
    params: {
      signedAt: { time: ['2025-09-01 08:00', '2025-09-30 22:00'], stepMinutes: 5 },
      claimAt: { deadline: 'sevenDayWindowEnd', from: 'signedAt', offsetMinutes: [-1, 0] },
    },
    facts: facts({ delivery: { signedAt: '{{signedAt}}' }, claim: { at: '{{claimAt}}' } }),
    ask: 'resolution',
  });

const bank = buildBank(
  [
    {
      items: [
        ...['a', 'b', 'c', 'd'].map((suffix) => single(`q-freight-${suffix}`, 'freight')),
        ...['a', 'b', 'c'].map((suffix) => single(`q-quality-${suffix}`, 'quality')),
        single('q-practice', 'freight', false),
      ],
      templates: [template('t-window-a'), template('t-window-b')],
    },
  ],
  context,
);

const exam = (overrides: Record<string, unknown> = {}) =>
  ExamSchema.parse({
    id: 'unit-exam',
    title: '单元测试考试',
    blueprint: [
      { topics: ['freight'], count: 3 },
      { topics: ['quality'], count: 2 },
      { count: 3 },
    ],
    timeLimitMinutes: 30,
    passMark: 0.8,
    attemptsAllowed: 2,
    cooldownHours: 24,
    reviewPolicy: 'mistakes',
    certificateValidityDays: 365,
    ...overrides,
  });

describe('assembleAttempt', () => {
  it('draws the same paper, in the same order with the same option shuffles, from the same seed', () => {
    expect(assembleAttempt(exam(), bank, 42)).toEqual(assembleAttempt(exam(), bank, 42));
    expect(assembleAttempt(exam(), bank, 42)).not.toEqual(assembleAttempt(exam(), bank, 43));
  });

  it('fills each section from its topics, never repeats a question and takes at most one variant per template', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const paper = assembleAttempt(exam(), bank, seed);
      const ids = paper.map((entry) => entry.itemId);
      expect(ids).toHaveLength(8);
      expect(new Set(ids).size).toBe(8);
      expect(ids.slice(0, 3).every((id) => id.startsWith('q-freight-'))).toBe(true);
      expect(ids.slice(3, 5).every((id) => id.startsWith('q-quality-'))).toBe(true);
      const templates = ids.filter((id) => id.includes('~')).map((id) => id.split('~')[0]);
      expect(new Set(templates).size).toBe(templates.length);
      expect(ids).not.toContain('q-practice');
    }
  });

  it('gives every choice question a permutation of its options', () => {
    for (const entry of assembleAttempt(exam(), bank, 7)) {
      const order = entry.optionOrder!;
      expect([...order].sort()).toEqual(order.map((_, index) => index));
    }
  });

  it('lets examOnly: false sections draw practice items too', () => {
    const open = exam({ blueprint: [{ topics: ['freight'], count: 5, examOnly: false, pools: ['items'] }] });
    expect(checkBlueprint(open, bank).passed).toBe(true);
    expect(assembleAttempt(open, bank, 1).map((entry) => entry.itemId).sort()).toContain('q-practice');
  });
});

describe('checkBlueprint', () => {
  it('passes a blueprint the bank fills for every seed', () => {
    expect(checkBlueprint(exam(), bank).passed).toBe(true);
  });

  it('fails a section whose matching questions earlier sections may already have taken, with the numbers', () => {
    const greedy = exam({ blueprint: [{ count: 6, pools: ['items'] }, { topics: ['quality'], count: 2 }] });
    const check = checkBlueprint(greedy, bank);
    expect(check.passed).toBe(false);
    expect(check.sections[1]).toMatchObject({ needed: 2, matching: 3, takenEarlier: 3, passed: false });
    expect(() => assembleAttempt(greedy, bank, 1)).toThrow(BlueprintUnfillableError);
    // The exam editor's live check: the same numbers from units that carry no id, text or key.
    const units = blueprintUnits(bank);
    expect(checkBlueprintUnits(greedy.blueprint, units)).toEqual(check);
    expect(Object.keys(units[0]!).sort()).toEqual(['exam', 'kind', 'topics']);
    expect(() => assembleAttempt(greedy, bank, 1)).toThrowErrorMatchingInlineSnapshot(
      `[Error: 考试 unit-exam 的第 2 部分需要 2 道题，题库中符合条件的有 3 道，前面各部分最多可能占用 3 道。请减少 count、放宽 topics 或 examOnly，或补充认证题。]`,
    );
  });
});

describe('gradePaper', () => {
  const paper = assembleAttempt(exam(), bank, 3);
  const lookup = questionLookup(bank);

  it('grades the displayed correct choice as correct whatever the shuffle, and an unanswered question as wrong', () => {
    const responses = Object.fromEntries(paper.slice(1).map((entry) => [entry.itemId, displayAnswer(entry, lookup(entry.itemId)!.key)]));
    const result = gradePaper(paper, responses, lookup);
    expect(result).toMatchObject({ score: 7, maxScore: 8 });
    expect(result.perItem[0]!.correct).toBe(false);
  });

  it('shows choices in the attempt order and never the key', () => {
    const entry = paper[0]!;
    const question = examQuestion(entry, lookup(entry.itemId)!);
    expect(Object.keys(question).sort()).toEqual(['choices', 'id', 'stem', 'type']);
    expect(question.choices[entry.optionOrder!.indexOf(0)]).toBe('买家');
  });
});

describe('examEligibility', () => {
  const hour = 3_600_000;
  const now = Date.UTC(2026, 0, 10, 2, 0);
  const finished = (endedHoursAgo: number): PastAttempt => ({
    status: 'submitted',
    startedAt: now - endedHoursAgo * hour - hour,
    deadlineAt: now - endedHoursAgo * hour,
    submittedAt: now - endedHoursAgo * hour,
  });
  const failed = (eligibility: ReturnType<typeof examEligibility>) => eligibility.conditions.filter((c) => !c.passed).map((c) => c.id);

  it('lets a first attempt start inside the window', () => {
    expect(examEligibility(exam({ availability: { from: '2026-01-01 09:00', to: '2026-02-01 09:00' } }), [], now).eligible).toBe(true);
  });

  it('refuses a start one minute before the window opens (Beijing time) and says when it opens', () => {
    const opensAt = exam({ availability: { from: '2026-01-10 10:01' } });
    const result = examEligibility(opensAt, [], now);
    expect(failed(result)).toEqual(['opens']);
    expect(result.nextAt).toBe(now + 60_000);
  });

  it('refuses a start after the window closed, for good', () => {
    const result = examEligibility(exam({ availability: { to: '2026-01-10 10:00' } }), [], now);
    expect(failed(result)).toEqual(['closes']);
    expect(result.nextAt).toBeNull();
  });

  it('refuses a retake inside the cooldown and allows it once the cooldown has passed', () => {
    expect(failed(examEligibility(exam(), [finished(23)], now))).toEqual(['cooldown']);
    expect(examEligibility(exam(), [finished(23)], now).nextAt).toBe(now + hour);
    expect(examEligibility(exam(), [finished(24)], now).eligible).toBe(true);
  });

  it('refuses a start once the allowed attempts are used', () => {
    expect(failed(examEligibility(exam(), [finished(100), finished(50)], now))).toEqual(['attempts']);
  });
});

describe('attemptPhase', () => {
  const attempt: PastAttempt = { status: 'in-progress', startedAt: 0, deadlineAt: 1000, submittedAt: null };
  it('is open up to the deadline and overdue one millisecond after it', () => {
    expect(attemptPhase(attempt, 1000)).toBe('open');
    expect(attemptPhase(attempt, 1001)).toBe('overdue');
    expect(attemptPhase({ ...attempt, status: 'submitted', submittedAt: 900 }, 5000)).toBe('submitted');
  });
});

describe('ExamSchema', () => {
  it('refuses a window that closes before it opens', () => {
    const result = ExamSchema.safeParse({ ...exam(), availability: { from: '2026-02-01 09:00', to: '2026-01-01 09:00' } });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['开放时间的 from 必须早于 to。']);
  });

  it('tells the author which field is wrong and what to write', () => {
    const result = ExamSchema.safeParse({ ...exam(), id: 'Basic Exam', passMark: 80, availability: { from: '2026/01/01', to: '2026-02-30 09:00' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toMatchInlineSnapshot(`
      [
        "id: 考试编号只能用小写字母、数字和连字符，例如 basic-certification",
        "passMark: 及格线写成 0 到 1 之间的小数，例如 0.8 表示答对 80%（不要写 80）。",
        "availability.from: 时间写成北京时间 "YYYY-MM-DD HH:mm"，例如 "2026-01-01 09:00"",
        "availability.to: 没有这个日期或时刻，例如 2 月 30 日或 24:00；请改成真实的北京时间。",
      ]
    `);
  });
});
