import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { SCREENSHOTS } from './academy.ts';
import { axeViolations, describeViolations, launchBrowser, type Browser } from './harness.ts';

// Each check and save runs the content gate over the whole library in a child process: seconds on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-E2E-QFORM', cohort: null });
const PATH = 'questions/studio-e2e-form.yaml';
const CASE_TITLE = '快递柜 00:00 投递，第 8 天零点申请七天无理由';

let server: TestServer;
let browser: Browser;
let dataDir: string;
let contentDir: string;

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await tempDataDir();
  // The editor writes question files: it gets a copy of content/, never the repository's.
  contentDir = await mkdtemp(join(tmpdir(), 'asa-qform-content-'));
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  const tokens = await seedUsersWithSessions(dataDir, [lead]);
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens[lead.id]!, domain: new URL(server.url).hostname, path: '/' }]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

const FACTS = JSON.stringify({
  channel: 'taobao',
  order: { paidAt: '2025-09-28 10:00', price: 259, freeShipping: true },
  goods: { name: '外套', sevenDayClass: 'standard', condition: 'intact' },
  shipment: { shipped: true, carrierRecordedAt: '2025-09-29 09:00' },
  delivery: { status: 'signed', signedAt: '{{signedAt}}', receivedBy: 'self', confirmation: 'none' },
  claim: { at: '{{claimAt}}', type: 'return-and-refund', reason: 'no-reason' },
});

/** What the form writes: the same YAML a person writes (house style of a new file). */
const EXPECTED = `items:
  - id: studio-e2e-form-01
    type: single
    topics: [seven-day]
    difficulty: 2
    stem: 快递柜 11 月 4 日 00:00 显示签收。七天无理由退货最晚什么时候之前申请？
    scenario: { case: locker-signed-0000-seven-day-in-time }
    ask: sevenDayWindowEnd
    options:
      - { value: "2025-11-12 00:00", text: "2025-11-12 00:00 前" }
      - { value: "SUGGESTED", text: "SUGGESTED 前" }
    answer: 0
templates:
  - id: t-studio-e2e-form-01
    type: single
    topics: [seven-day]
    difficulty: 1
    stem: 买家 {{signedAt}} 签收一件外套，{{claimAt}} 申请七天无理由退货，商品完好。平台会怎么处理？
    params:
      signedAt: { time: ["2025-10-01 08:00", "2025-10-30 22:00"], stepMinutes: 5 }
      claimAt: { deadline: sevenDayWindowEnd, from: signedAt, offsetMinutes: [-1, 0] }
    facts:
      channel: taobao
      order: { paidAt: "2025-09-28 10:00", price: 259, freeShipping: true }
      goods: { name: 外套, sevenDayClass: standard, condition: intact }
      shipment: { shipped: true, carrierRecordedAt: "2025-09-29 09:00" }
      delivery: { status: signed, signedAt: "{{signedAt}}", receivedBy: self, confirmation: none }
      claim: { at: "{{claimAt}}", type: return-and-refund, reason: no-reason }
    ask: resolution
`;

