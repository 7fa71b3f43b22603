import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLowdbStore, type Certificate } from '../src/server/store/index.ts';
import { newUser } from './server/store-factories.ts';

// The CLI as users run it: Node 24 on the TypeScript source, from the project root.
function impact(args: readonly string[], dataDir: string) {
  const run = spawnSync('node_modules/.bin/node', ['src/server/impact/cli.ts', ...args, '--data', dataDir], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const DAY = 86_400_000;
const now = Date.now();
const certificate = (id: string, userId: string, edition: string, rules: string[], revoked = false): Certificate => ({
  id,
  userId,
  examId: 'basic-certification',
  attemptId: `attempt-${id}`,
  issuedAt: now - 30 * DAY,
  expiresAt: now + 300 * DAY,
  edition,
  rules,
  revokedAt: revoked ? now - DAY : null,
  revokedReason: revoked ? '代考' : null,
});

let dataDir: string;
let emptyDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'impact-data-'));
  emptyDir = join(mkdtempSync(join(tmpdir(), 'impact-none-')), 'data');
  const store = await openLowdbStore(dataDir);
  await store.createUser(newUser({ id: 'wang', name: '王芳', employeeId: 'E2001', cohort: '售后一组' }));
  await store.createUser(newUser({ id: 'li', name: '李强', employeeId: 'E2002', cohort: '售后二组' }));
  // R-REFUSE-7DAY-ITEM decides no-reason refusals, whose outbound freight changed between the editions (第五十三条);
  // R-SIGN-WHO (who may sign) reads the same in both (RULES.md §6.3).
  await store.issueCertificate(certificate('legacy-refusal', 'wang', 'legacy', ['R-REFUSE-7DAY-ITEM', 'R-SIGN-WHO']));
  await store.issueCertificate(certificate('legacy-signing', 'li', 'legacy', ['R-SIGN-WHO']));
  await store.issueCertificate(certificate('current-refusal', 'li', '2025-08-15', ['R-REFUSE-7DAY-ITEM']));
  await store.issueCertificate(certificate('legacy-revoked', 'li', 'legacy', ['R-REFUSE-7DAY-ITEM'], true));
  await store.close();
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dirname(emptyDir), { recursive: true, force: true });
});

