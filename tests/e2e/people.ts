import type { Page } from 'playwright-core';
import { setupLinkFrom, type TestServer } from '../server/built-server.ts';

export interface PersonInput {
  readonly name: string;
  readonly employeeId: string;
}

/**
 * Creates the first lead through the printed setup link and the setup form, as a lead would on a fresh server, and
 * leaves `page` signed in on /lead. tests/e2e/accounts.test.ts checks the form itself; other files start here.
 */
export async function createFirstLead(page: Page, server: TestServer, lead: PersonInput & { readonly password: string }): Promise<void> {
  await page.goto((await setupLinkFrom(server)).href);
  await page.getByLabel('姓名').fill(lead.name);
  await page.getByLabel('工号').fill(lead.employeeId);
  await page.getByLabel('密码', { exact: true }).fill(lead.password);
  await page.getByLabel('再次输入密码').fill(lead.password);
  await page.getByRole('button', { name: '创建组长账号' }).click();
  await page.waitForURL(`${server.url}/lead`);
}

/**
 * Imports trainees from a CSV file on /lead/trainees (the lead must be signed in on `page`) and returns each one's
 * one-time activation link by employee id.
 */
export async function importTrainees(
  page: Page,
  server: TestServer,
  trainees: readonly (PersonInput & { readonly cohort: string })[],
): Promise<Map<string, string>> {
  await page.goto(`${server.url}/lead/trainees`);
  const csv = `\uFEFF姓名,工号,班组\r\n${trainees.map((t) => `${t.name},${t.employeeId},${t.cohort}`).join('\r\n')}\r\n`;
  await page.getByLabel('选择 CSV 文件').setInputFiles({ name: '学员名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: '导入并生成激活链接' }).click();
  await page.locator('#links-panel').waitFor({ state: 'visible' });
  const links = new Map<string, string>();
  for (const trainee of trainees) links.set(trainee.employeeId, await page.getByLabel(`${trainee.name} 的链接`).inputValue());
  return links;
}
