import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  authorErrorCatalogue,
  checkedSeedsPerTemplate,
  checkQuestionFile,
  fieldSegments,
  fieldText,
  formatAuthorError,
  reviewQuestionFiles,
  type AuthorError,
  type AuthorErrorCode,
  type ContentReport,
  type QuestionReview,
} from '../src/authoring/index.ts';
import { askedFieldIds } from '../src/quiz/index.ts';
import { defaultShopPolicy } from '../src/rules/index.ts';
import { variantsPerTemplate } from '../src/quiz/bank.ts';
import { checkContent } from '../src/server/content-check/check-content.ts';
import { caseSlugs } from '../src/server/content-check/content-files.ts';
import { loadCaseFacts, readQuestionFiles } from '../src/server/content-check/question-files.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = 'tests/fixtures/questions';
const VALID = 'tests/fixtures/questions-valid';
const CLI = join(ROOT, 'src/server/content-check/cli.ts');
// Each spawned Node process takes up to a second on a busy 2-core machine.
const SPAWN_TIMEOUT = 30_000;

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fixture folder reviewed as `check:content --dir` reviews it, by file name. */
function reviewFixtures(root: string): Map<string, QuestionReview & { readonly yamlErrors: readonly AuthorError[] }> {
  const files = readQuestionFiles(join(ROOT, root));
  const caseFacts = loadCaseFacts(join(ROOT, root, 'cases'));
  const readable = files.filter((file) => file.errors.length === 0);
  const reviews = reviewQuestionFiles(readable, { shopPolicy: defaultShopPolicy, caseFacts: (slug) => caseFacts.get(slug), caseSlugs: caseSlugs(join(ROOT, root, 'cases')) });
  const byName = new Map<string, QuestionReview & { readonly yamlErrors: readonly AuthorError[] }>();
  for (const file of files) {
    const index = readable.indexOf(file);
    const review = index === -1 ? { errors: file.errors, items: [], variants: [], itemCount: 0, templateCount: 0 } : reviews[index]!;
    byName.set(file.file.split('/').pop()!, { ...review, yamlErrors: file.errors });
  }
  return byName;
}

const reviews = reviewFixtures(FIXTURES);
const wrongFixtures = [...reviews.keys()].filter((name) => name !== 'passing.yaml').sort();
const codesOf = (name: string) => reviews.get(name)!.errors.map((error) => error.code);

/** The question-file codes: everything the case gate cannot report. */
const questionCodes: AuthorErrorCode[] = [
  'INVALID_QUESTION_FILE',
  'NO_CORRECT_REPLY',
  'AMBIGUOUS_REPLIES',
  'INVALID_ITEM',
  'INVALID_TEMPLATE',
  'UNKNOWN_CASE',
  'DUPLICATE_ID',
  'NO_CORRECT_OPTION',
  'AMBIGUOUS_OPTIONS',
  'ONE_SIDED_STATEMENTS',
  'STEPS_MISMATCH',
  'TEMPLATE_SEED_FAILS',
  'TEMPLATE_DEGENERATE',
  'TEMPLATE_NO_NEAR_MISS',
];

