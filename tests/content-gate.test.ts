import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  authorErrorCatalogue,
  authorErrorCodes,
  formatAuthorError,
  formatSummaryLine,
  reviewCase,
  type AuthorError,
  type ContentReport,
} from '../src/authoring/index.ts';
import { FactsSchema, defaultShopPolicy, ruleCatalogue } from '../src/rules/index.ts';
import { topicIds } from '../src/quiz/index.ts';
import { factReferenceTable } from '../src/authoring/fact-reference.ts';
import { fieldsOf } from '../src/authoring/schema-docs.ts';
import { readCaseFile } from '../src/server/content-check/case-file.ts';
import { checkContent } from '../src/server/content-check/check-content.ts';
import { caseSlugs } from '../src/server/content-check/content-files.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = 'tests/fixtures/content';
const CLI = join(ROOT, 'src/server/content-check/cli.ts');
// Each spawned Node process takes up to a second on a busy 2-core machine.
const SPAWN_TIMEOUT = 30_000;

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function reviewFixture(name: string): readonly AuthorError[] {
  const file = `${FIXTURES}/cases/${name}`;
  const parsed = readCaseFile(file, readFileSync(join(ROOT, file), 'utf8'));
  if (parsed.errors.length > 0) return parsed.errors;
  return reviewCase(file, parsed.value, {
    shopPolicy: defaultShopPolicy,
    slugs: caseSlugs(join(ROOT, FIXTURES, 'cases')),
    locate: parsed.locate,
  }).errors;
}

const fixtureNames = readdirSync(join(ROOT, FIXTURES, 'cases')).filter((name) => name.endsWith('.mdx')).sort();
const wrongFixtures = fixtureNames.filter((name) => name !== 'passing.mdx');

describe('content gate on deliberately wrong cases', () => {
  it('passes the fixture that agrees with the engine', () => {
    expect(reviewFixture('passing.mdx')).toEqual([]);
  });

  it.each(wrongFixtures)('%s gets author-grade messages', (name) => {
    const errors = reviewFixture(name);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.file).toBe(`${FIXTURES}/cases/${name}`);
      expect(error.line).toBeTypeOf('number');
      expect(error.fix).not.toBe('');
      expect(formatAuthorError(error)).not.toMatch(/Error:|undefined|\[object Object\]/);
    }
    expect(errors.map(formatAuthorError).join('\n\n')).toMatchSnapshot();
  });

  it('reports every error code at least once across the case, policy and question fixtures', () => {
    const seen = new Set(fixtureNames.flatMap((name) => reviewFixture(name).map((error) => error.code)));
    for (const dir of ['tests/fixtures/content-bad-policy', 'tests/fixtures/questions']) {
      for (const error of checkContent(join(ROOT, dir)).errors) seen.add(error.code);
    }
    expect([...seen].sort()).toEqual([...authorErrorCodes].sort());
  });

  it('points at the line of the offending field', () => {
    const [error] = reviewFixture('wrong-freight.mdx');
    expect(error).toMatchObject({ code: 'EXPECTED_MISMATCH', field: 'expected.freight.outbound', line: 18, wrote: 'buyer（买家）', decided: 'seller（卖家）' });
    expect(error!.trace.at(-1)).toMatchObject({ ruleId: 'R-FREIGHT-7DAY-RETURN' });
  });

  it('reads unquoted YAML timestamps as the Beijing time the author typed, and blank facts as not given', () => {
    expect(checkContent(join(ROOT, 'tests/fixtures/content-valid')).errors).toEqual([]);
  });
});

