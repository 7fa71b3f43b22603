import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { caseScaffold, reviewCase } from '../src/authoring/index.ts';
import { descriptionOf, fieldsOf, schemaAt } from '../src/authoring/schema-docs.ts';
import { FactsSchema, defaultShopPolicy } from '../src/rules/index.ts';
import { readCaseFile } from '../src/server/content-check/case-file.ts';
import { newCase } from '../src/server/content-check/new-case.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Each spawned Node process takes up to a second on a busy 2-core machine.
const SPAWN_TIMEOUT = 30_000;
const made: string[] = [];
const freshContentDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'new-case-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function leafPaths(schema: Parameters<typeof fieldsOf>[0], prefix = ''): string[] {
  return Object.entries(fieldsOf(schema) ?? {}).flatMap(([key, field]) => {
    const nested = fieldsOf(field);
    return nested ? leafPaths(field, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

describe('npm run new:case', () => {
  it('scaffolds a case that parses and, left unfilled, gets missing-fact errors rather than a crash', () => {
    const dir = freshContentDir();
    const result = newCase('coat-return-last-minute', dir);
    expect(result.ok).toBe(true);
    const file = join(dir, 'cases', 'coat-return-last-minute.mdx');
    const parsed = readCaseFile('new.mdx', readFileSync(file, 'utf8'));
    expect(parsed.errors).toEqual([]);
    const errors = reviewCase('new.mdx', parsed.value, { shopPolicy: defaultShopPolicy, locate: parsed.locate }).errors;
    const missingFacts = errors.filter((error) => error.code === 'MISSING_FACT').map((error) => error.field);
    expect(missingFacts).toEqual([
      'facts.channel',
      'facts.order.paidAt',
      'facts.order.price',
      'facts.order.freeShipping',
      'facts.goods.name',
      'facts.shipment.shipped',
      'facts.claim.at',
      'facts.claim.type',
      'facts.claim.reason',
    ]);
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['MISSING_FACT', 'INVALID_FRONTMATTER']));
    expect(errors.every((error) => error.line !== undefined)).toBe(true);
  });

  it('lists every fact with its description from the fact model, and the five body sections in order', () => {
    const text = caseScaffold();
    for (const path of leafPaths(FactsSchema)) {
      const key = path.split('.').at(-1)!;
      expect(text, path).toMatch(new RegExp(`^[ #]*${key}:`, 'm'));
      // Not describeFact(): it does not see through `platform`'s prefault wrapper (reported to the rules owner).
      expect(text, path).toContain(`# ${descriptionOf(schemaAt(FactsSchema, path.split('.'))!)}`);
    }
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['情景', '核实要点', '回复话术', '裁决与理由', '常见错误']);
  });

  it('becomes a passing case once the blanks are filled', () => {
    const filled = caseScaffold()
      .replace(/^title:$/m, 'title: 签收两天后申请七天无理由退货')
      .replace(/^summary:$/m, 'summary: 一般商品签收两天后申请七天无理由退货，卖家应当同意。')
      .replace(/^topics:$/m, 'topics: [seven-day]')
      .replace(/^difficulty:$/m, 'difficulty: 1')
      .replace(/^ {2}channel:$/m, '  channel: taobao')
      .replace(/^ {4}paidAt:$/m, '    paidAt: "2025-09-01 10:00"')
      .replace(/^ {4}price:$/m, '    price: 199')
      .replace(/^ {4}freeShipping:$/m, '    freeShipping: true')
      .replace(/^ {4}name:$/m, '    name: 羊毛呢大衣\n    sevenDayClass: standard\n    condition: intact')
      .replace(/^ {4}shipped:$/m, '    shipped: true\n    carrierRecordedAt: "2025-09-01 19:30"')
      .replace(/^ {2}# delivery:$/m, '  delivery: { status: signed, signedAt: "2025-09-03 14:20", receivedBy: self }')
      .replace(/^ {4}at:$/m, '    at: "2025-09-05 10:00"')
      .replace(/^ {4}type:$/m, '    type: return-and-refund')
      .replace(/^ {4}reason:$/m, '    reason: no-reason')
      .replace(/^ {2}resolution:$/m, '  resolution: return-and-refund')
      .replace(/^ {2}supported:$/m, '  supported: buyer')
      .replace(/^ {2}decidingRule:$/m, '  decidingRule: R-7DAY-SCOPE')
      .replace(/^ {4}outbound:$/m, '    outbound: seller')
      .replace(/^ {4}return:$/m, '    return: buyer');
    const parsed = readCaseFile('filled.mdx', filled);
    expect(parsed.errors).toEqual([]);
    expect(reviewCase('filled.mdx', parsed.value, { shopPolicy: defaultShopPolicy }).errors).toEqual([]);
  });

  it('refuses to overwrite an existing case', () => {
    const dir = freshContentDir();
    expect(newCase('coat-return', dir).ok).toBe(true);
    const file = join(dir, 'cases', 'coat-return.mdx');
    writeFileSync(file, 'my work');
    const again = newCase('coat-return', dir);
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/coat-return\.mdx 已经存在，没有覆盖。换一个文件名，或直接编辑这个文件。$/);
    expect(readFileSync(file, 'utf8')).toBe('my work');
  });

  it.each(['Coat_Return', 'coat return', 'coat--return', '-coat', '大衣', '../escape'])('rejects the slug %j with a clear message', (slug) => {
    const result = newCase(slug, freshContentDir());
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`“${slug}”不能用作案例文件名：只能用小写英文字母、数字和单个连字符（kebab-case）`);
  });

  it('runs as an npm script: exit 0 on success, 1 on a refused slug, 2 without one', () => {
    const dir = freshContentDir();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'src/server/content-check/new-case.ts'), ...args, '--dir', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(run('lost-parcel-refund').status).toBe(0);
    const again = run('lost-parcel-refund');
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('已经存在，没有覆盖')]);
    expect(run().stderr).toContain('没有给出案例文件名');
    expect(run('a', 'b').status).toBe(2);
  }, SPAWN_TIMEOUT);
});