describe('item gate on deliberately wrong question files', () => {
  it('passes the fixture that agrees with the engine, and keys every item and bank variant in it', () => {
    const passing = reviews.get('passing.yaml')!;
    expect(passing.errors.map(formatAuthorError)).toEqual([]);
    expect(passing.items).toHaveLength(passing.itemCount);
    expect(passing.variants).toHaveLength(passing.templateCount * variantsPerTemplate);
  });

  it.each(wrongFixtures)('%s gets author-grade messages', (name) => {
    const { errors } = reviews.get(name)!;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.file).toBe(`${FIXTURES}/questions/${name}`);
      expect(error.line).toBeTypeOf('number');
      expect(error.fix).not.toBe('');
      // Every message about an entry names it; only an unreadable file has none to name.
      if (error.code !== 'INVALID_QUESTION_FILE') expect(error.item).toMatch(/^[a-z]/);
      expect(formatAuthorError(error)).not.toMatch(/Error:|undefined|\[object Object\]|Invalid input/);
    }
    expect(errors.map(formatAuthorError).join('\n\n')).toMatchSnapshot();
  });

  it('reports each wrong item with the code the brief asks for', () => {
    expect(codesOf('wrong-single.yaml')).toEqual(['EXPECTED_MISMATCH']);
    expect(codesOf('wrong-multiple.yaml')).toEqual(['EXPECTED_MISMATCH', 'EXPECTED_MISMATCH']);
    expect(codesOf('wrong-truefalse.yaml')).toEqual(['EXPECTED_MISMATCH']);
    expect(codesOf('ordering-out-of-policy.yaml')).toEqual(['EXPECTED_MISMATCH', 'STEPS_MISMATCH']);
    expect(codesOf('no-correct-option.yaml')).toEqual(['NO_CORRECT_OPTION']);
    expect(codesOf('ambiguous-options.yaml')).toEqual(['AMBIGUOUS_OPTIONS']);
    expect(codesOf('unknown-case.yaml')).toEqual(['UNKNOWN_CASE']);
    expect(codesOf('missing-fact-in-patch.yaml')).toEqual(['MISSING_FACT']);
    expect(codesOf('repeated-id.yaml')).toEqual(['DUPLICATE_ID', 'DUPLICATE_ID']);
    expect(codesOf('one-sided.yaml')).toEqual(['ONE_SIDED_STATEMENTS']);
    expect(codesOf('template-missing-fact.yaml')).toEqual(['TEMPLATE_SEED_FAILS']);
    expect(codesOf('template-degenerate.yaml')).toEqual(['TEMPLATE_DEGENERATE']);
    expect(codesOf('template-no-near-miss.yaml')).toEqual(['TEMPLATE_NO_NEAR_MISS']);
    expect(codesOf('yaml-syntax.yaml')).toEqual(['INVALID_QUESTION_FILE']);
    expect(codesOf('wrong-reply.yaml')).toEqual(['EXPECTED_MISMATCH', 'EXPECTED_MISMATCH']);
    expect(codesOf('no-correct-reply.yaml')).toEqual(['NO_CORRECT_REPLY']);
    expect(codesOf('ambiguous-replies.yaml')).toEqual(['AMBIGUOUS_REPLIES']);
  });

  it('names the item, the option and the engine’s answer in an EXPECTED_MISMATCH', () => {
    const [error] = reviews.get('wrong-single.yaml')!.errors;
    expect(error).toMatchObject({ item: 'q-wrong-single', field: 'items[0].answer', line: 14 });
    expect(error!.wrote).toContain('选项 0“9 月 10 日 20:15 之前');
    expect(error!.decided).toContain('2025-09-11 00:00，即选项 1');
    expect(error!.trace.at(-1)).toMatchObject({ ruleId: 'R-7DAY-WINDOW' });
  });

  it('points a missing fact in a patch at the patch, where it would be written', () => {
    const [error] = reviews.get('missing-fact-in-patch.yaml')!.errors;
    expect(error).toMatchObject({ field: 'items[0].scenario.patch.delivery.signedAt', line: 11 });
    expect(error!.fix).toContain('取自案例 coat-return');
  });

  it('reports the first failing seed of a template with the parameters it drew', () => {
    const [error] = reviews.get('template-missing-fact.yaml')!.errors;
    expect(error!.item).toMatch(/^t-missing-fact~\d+$/);
    expect(error!.field).toBe('templates[0].facts.issue.visible');
    expect(error!.wrote).toMatch(/reason = quality/);
  });

  it('names the first use of a repeated id, across files and within one', () => {
    const [across, within] = reviews.get('repeated-id.yaml')!.errors;
    expect(across!.problem).toBe(`这个编号已经用在 ${FIXTURES}/questions/passing.yaml:3 的 items[0]。`);
    expect(within!.problem).toBe(`这个编号已经用在 ${FIXTURES}/questions/repeated-id.yaml:11 的 items[1]。`);
  });

  it('finds repeats inside one file when it is checked alone', () => {
    const duplicate = { id: 'q-same', type: 'ordering', topics: ['shop-sop'], difficulty: 1, stem: '排好本店流程', sequence: 'service-flow', answer: ['安抚顾客', '核实信息', '联系处理', '跟踪进度', '回访顾客'] };
    const errors = checkQuestionFile('x.yaml', { items: [duplicate, duplicate] }, { shopPolicy: defaultShopPolicy, caseFacts: () => undefined });
    expect(errors.map((error) => `${error.code} ${error.field}`)).toEqual(['DUPLICATE_ID items[1].id']);
  });

  it('reports every question-file code at least once across the fixtures', () => {
    const seen = new Set([...reviews.values()].flatMap((review) => review.errors.map((error) => error.code)));
    for (const code of questionCodes) expect(seen, code).toContain(code);
    for (const code of questionCodes) expect(authorErrorCatalogue[code]).toBeDefined();
  });

  it('reads unquoted YAML times as the Beijing time the author typed, and blank facts as not given', () => {
    expect(checkContent(join(ROOT, VALID)).errors.map(formatAuthorError)).toEqual([]);
  });

  it('spells fields with list indexes, and reads them back as Astro’s issue path', () => {
    expect(fieldText(['items', 3, 'options', 1, 'value'])).toBe('items[3].options[1].value');
    expect(fieldSegments('items[3].options[1].value')).toEqual(['items', 3, 'options', 1, 'value']);
    expect(fieldSegments('(文件)')).toEqual(['(文件)']);
  });
});