describe('question editor form', () => {
  it('authors an engine-keyed item with a suggested distractor and a template with previewed seeds, and saves the YAML a person writes', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent(PATH)}&new=1`);
    await page.getByRole('button', { name: '添加', exact: true }).click();

    const item = page.locator('.entry-form');
    await item.getByLabel('题干', { exact: true }).fill('快递柜 11 月 4 日 00:00 显示签收。七天无理由退货最晚什么时候之前申请？');
    await item.getByLabel('七天无理由', { exact: true }).check();
    await item.getByLabel('难度').selectOption('2');
    await item.getByLabel('以案例为基础（可改几个事实）').check();
    await item.getByLabel('查找案例').fill('快递柜 00:00');
    await item.getByRole('button', { name: `选用「${CASE_TITLE}」` }).click();
    await item.getByLabel('问的是裁决的哪一项').selectOption('sevenDayWindowEnd');
    // The key is the engine's from the moment the scenario is complete: no option needed yet.
    await item.getByRole('button', { name: '添加选项' }).click();
    await item.getByLabel('选项 1 代表的取值').fill('2025-11-12 00:00');
    expect(await item.getByLabel('选项 1 的文字').inputValue()).toBe('2025-11-12 00:00 前');
    expect(await item.locator('[data-engine-key]').innerText()).toBe('引擎判定的答案：2025-11-12 00:00 前');

    // The engine's near misses: one click adds a wrong option.
    const suggestion = item.locator('[data-suggestion]').first();
    const suggested = (await suggestion.innerText()).replace(/^加入「(.*) 前」$/, '$1');
    expect(suggested).toMatch(/^2025-11-1\d \d\d:\d\d$/);
    await suggestion.click();
    expect(await item.getByLabel('选项 2 代表的取值').inputValue()).toBe(suggested);

    // A template: parameters with ranges, facts with placeholders, and seeds 1–8 previewed with their keys.
    await page.getByLabel('新增').selectOption('template-single');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    const template = page.locator('.entry-form');
    await template.getByLabel('题干', { exact: true }).fill('买家 {{signedAt}} 签收一件外套，{{claimAt}} 申请七天无理由退货，商品完好。平台会怎么处理？');
    await template.getByLabel('七天无理由', { exact: true }).check();
    await template.getByRole('button', { name: '添加参数' }).click();
    await template.getByLabel('参数 1 的名称').fill('signedAt');
    await template.getByLabel('取值方式').selectOption('time');
    await template.getByLabel('最早（北京时间）').fill('2025-10-01 08:00');
    await template.getByLabel('最晚（北京时间）').fill('2025-10-30 22:00');
    await template.getByLabel('粒度（分钟）').fill('5');
    await template.getByRole('button', { name: '添加参数' }).click();
    await template.getByLabel('参数 2 的名称').fill('claimAt');
    await template.getByLabel('取值方式').nth(1).selectOption('deadline');
    await template.getByLabel('起点（时间参数名）').fill('signedAt');
    await template.getByLabel('在期限前后多少分钟（逗号分隔，负数在前）').fill('-1, 0');
    await template.getByLabel(/^情景事实/).fill(FACTS);
    await template.getByLabel('预览种子 1 到').fill('8');
    const rows = template.locator('.template-preview tbody tr');
    await expect.poll(() => rows.count()).toBe(8);
    const keys = await rows.locator('td:last-child').allInnerTexts();
    // The claim lands one minute before or exactly at the window's end: both answers occur across the seeds.
    expect(new Set(keys).size).toBeGreaterThan(1);
    expect(keys.every((key) => key.trim() !== '' && !key.includes('无法生成'))).toBe(true);

    await page.locator('.check-status', { hasText: '内容检查通过。' }).waitFor({ timeout: 120_000 });
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 120_000 });
    const written = await readFile(join(contentDir, PATH), 'utf8');
    expect(written).toBe(EXPECTED.replaceAll('SUGGESTED', suggested));

    // Reopened, the saved file shows the same items, each following the engine; saving unchanged changes nothing.
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent(PATH)}`);
    expect(await page.locator('.entry-form [data-engine-key]').innerText()).toBe('引擎判定的答案：2025-11-12 00:00 前');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('没有修改需要保存。').waitFor({ timeout: 120_000 });
    expect(await readFile(join(contentDir, PATH), 'utf8')).toBe(written);
    await page.screenshot({ path: `${SCREENSHOTS}studio-question-form.png`, fullPage: true });
  });

  it('shows the gate\'s message at the answer when the author overrides the engine, and refuses the save', async () => {
    const { page } = browser;
    const before = await readFile(join(contentDir, PATH), 'utf8');
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent(PATH)}`);
    const item = page.locator('.entry-form');
    await item.getByLabel('自定答案（不跟随引擎；保存前由内容检查核对）').check();
    await item.getByLabel('作者认为正确的选项').selectOption('1');
    await item.getByText('你的答案与引擎不同。').waitFor();
    await item.locator('.key-panel .gate-message').first().waitFor({ timeout: 120_000 });
    expect(await item.locator('.key-panel .gate-message').first().innerText()).toMatch(/引擎判定：sevenDayWindowEnd/);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('[data-save-status="refused"]').waitFor({ timeout: 120_000 });
    expect(await readFile(join(contentDir, PATH), 'utf8')).toBe(before);
  });

  it('does not overwrite a version saved since the form opened: shows it, then saves over it only when asked', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent(PATH)}`);
    const item = page.locator('.entry-form');
    await item.getByLabel('仅用于认证考试').check();
    // Someone else saves the file meanwhile (a hand edit: a comment line at the top).
    const theirs = `# 另一位组长加的注释\n${await readFile(join(contentDir, PATH), 'utf8')}`;
    await writeFile(join(contentDir, PATH), theirs);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('这个文件在你打开之后已被别人保存过').waitFor({ timeout: 120_000 });
    expect(await readFile(join(contentDir, PATH), 'utf8')).toBe(theirs);
    await page.getByRole('button', { name: '查看对方保存的版本' }).click();
    await page.locator('.conflict pre', { hasText: '另一位组长加的注释' }).waitFor();
    await page.getByRole('button', { name: '看过对方的版本，用我的内容保存' }).click();
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 120_000 });
    // Their comment stays; the exam-only flag is one new line in the item.
    expect(await readFile(join(contentDir, PATH), 'utf8')).toBe(theirs.replace('    difficulty: 2\n', '    difficulty: 2\n    exam: true\n'));
  });

  it('keeps an unsaved edit as the lead\'s draft and offers it after a reload', async () => {
    const { page } = browser;
    const before = await readFile(join(contentDir, PATH), 'utf8');
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent(PATH)}`);
    const stem = page.locator('.entry-form').getByLabel('题干', { exact: true });
    await stem.fill('草稿里的题干：快递柜 11 月 4 日 00:00 显示签收，申请期限到什么时候？');
    await page.getByText(/^已自动保存草稿/).waitFor({ timeout: 60_000 });
    await page.reload();
    await page.getByRole('button', { name: '恢复草稿' }).click();
    expect(await page.locator('.entry-form').getByLabel('题干', { exact: true }).inputValue()).toBe('草稿里的题干：快递柜 11 月 4 日 00:00 显示签收，申请期限到什么时候？');
    // A draft is never the content file.
    expect(await readFile(join(contentDir, PATH), 'utf8')).toBe(before);
  });

  it('reads at 375 px without sideways scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent('questions/a-seven-day.yaml')}`);
    await page.locator('.entry-form [data-engine-key]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}studio-question-form-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