describe('npm run impact', () => {
  it('prints one line and exits 0 when nothing flips', () => {
    const run = impact(['--from', 'legacy', '--to', 'legacy'], emptyDir);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('没有答案改变');
    expect(run.stdout).toContain(`数据目录 ${emptyDir} 不存在，未检查证书`);
  });

  it('lists the shipped edition differences, each on a case written to teach it, and the certificate to recertify', () => {
    const run = impact(['--from', 'legacy', '--to', '2025-08-15'], dataDir);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n');
    const row = (...parts: string[]) => rows.find((line) => parts.every((part) => line.includes(part)));
    // RULES.md §6.3, one row per difference: 7-day freight, return-transit risk, intercept duty, big data. Fakes are
    // 退款 in both: the older text's 假一赔三 was a third party's clause and is in no edition (issue 12).
    expect(row('partial-refusal-loses-free-shipping ', '发货运费', 'seller（卖家承担）', 'buyer（买家承担）', 'R-FREIGHT-7DAY-RETURN')).toBeDefined();
    expect(row('returned-lamp-cracked-in-transit ', '运输破损风险', 'buyer（买家承担）', 'seller（卖家承担）', 'R-RET-RISK-DEFAULT')).toBeDefined();
    // The legacy wording is silent on refunds in transit: no answer on the old side, not a rejection.
    expect(row('intercept-shoes-buyer-insists-refund ', '处理结果', '所选版本', 'refund')).toBeDefined();
    expect(row('earbuds-bigdata-inferior ', '处理结果', 'pay-seller', 'return-and-refund', 'R-GEN-BIGDATA')).toBeDefined();
    expect(row('sneakers-counterfeit-appraisal ', '额外赔偿')).toBeUndefined();
    // A case that exists to show the legacy wording keeps its author's key on the old side.
    expect(row('partial-refusal-loses-free-shipping-legacy', 'legacy', '发货运费', '与旧答案一致')).toBeDefined();
    for (const title of ['案例（', '题目（', '模板（', '改变的规则', '考试', '需重新认证的证书（1 张）']) expect(run.stdout).toContain(title);
    expect(row('王芳（E2001）', '售后一组', 'legacy', 'R-REFUSE-7DAY-ITEM', 'legacy-refusal')).toBeDefined();
    expect(run.stdout).not.toContain('李强');
    expect(rows.at(-2)).toMatch(/^政策影响 legacy → 2025-08-15：\d+ 个案例.*1 张证书需重新认证（在旧版本下取得的有效证书共 2 张；全部有效证书按版本：2025-08-15 1 张、legacy 2 张）。$/);
  }, 60_000);

  it('prints the whole report as JSON with --json', () => {
    const run = impact(['--from', 'legacy', '--to', '2025-08-15', '--json'], dataDir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown> & { certificates: { status: string; needs: { id: string }[] } };
    expect(Object.keys(report).sort()).toEqual(
      ['blueprints', 'cases', 'certificates', 'changedRules', 'checked', 'elapsedMs', 'from', 'hasFlips', 'items', 'recertificationRules', 'templates', 'to', 'totals'].sort(),
    );
    expect(report.from).toEqual({ id: 'legacy', title: '旧版措辞（示例，非官方文本）' });
    expect(report.certificates.status).toBe('read');
    expect(report.certificates.needs.map((need) => need.id)).toEqual(['legacy-refusal']);
  }, 60_000);

  it('exits 1 with --fail-on-flip when answers flip', () => {
    expect(impact(['--from', 'legacy', '--fail-on-flip'], emptyDir).code).toBe(1);
    expect(impact(['--from', 'legacy', '--to', 'legacy', '--fail-on-flip'], emptyDir).code).toBe(0);
  }, 60_000);

  it('compares git revisions: a revision against itself flips nothing', () => {
    const run = impact(['--from', 'HEAD', '--to', 'HEAD'], emptyDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^政策影响 HEAD → HEAD：检查了 \d+ 个案例.*没有答案改变/);
  }, 60_000);

  it('exits 2 with the editions, how to name a revision and the usage for a value that is neither', () => {
    const run = impact(['--from', 'edition-2019'], emptyDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('“edition-2019”既不是规则版本，也不是本仓库的 git 版本');
    expect(run.stderr).toContain('2025-08-15（2025 年 8 月 15 日修订版）、legacy');
    expect(run.stderr).toContain('HEAD~3');
    expect(run.stderr).toContain('用法：npm run impact');
  });

  it('exits 2 with usage for a missing --from or an unknown option', () => {
    const missing = impact(['--to', 'legacy'], emptyDir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少 --from');
    const unknown = impact(['--from', 'legacy', '--form', 'x'], emptyDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--form'");
  });
});

describe('npm run impact between git revisions', () => {
  // Commit f7b6e2a fixed the engine so a buyer's appraisal proves a fake (or a test report an invisible defect) even
  // without the seller's purchase papers: a proven fake is refunded without a return (第六十九条), and the seller then
  // bears the freight of a quality return (第四十九条, 谁过错谁承担).
  const hasCommit = spawnSync('git', ['cat-file', '-e', 'f7b6e2a^{commit}']).status === 0;

  it.runIf(hasCommit)('lists the questions an engine fix flipped, blamed on the rule it changed', () => {
    const run = impact(['--from', 'f7b6e2a~1', '--to', 'f7b6e2a', '--json'], emptyDir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { items: { contentId: string; question: string; ruleId: string; before: unknown; after: unknown }[] };
    expect(report.items.map((flip) => [flip.contentId, flip.question, flip.before, flip.after, flip.ruleId])).toEqual([
      ['qb-fake-no-source-but-appraised', 'resolution', { value: 'return-and-refund' }, { value: 'refund' }, 'R-QUAL-INVISIBLE-OR-FAKE'],
      ['qb-qual-no-source-but-tested-freight', 'freight.return', { value: 'buyer' }, { value: 'seller' }, 'R-QUAL-INVISIBLE-OR-FAKE'],
    ]);
  }, 60_000);
});
