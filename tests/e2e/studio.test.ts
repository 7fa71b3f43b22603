import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { SCREENSHOTS } from './academy.ts';
import { type Browser, describeViolations, axeViolations, launchBrowser } from './harness.ts';

vi.setConfig({ testTimeout: 600_000 });

const SLUG = 'studio-e2e-coat-one-minute';
const TITLE = '工作室编写：大衣签收后第七天深夜申请退货';
const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-STUDIO-E2E' });
const trainee = newUser({ name: '张三', employeeId: 'E-STUDIO-E2E', cohort: '售后一组' });
let server: TestServer;
let base: string;
let site: string;
let contentDir: string;
let tokens: Record<string, string>;
let browser: Browser;

/**
 * The served site is a copy of dist/ in a scratch project whose sources and node_modules link to this one, so a
 * publish swaps the copy's dist/client and never the dist/ other tests serve (as in tests/server/studio-publish.test.ts).
 * CONTENT_DIR is a fresh git repository holding a copy of content/.
 */
beforeAll(async () => {
  await ensureBuilt();
  base = await tempDataDir();
  site = join(base, 'site');
  await mkdir(site);
  await cp(join(ROOT, 'dist'), join(site, 'dist'), { recursive: true });
  for (const name of ['node_modules', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) symlinkSync(join(ROOT, name), join(site, name));
  contentDir = join(base, 'content');
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=Setup', '-c', 'user.email=setup@academy.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'Initial content');
  const dataDir = join(base, 'data');
  await mkdir(dataDir);
  tokens = await seedUsersWithSessions(dataDir, [lead, trainee]);
  // --preserve-symlinks-main: start.mjs serves the project it is found in (site/), as in tests/server/studio-publish.test.ts.
  server = await startServer({
    dataDir,
    command: [process.execPath, '--preserve-symlinks-main', join(site, 'src/server/start.mjs')],
    env: { CONTENT_DIR: contentDir, STUDIO_PUBLISH: 'on' },
  });
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(base, { recursive: true, force: true });
});

const signIn = (token: string) => browser.context.addCookies([{ name: 'asa_session', value: token, url: server.url }]);

describe('studio access', () => {
  it('sends an anonymous visitor to sign in and refuses a trainee', async () => {
    const anonymous = await fetch(`${server.url}/lead/studio/case?new=1`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=%2Flead%2Fstudio%2Fcase/);
    const asTrainee = await fetch(`${server.url}/lead/studio`, { headers: { cookie: `asa_session=${tokens[trainee.id]}` }, redirect: 'manual' });
    expect(asTrainee.status).toBe(403);
    const api = await fetch(`${server.url}/api/studio/preview`, {
      method: 'POST',
      headers: { cookie: `asa_session=${tokens[trainee.id]}`, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ markdown: 'x' }),
    });
    expect(api.status).toBe(403);
  });
});