describe('npm run check:content', () => {
  it('prints every message and a summary for the fixtures, and exits 1', () => {
    const { status, stdout, stderr } = runCli('--dir', FIXTURES);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatchSnapshot();
  }, SPAWN_TIMEOUT);

  it('exits 0 with a one-line summary when every case passes', () => {
    const { status, stdout } = runCli('--dir', 'tests/fixtures/content-valid');
    expect(status).toBe(0);
    expect(stdout).toBe('检查了 2 个案例：全部通过。\n');
  }, SPAWN_TIMEOUT);

  it('reports an invalid shop.json before deciding any case', () => {
    const { status, stdout } = runCli('--dir', 'tests/fixtures/content-bad-policy');
    expect(status).toBe(1);
    expect(stdout).toMatchSnapshot();
  }, SPAWN_TIMEOUT);

  it('names the line of a JSON syntax error in shop.json, including what YAML would forgive', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-gate-'));
    mkdirSync(join(dir, 'policy'));
    writeFileSync(join(dir, 'policy', 'shop.json'), '{\n  "shopName": "示例店铺",\n  "compensation": { "minYuan": 5, }\n}\n');
    const [error, ...rest] = checkContent(dir).errors;
    rmSync(dir, { recursive: true, force: true });
    expect(rest).toEqual([]);
    expect(formatAuthorError({ ...error!, file: 'content/policy/shop.json' })).toMatchInlineSnapshot(`
      "content/policy/shop.json:3  (JSON)  INVALID_SHOP_POLICY（本店规范配置不符合格式）
        你写的："compensation": { "minYuan": 5, }
        问题：不是合法的 JSON。
        修改：改正这一行的 JSON 写法：字段名和文字都用英文双引号，两项之间加逗号，最后一项后面不加逗号。"
    `);
  });

  it('--json prints exactly one JSON object with the documented shape', () => {
    const { status, stdout } = runCli('--dir', FIXTURES, '--json');
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(stdout) as ContentReport;
    expect(Object.keys(report)).toEqual(['cases', 'items', 'templates', 'exams', 'errors', 'rules']);
    expect(report).toMatchObject({ cases: fixtureNames.length, items: 0, templates: 0, exams: 0 });
    for (const error of report.errors) {
      // Case errors carry no `item`: that column belongs to question files.
      expect(Object.keys(error).every((key) => ['code', 'file', 'line', 'field', 'wrote', 'decided', 'problem', 'trace', 'fix'].includes(key))).toBe(true);
    }
    const ids = ruleCatalogue.filter((rule) => rule.kind === 'sop' || rule.decides).map((rule) => rule.id);
    // Sorted: ruleCatalogue's order differs between plain Node and Vite's module transform (namespace key order).
    expect(Object.keys(report.rules).sort()).toEqual(ids.sort());
    for (const coverage of Object.values(report.rules)) expect(Object.keys(coverage)).toEqual(['cases', 'items']);
    // Only the passing fixture was decided without errors, so only its deciding rule and its SOP guidance count.
    expect(report.rules['R-7DAY-SCOPE']).toEqual({ cases: 1, items: 0 });
    expect(report.rules['SOP-7DAY-EXPLAIN']).toEqual({ cases: 1, items: 0 });
    expect(report.rules['R-7DAY-WINDOW']).toEqual({ cases: 0, items: 0 });
    expect(report.errors.map((error) => `${error.file.split('/').pop()}:${error.line} ${error.field} ${error.code}`)).toMatchSnapshot();
    expect(formatSummaryLine(report)).toBe(`检查了 ${fixtureNames.length} 个案例：${new Set(report.errors.map((error) => error.file)).size} 个文件共 ${report.errors.length} 处问题。按每条“修改”改正后，再运行 npm run check:content。`);
  }, SPAWN_TIMEOUT);

  it('rejects an unknown option with the usage line and exit code 2', () => {
    const { status, stderr } = runCli('--dri', 'x');
    expect(status).toBe(2);
    expect(stderr).toContain('用法：npm run check:content');
  }, SPAWN_TIMEOUT);
});

describe('content/README.md', () => {
  const readme = () => readFileSync(join(ROOT, 'content/README.md'), 'utf8');

  it('documents every author error code', () => {
    for (const code of authorErrorCodes) {
      const { title, when } = authorErrorCatalogue[code];
      expect(readme()).toContain(`### ${code}（${title}）\n\n${when}\n`);
    }
  });

  it('lists every fact of the fact model, exactly as the schema describes it', () => {
    const missing = factPaths(FactsSchema).filter((path) => !readme().includes(`\`${path}\``));
    expect(missing).toEqual([]);
    const table = /<!-- fact-table:start -->\n([\s\S]*?)\n<!-- fact-table:end -->/.exec(readme())?.[1];
    // On failure, paste the output of `node src/server/content-check/fact-table.ts` between the markers.
    expect(table).toBe(factReferenceTable());
  });

  it('lists every topic', () => {
    for (const id of topicIds) expect(readme()).toContain(`| \`${id}\` |`);
  });

  it('quotes example messages exactly as the CLI prints them', () => {
    const printed = ['tests/fixtures/content', 'tests/fixtures/content-bad-policy', 'tests/fixtures/questions'].map((dir) => runCli('--dir', dir).stdout).join('\n');
    const section = readme().split('## 检查会报告的问题')[1]!;
    const examples = [...section.matchAll(/```text\n([\s\S]*?)\n```/g)].map((match) => match[1]!).slice(1);
    expect(examples.length).toBeGreaterThanOrEqual(authorErrorCodes.length);
    for (const example of examples) expect(printed).toContain(example);
  }, SPAWN_TIMEOUT);
});

/** Every dotted fact path, objects included. */
function factPaths(schema: Parameters<typeof fieldsOf>[0], prefix = ''): string[] {
  return Object.entries(fieldsOf(schema) ?? {}).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    return [path, ...factPaths(field, `${path}.`)];
  });
}
