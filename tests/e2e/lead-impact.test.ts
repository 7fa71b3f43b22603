import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLowdbStore, type Certificate } from '../../src/server/store/index.ts';
import { type TestServer } from '../server/built-server.ts';
import { newUser } from '../server/store-factories.ts';
import { type Academy, SCREENSHOTS, startAcademy } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';
import { createFirstLead } from './people.ts';

const LEAD = { name: '王组长', employeeId: 'LEAD-00001', password: '售后规则学堂的组长口令' };
const DAY = 86_400_000;
const now = Date.now();

const certificate = (id: string, userId: string, rules: string[], edition = 'legacy'): Certificate => ({
  id,
  userId,
  examId: 'basic-certification',
  attemptId: `attempt-${id}`,
  issuedAt: now - 30 * DAY,
  expiresAt: now + 300 * DAY,
  edition,
  rules,
  revokedAt: null,
  revokedReason: null,
});
// No-reason refusals (R-REFUSE-7DAY-ITEM) of goods without 包邮 changed freight between the editions (第五十三条);
// who may sign (R-SIGN-WHO) did not (RULES.md §6.3).
const CHANGED = 'a'.repeat(22);
const UNCHANGED = 'b'.repeat(22);
// Earned under 2025-08-15: it covers the changed rule, but was not earned under legacy, so legacy → 2025 leaves it be.
const CURRENT = 'c'.repeat(22);

let server: TestServer;
let academy: Academy;
let browser: Browser;

beforeAll(async () => {
  academy = await startAcademy(async (dataDir) => {
    const store = await openLowdbStore(dataDir);
    await store.createUser(newUser({ id: 'zhao', name: '赵敏', employeeId: 'E3001', cohort: '售后一组' }));
    await store.createUser(newUser({ id: 'qian', name: '钱进', employeeId: 'E3002', cohort: '售后二组' }));
    await store.issueCertificate(certificate(CHANGED, 'zhao', ['R-REFUSE-7DAY-ITEM', 'R-SIGN-WHO']));
    await store.issueCertificate(certificate(UNCHANGED, 'qian', ['R-SIGN-WHO']));
    await store.issueCertificate(certificate(CURRENT, 'qian', ['R-REFUSE-7DAY-ITEM'], '2025-08-15'));
    await store.close();
  });
  ({ server } = academy);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await academy?.stop();
});

describe('/lead/impact', () => {
  it('is for leads only', async () => {
    const anonymous = await fetch(`${server.url}/lead/impact`, { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(anonymous.headers.get('location')).toContain('/login');
  });

  // Two axe runs over a long report: more than the default minute on a loaded machine.
  it('shows the legacy → 2025 report with the certificate to recertify, reached from the lead home', { timeout: 180_000 }, async () => {
    const page = browser.page;
    await createFirstLead(page, server, LEAD);
    await page.getByRole('link', { name: '政策影响报告' }).click();
    await page.waitForURL(`${server.url}/lead/impact`);

    expect(await page.getByLabel('旧版本').inputValue()).toBe('legacy');
    expect(await page.getByLabel('新版本').inputValue()).toBe('2025-08-15');
    const cases = page.getByRole('table', { name: /答案改变的案例/ });
    // Chinese labels only: the case's title, the edition's title, the rule's title, what each answer means.
    const refusalRow = cases.getByRole('row', { name: /满 99 包邮分两个包裹发，买家无理由拒收其中一个 2025 年 8 月 15 日修订版 发货运费/ });
    await expect(refusalRow.getByRole('cell').nth(4).textContent()).resolves.toBe('七天无理由退货（拒签）的运费');
    await expect(refusalRow.getByRole('cell').nth(2).textContent()).resolves.toBe('卖家承担');
    await expect(refusalRow.getByRole('cell').nth(3).textContent()).resolves.toBe('买家承担');
    const main = (await page.locator('main').innerText()).replace(/[^\n]*政策影响报告[^\n]*\n/, '');
    expect(main).not.toMatch(/(?<![A-Z])[a-z][A-Za-z.]*（/);
    expect(main).not.toMatch(/\blegacy\b/);
    for (const name of [/答案改变的题目/, /答案改变的模板/, '改变的规则', '考试题池']) {
      expect(await page.getByRole('table', { name }).count()).toBe(1);
    }
    const recertify = page.getByRole('table', { name: /覆盖改变规则的有效证书：1 张（共 2 张）/ });
    expect(await recertify.locator(`[data-recertify-row="${CHANGED}"] th`).textContent()).toBe('赵敏（E3001）');
    expect(await recertify.locator(`[data-recertify-row="${UNCHANGED}"]`).count()).toBe(0);
    expect(await recertify.locator(`[data-recertify-row="${CURRENT}"]`).count()).toBe(0);
    expect(await page.locator('[data-standing-by-edition]').textContent()).toContain('2025 年 8 月 15 日修订版 1 张，旧版措辞（示例，非官方文本） 2 张');
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}lead-impact`)).toEqual({ light: [], dark: [] });
  });

  it('says nothing changes between an edition and itself', async () => {
    const page = browser.page;
    await page.getByLabel('旧版本').selectOption('legacy');
    await page.getByLabel('新版本').selectOption('legacy');
    await page.getByRole('button', { name: '生成报告' }).click();
    await page.waitForURL(`${server.url}/lead/impact?from=legacy&to=legacy`);
    expect(await page.locator('[data-impact-summary]').textContent()).toContain('两个版本下没有任何答案改变');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await violationsInBothSchemes(page, `${SCREENSHOTS}lead-impact-none`)).toEqual({ light: [], dark: [] });
  });

  it('names an unknown edition and falls back to the defaults', async () => {
    const page = browser.page;
    await page.goto(`${server.url}/lead/impact?from=2019`);
    expect(await page.getByRole('alert').textContent()).toContain('没有规则版本“2019”');
    expect(await page.getByLabel('旧版本').inputValue()).toBe('legacy');
  });

  it('marks on the public verify page only the certificate whose covered rules changed', async () => {
    const page = browser.page;
    await page.goto(`${server.url}/verify/${CHANGED}`);
    expect(await page.locator('main').textContent()).toContain('需重新认证');
    await page.goto(`${server.url}/verify/${UNCHANGED}`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('有效');
    expect(text).not.toContain('需重新认证');
  });
});