describe('writing a case from a sandbox scenario', () => {
  it('opens the sandbox scenario in the studio, flags a wrong freight bearer at the field, saves and publishes', async () => {
    const { page } = browser;
    await signIn(tokens[lead.id]!);

    // The sandbox keeps its scenario in the address bar.
    await page.goto(`${server.url}/sandbox?case=seven-day-last-minute`);
    const claimAt = page.locator('#fact-claim-at');
    await claimAt.fill('2025-09-10 23:30');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('facts')?.includes('23:30'));
    // page.url() can lag a replaceState the page has already made: read the page's own address.
    const shared = await page.evaluate(() => location.href);
    await page.goto(shared);
    await expect.poll(() => claimAt.inputValue(), { timeout: 30_000 }).toBe('2025-09-10 23:30');

    await page.getByRole('link', { name: '在工作室中打开' }).click();
    await page.waitForURL(/\/lead\/studio\/case\?new=1/);
    await page.getByText('已从情景沙盒载入事实').waitFor();
    await expect.poll(() => page.locator('#fact-claim-at').inputValue(), { timeout: 30_000 }).toBe('2025-09-10 23:30');

    await page.getByLabel('文件名').fill(SLUG);
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('摘要').fill('买家在七天期限最后半小时申请退货，客服误以为已超期：期限从签收次日零时起算。');
    await page.getByRole('checkbox', { name: '七天无理由' }).check();
    await page.getByLabel('## 情景').fill('> **买家**：大衣颜色不喜欢，申请七天无理由退货。');
    await page.getByLabel('## 核实要点').fill('- 签收时间：2025-09-03 20:15。\n- 申请时间：2025-09-10 23:30。');
    await page.getByLabel('## 回复话术').fill('> 亲，您的申请在七天无理由期限内，我们同意退货。');
    await page.getByLabel('## 裁决与理由').fill('期限从签收次日零时起算，**仍在期限内**。');
    await page.getByLabel('## 常见错误').fill('- 从签收时刻起算 7×24 小时。');
    // The preview is rendered by the case pages' processor.
    await page.locator('.body-preview strong', { hasText: '仍在期限内' }).waitFor();

    // The author insists the seller pays the return freight: marked at once, then the gate's own message at the field.
    const row = page.locator('.expected-row[data-field="freight.return"]');
    await row.getByRole('radio', { name: '自定' }).check();
    await row.getByLabel('退货运费承担方（自定）').selectOption('seller');
    await row.getByText('与引擎不同：引擎判定为“买家”。').waitFor();
    await row.locator('.gate-message', { hasText: '引擎判定' }).waitFor({ timeout: 120_000 });
    await expect.poll(() => row.locator('.gate-message').innerText(), { timeout: 30_000 }).toMatch(/修改：/);
    await page.screenshot({ path: join(SCREENSHOTS, 'studio-case-disagreement.png'), fullPage: true });

    // Saving anyway is refused with the same message.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('内容检查没有通过').waitFor({ timeout: 120_000 });

    // Fixed: the field follows the engine again.
    await row.getByRole('radio', { name: '跟随引擎' }).check();
    await expect.poll(() => row.locator('.field-error, .gate-message').count(), { timeout: 30_000 }).toBe(0);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存（.*），内容检查通过/).waitFor({ timeout: 120_000 });
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('path'))).toBe(`cases/${SLUG}.mdx`);
    const written = readFileSync(join(contentDir, 'cases', `${SLUG}.mdx`), 'utf8');
    expect(written).toContain(`title: ${TITLE}`);
    expect(written).toContain('freight: { outbound: seller, return: buyer }');
    expect(written).toContain('claim: { at: "2025-09-10 23:30"');
    expect(execFileSync('git', ['log', '-1', '--format=%an %s'], { cwd: contentDir, encoding: 'utf8' }).trim()).toBe(`王组长 Studio: create content/cases/${SLUG}.mdx`);

    const violations = describeViolations(await axeViolations(page));
    expect(violations).toEqual([]);

    // Publish: a background rebuild with progress, then the case page and a search hit.
    expect((await fetch(`${server.url}/cases/${SLUG}`)).status).toBe(404);
    await page.getByRole('button', { name: '发布到站点' }).click();
    await page.locator('progress, #publish-status .field-error').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('#publish-status').innerText()).not.toMatch(/失败|没有开始|不能/);
    await page.getByText(/发布完成（100%）/).waitFor({ timeout: 540_000 });
    const casePage = await fetch(`${server.url}/cases/${SLUG}`);
    expect(casePage.status).toBe(200);
    expect(await casePage.text()).toContain(TITLE);
    // A page the publish added gets the security headers of every prerendered page (src/server/serve/static-headers.ts).
    expect(casePage.headers.get('content-security-policy')).toMatch(/script-src/);
    expect(casePage.headers.get('x-content-type-options')).toBe('nosniff');

    // ?q= runs the search once Pagefind's UI exists (typing could race its start-up), as in cases.test.ts.
    await page.goto(`${server.url}/search?q=${encodeURIComponent('工作室编写')}`);
    await page.locator(`.pagefind-ui__result-link[href^="/cases/${SLUG}"]`).first().waitFor({ timeout: 60_000 });
  });

  it('reads at 375 px without sideways scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/lead/studio/case?path=${encodeURIComponent(`cases/${SLUG}.mdx`)}`);
    await page.locator('#meta-title-input').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.goto(`${server.url}/lead/studio`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

const TEMPLATE = `templates:
  - id: t-studio-e2e-window
    type: single
    topics: [seven-day]
    difficulty: 2
    stem: 买家 {{signedAt}} 签收一件{{freeShipping}}的外套，{{claimAt}} 申请七天无理由退货，商品完好。平台会怎么处理？
    params:
      signedAt: { time: ["2025-10-01 08:00", "2025-10-30 22:00"], stepMinutes: 5 }
      claimAt: { deadline: sevenDayWindowEnd, from: signedAt, offsetMinutes: [-1, 0] }
      freeShipping: { oneOf: [true, false], text: { "true": 包邮, "false": 不包邮 } }
    facts:
      channel: taobao
      order: { paidAt: "2025-09-28 10:00", price: 259, freeShipping: "{{freeShipping}}" }
      goods: { name: 外套, sevenDayClass: standard, condition: intact }
      shipment: { shipped: true, carrierRecordedAt: "2025-09-29 09:00" }
      delivery: { status: signed, signedAt: "{{signedAt}}", receivedBy: self, confirmation: none }
      claim: { at: "{{claimAt}}", type: return-and-refund, reason: no-reason }
    ask: resolution
`;

describe('question and shop policy editors', () => {
  it('authors a template question and previews seeds 1–N with their keys', async () => {
    const { page } = browser;
    const path = 'questions/studio-e2e-templates.yaml';
    await page.goto(`${server.url}/lead/studio/questions?path=${encodeURIComponent(path)}&new=1`);
    // The raw YAML is the 高级 view under the form (tests/e2e/studio-questions.test.ts drives the form itself).
    await page.getByText('高级：直接编辑 YAML').click();
    await page.getByLabel('文件内容（YAML）').fill(TEMPLATE);
    await page.getByRole('button', { name: '检查' }).click();
    await page.locator('[data-question-status]', { hasText: '内容检查通过。' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '保存 YAML' }).click();
    await page.waitForURL((url) => !url.searchParams.has('new'), { timeout: 60_000 });
    await page.locator('.entry-form').getByLabel('预览种子 1 到').fill('8');
    const rows = page.locator('.template-preview tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(8);
    const keys = await rows.locator('td:last-child').allInnerTexts();
    // The claim lands one minute before or exactly at the window's end: both answers occur across the seeds.
    expect(new Set(keys).size).toBeGreaterThan(1);
    expect(keys.every((key) => key.trim() !== '' && !key.includes('无法生成'))).toBe(true);
    expect(readFileSync(join(contentDir, path), 'utf8')).toBe(TEMPLATE);
  });

  it('previews which items flip when the agent may pay more without approval', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/studio/policy`);
    await page.getByLabel(/客服无需审批可给的补偿上限/).fill('50');
    await page.getByRole('button', { name: '预览影响' }).click();
    const summary = page.locator('[data-impact-summary]');
    await summary.waitFor({ timeout: 120_000 });
    expect(await summary.innerText()).toMatch(/道题（\d+ 处）/);
    expect(await page.locator('.policy-impact').innerText()).toContain('SOP-COMP-RANGE');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });
});