describe('npm run check:content on question files', () => {
  it('lists case and item messages with a summary, and exits 1', () => {
    const { status, stdout, stderr } = runCli('--dir', FIXTURES);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatchSnapshot();
  }, SPAWN_TIMEOUT);

  it('exits 0 with a one-line summary that counts items, templates and the bank', () => {
    const { status, stdout } = runCli('--dir', VALID);
    expect(status).toBe(0);
    expect(stdout).toBe(`检查了 1 个案例和 6 道题、2 个模板（题库共 ${6 + 2 * variantsPerTemplate} 道）、1 个考试：全部通过。\n`);
  }, SPAWN_TIMEOUT);

  it('--json counts authored items plus bank variants, templates, and the bank items each rule decides', () => {
    const { status, stdout } = runCli('--dir', VALID, '--json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as ContentReport;
    expect(report).toMatchObject({ cases: 1, items: 6 + 2 * variantsPerTemplate, templates: 2, errors: [] });
    // Only the rules some item rests on, so the snapshot shows the counts rather than 150 zeros.
    const used = Object.fromEntries(Object.entries(report.rules).filter(([, coverage]) => coverage.items > 0 || coverage.cases > 0));
    expect(used).toMatchSnapshot();
    // The ordering item rests on no ruling; every other bank item rests at least on the rule that decided it.
    expect(report.rules['R-7DAY-WINDOW']!.items).toBeGreaterThanOrEqual(1);
    expect(Math.max(...Object.values(report.rules).map((coverage) => coverage.items))).toBeLessThanOrEqual(report.items - 1);
  }, SPAWN_TIMEOUT);

  it('--json lists every fixture problem and counts the fixture bank', () => {
    const { status, stdout } = runCli('--dir', FIXTURES, '--json');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as ContentReport;
    expect({ cases: report.cases, items: report.items, templates: report.templates }).toMatchInlineSnapshot(`
      {
        "cases": 1,
        "items": 67,
        "templates": 7,
      }
    `);
    for (const error of report.errors) {
      expect(Object.keys(error).every((key) => ['code', 'file', 'item', 'line', 'field', 'wrote', 'decided', 'problem', 'trace', 'fix'].includes(key))).toBe(true);
    }
    expect(report.errors.map((error) => `${error.file.split('/').pop()}:${error.line} ${error.item ?? '-'} ${error.field} ${error.code}`)).toMatchSnapshot();
  }, SPAWN_TIMEOUT);
});

describe('content/README.md on the question bank', () => {
  const readme = readFileSync(join(ROOT, 'content/README.md'), 'utf8');

  it('lists every field a question can ask about', () => {
    // The per-rule SOP fields (`sop.applies:<id>`, `sop.yieldsTo:<id>`) are documented once each, as a pattern.
    for (const id of askedFieldIds.filter((field) => !/^sop\.(applies|yieldsTo):/.test(field))) expect(readme).toContain(`| \`${id}\` |`);
    expect(readme).toContain('| `sop.applies:<SOP 规则编号>` |');
    expect(readme).toContain('| `sop.yieldsTo:<SOP 规则编号>` |');
  });

  it('states how many variants a template gives the bank and how many seeds the gate checks', () => {
    expect(readme).toContain(`每个模板给题库贡献 ${variantsPerTemplate} 个变体（种子 1–${variantsPerTemplate}`);
    expect(readme).toContain(`抽取种子 1–${checkedSeedsPerTemplate}`);
  });
});
