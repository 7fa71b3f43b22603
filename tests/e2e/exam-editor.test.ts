import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';
import { seedUsersWithSessions } from '../server/exam-takers.ts';
import { newUser } from '../server/store-factories.ts';
import { SCREENSHOTS } from './academy.ts';
import { type Browser, launchBrowser, violationsInBothSchemes } from './harness.ts';

// Each save runs the content gate over the whole library (two runs when it refuses): seconds on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

const lead = newUser({ role: 'lead', name: '王组长', employeeId: 'L-E2E-EDITOR', cohort: null });
const EXAM_FILE = 'exams/basic-certification.yaml';

let server: TestServer;
let browser: Browser;
let dataDir: string;
let contentDir: string;
let original: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  // The editor writes exam files: it gets a copy of content/, never the repository's.
  contentDir = await mkdtemp(join(tmpdir(), 'asa-editor-content-'));
  await cp(join(ROOT, 'content'), contentDir, { recursive: true });
  original = await readFile(join(contentDir, EXAM_FILE), 'utf8');
  const tokens = await seedUsersWithSessions(dataDir, [lead]);
  server = await startServer({ dataDir, env: { CONTENT_DIR: contentDir } });
  browser = await launchBrowser();
  await browser.context.addCookies([{ name: 'asa_session', value: tokens[lead.id]!, domain: new URL(server.url).hostname, path: '/' }]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

describe('exam editor', () => {
  it('shows the fill check live, refuses an unfillable blueprint with the gate\'s message, and saves only what changed', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/studio/exams`);
    expect(await page.locator('h1').innerText()).toBe('考试编辑');
    const first = page.locator('[data-section="0"]');
    await first.locator('[data-fill-text]').waitFor();
    expect(await first.getAttribute('data-fill')).toBe('ok');
    expect(await page.locator('[data-fill-total]').innerText()).toBe('共 20 题，每一部分题量都够。');
    const { light, dark } = await violationsInBothSchemes(page, `${SCREENSHOTS}exam-editor`);
    expect(light).toEqual([]);
    expect(dark).toEqual([]);

    // Too many questions for the bank: the check says so at once, and the server's gate refuses the save.
    await page.getByLabel('题数').first().fill('200');
    expect(await first.getAttribute('data-fill')).toBe('short');
    expect(await first.locator('[data-fill-text]').innerText()).toMatch(/^✗ 需要 200 道：符合条件 \d+ 道，前面各部分最多可能占用 0 道，不够：还差 \d+ 道$/);
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-save-status="refused"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-gate-errors]').innerText()).toMatch(/^blueprint\[0\]\.count：第 1 部分（七天无理由与运费）要抽 200 道题；/);
    expect(await readFile(join(contentDir, EXAM_FILE), 'utf8')).toBe(original);

    // A schema problem blocks saving in the browser, with the author's message at the field.
    await page.getByLabel('题数').first().fill('7');
    await page.getByLabel('及格线（答对 %）').fill('120');
    expect(await page.locator('#ee-passMark-error').innerText()).toContain('0 到 1');
    expect(await page.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
    await page.getByLabel('及格线（答对 %）').fill('85');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 60_000 });
    const saved = await readFile(join(contentDir, EXAM_FILE), 'utf8');
    expect(saved).toBe(original.replace('    count: 6\n', '    count: 7\n').replace('passMark: 0.8\n', 'passMark: 0.85\n'));
  });

  it('refuses to save over a change someone else saved since (409)', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/lead/studio/exams`);
    await page.locator('[data-fill-text]').first().waitFor();
    await page.locator('astro-island:not([ssr])').first().waitFor();
    const onDisk = await readFile(join(contentDir, EXAM_FILE), 'utf8');
    await writeFile(join(contentDir, EXAM_FILE), onDisk.replace('cooldownHours: 24', 'cooldownHours: 12'));
    await page.getByLabel('作答时限（分钟）').fill('40');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-save-status="conflict"]').waitFor({ timeout: 60_000 });
    expect(await readFile(join(contentDir, EXAM_FILE), 'utf8')).toContain('timeLimitMinutes: 30');
  });

  it('runs under the Content-Security-Policy without a violation (zod without eval, the island hydrated)', async () => {
    const strict = await launchBrowser({ enforceCsp: true });
    try {
      const refused: string[] = [];
      strict.context.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      const cookies = await browser.context.cookies();
      await strict.context.addCookies(cookies);
      await strict.page.goto(`${server.url}/lead/studio/exams`);
      await strict.page.locator('[data-fill-text]').first().waitFor();
      // The island is server-rendered first: type only once it has hydrated (Astro drops the ssr attribute then).
      await strict.page.locator('astro-island:not([ssr])').first().waitFor();
      await strict.page.getByLabel('题数').first().fill('9');
      await expect.poll(() => strict.page.locator('[data-section="0"] [data-fill-text]').innerText()).toMatch(/^✓ 需要 9 道/);
      await strict.page.goto(`${server.url}/lead/assignments`);
      await strict.page.locator('h1').waitFor();
      expect(refused).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
