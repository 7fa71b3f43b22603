import { load, YAMLException } from 'js-yaml';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { AuthorError } from '../../authoring/index.ts';

/** The same frontmatter fence Astro's MDX loader recognises, so the CLI and the build read the same text. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export type Locate = (field: string) => number | undefined;

export interface ParsedYaml {
  readonly value: unknown;
  readonly locate: Locate;
  /** YAML syntax problems, as author errors with the file's line numbers. */
  readonly errors: readonly AuthorError[];
}

const yamlProblems: Record<string, string> = {
  BAD_INDENT: '缩进不对：同一层的字段要对齐，下一层多缩进两个空格。',
  TAB_AS_INDENT: '用了 Tab 缩进：YAML 只能用空格缩进。',
  DUPLICATE_KEY: '同一层里有两个同名字段：删除其中一个。',
  MISSING_CHAR: '缺少配对的符号：检查引号、方括号、花括号是否成对。',
  MULTILINE_IMPLICIT_KEY: '字段跨了行：检查下一行是不是多缩进了，或者这一行是不是少了冒号。',
  BLOCK_AS_IMPLICIT_KEY: '这一行被读成了嵌套字段：含“: ”的文字要加引号；下一行只有在这一行以冒号结尾时才能多缩进。',
  UNEXPECTED_TOKEN: '出现了不该出现的符号：以冒号、#、[、{ 等开头的值要加引号。',
  BAD_SCALAR_START: '值以特殊符号开头：以 @、`、%、| 等开头的值要加引号。',
};

const FIX_FRONTMATTER = '改正这一行的写法；对照 content/cases/seven-day-last-minute.mdx 的格式，含冒号、# 或以符号开头的文字加上引号。';
export const FIX_QUESTIONS = '改正这一行的写法；对照 content/questions/seven-day.yaml 的格式：同一层左对齐，下一层多缩进两个空格，含冒号、# 或以符号开头的文字加上引号。';
export const FIX_JSON = '改正这一行的 JSON 写法：字段名和文字都用英文双引号，两项之间加逗号，最后一项后面不加逗号。';

export const FIX_EXAM = '改正这一行的写法；对照 content/exams/basic-certification.yaml 的格式：同一层左对齐，下一层多缩进两个空格，含冒号、# 或以符号开头的文字加上引号。';

const fixes = { YAML_SYNTAX: FIX_FRONTMATTER, INVALID_SHOP_POLICY: FIX_JSON, INVALID_QUESTION_FILE: FIX_QUESTIONS, INVALID_EXAM: FIX_EXAM } as const;

/**
 * Parses YAML (frontmatter, shop.json or a question file) with line tracking. `firstLine` is the file line the text
 * starts on, so located lines are file lines. Unquoted timestamps become Dates here exactly as in Astro's js-yaml.
 */
export function parseYaml(file: string, text: string, firstLine: number, code: keyof typeof fixes): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, customTags: ['timestamp'], prettyErrors: false });
  const lines = text.split('\n');
  // One message per line: the parser often reports the same slip twice.
  const seen = new Set<number>();
  const firstPerLine = doc.errors.filter((error) => {
    const line = lineCounter.linePos(error.pos[0]).line;
    return seen.has(line) ? false : (seen.add(line), true);
  });
  const errors = firstPerLine.map((error): AuthorError => {
    const line = lineCounter.linePos(error.pos[0]).line;
    return {
      code,
      file,
      line: line + firstLine - 1,
      field: '(YAML)',
      wrote: lines[line - 1]?.trim() || '（空行）',
      problem: yamlProblems[error.code] ?? `无法读取这一行（${error.code}）。`,
      trace: [],
      fix: fixes[code],
    };
  });
  // A field missing at the top level has no line of its own: point at the first line (the opening --- of a case).
  const locate: Locate = (field) => {
    const offset = offsetOf(doc, field.split('.'));
    return offset === undefined ? firstLine : lineCounter.linePos(offset).line + firstLine - 1;
  };
  return { value: errors.length > 0 ? undefined : doc.toJS(), locate, errors };
}

/** Start offset of the deepest existing key (or list item) along `path`: a missing fact points at its parent. */
function offsetOf(doc: Document, path: readonly string[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const parent = depth === 1 ? doc.contents : doc.getIn(parentPath, true);
    const key = path[depth - 1]!;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (isScalar(item.key) ? String(item.key.value) === key : false));
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
    if (isSeq(parent) && /^\d+$/.test(key)) {
      const item = parent.items[Number(key)];
      if (isNode(item) && item.range) return item.range[0];
    }
  }
  return undefined;
}

/** Splits an MDX case into its frontmatter (parsed) and reports a missing fence or bad YAML as author errors. */
export function readCaseFile(file: string, source: string): ParsedYaml {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return {
      value: undefined,
      locate: () => undefined,
      errors: [
        {
          code: 'YAML_SYNTAX',
          file,
          line: 1,
          field: '(头信息)',
          wrote: source.split('\n')[0]?.trim() || '（空行）',
          problem: '文件开头没有用 --- 包起来的头信息。',
          trace: [],
          fix: '文件第一行写 ---，接着写头信息，再用一行 --- 结束；可以用 npm run new:case 生成模板。',
        },
      ],
    };
  }
  const text = match[1]!;
  const start = match.index + match[0].indexOf('---') + 3;
  const firstLine = source.slice(0, start).split('\n').length;
  return readYaml(file, text, firstLine, 'YAML_SYNTAX');
}

/**
 * YAML read with js-yaml, the reader Astro's loaders use, so the CLI and the build see the same values (and it is ~15×
 * faster than `yaml`, which mattered at 1,000 cases and 10,000 items). Lines and the friendlier syntax messages come
 * from `parseYaml`, which runs only when a message needs a line or js-yaml refuses the text. Where js-yaml refuses
 * what `yaml` accepts, js-yaml's own reason is reported on its line.
 */
export function readYaml(file: string, text: string, firstLine: number, code: keyof typeof fixes): ParsedYaml {
  let value: unknown;
  try {
    value = load(text);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const parsed = parseYaml(file, text, firstLine, code);
    return { value: undefined, locate: parsed.locate, errors: parsed.errors.length > 0 ? parsed.errors : [syntaxError(file, text, firstLine, code, error)] };
  }
  let located: Locate | undefined;
  const locate: Locate = (field) => (located ??= parseYaml(file, text, firstLine, code).locate)(field);
  return { value, locate, errors: [] };
}

// Only where js-yaml refuses what `yaml` accepts: its own reason, on its line.
function syntaxError(file: string, text: string, firstLine: number, code: keyof typeof fixes, error: YAMLException): AuthorError {
  const line = (error.mark?.line ?? 0) + 1;
  return {
    code,
    file,
    line: line + firstLine - 1,
    field: '(YAML)',
    wrote: text.split('\n')[line - 1]?.trim() || '（空行）',
    problem: `无法读取这一行（${error.reason}）。`,
    trace: [],
    fix: fixes[code],
  };
}
