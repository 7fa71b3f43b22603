/**
 * Every problem the content gate can report. Codes are permanent: scripts, tests and content/README.md refer to them.
 * The same catalogue backs `npm run check:content`, the Astro build and the vitest content test.
 */
export const authorErrorCatalogue = {
  YAML_SYNTAX: {
    title: '头信息无法读取',
    when: '头信息缺少开头或结尾的 ---，或者缩进、冒号、引号写错，YAML 读不出来。',
  },
  INVALID_FRONTMATTER: {
    title: '头信息字段不符合格式',
    when: 'title、summary、topics、difficulty、edition、expected、related 缺少、拼错、多写，或取值不对；expected 里的时间无法识别也报这个代码。',
  },
  INVALID_FACTS: {
    title: '事实不符合事实模型',
    when: 'facts 里有事实模型没有的字段、取值不在可选范围内、类型不对（例如数字写成了文字），或时间无法识别。',
  },
  MISSING_FACT: {
    title: '缺少事实',
    when: '事实模型要求必填的事实没写，或者本案经过的某条规则需要一个没写的事实（“需要时填”的事实）。没写的事实不会被当作“否”。',
  },
  CONTRADICTORY_FACTS: {
    title: '事实相互矛盾',
    when: '几个事实不可能同时成立，例如签收早于发货、申请退款早于付款、没有发货却写了物流结果。',
  },
  EXPECTED_MISMATCH: {
    title: '预期裁决与规则引擎不一致',
    when: 'expected 里写的某一项与规则引擎根据 facts 作出的裁决不同：要么 expected 写错了，要么 facts 没有写出你心里想的情景。',
  },
  UNKNOWN_RULE: {
    title: '规则编号不存在',
    when: 'expected.decidingRule、expected.sop 或 expected.overriddenSop 里的规则编号在规则目录里找不到（多半是拼错了）。',
  },
  UNKNOWN_RELATED: {
    title: '相关案例不存在',
    when: 'related 里写的案例在 content/cases 中找不到。',
  },
  INVALID_SHOP_POLICY: {
    title: '本店规范配置不符合格式',
    when: 'content/policy/shop.json 不能读取或不符合格式。所有案例的裁决都依赖它，所以它有问题时只报告它，不核对任何案例。',
  },
} as const;

export type AuthorErrorCode = keyof typeof authorErrorCatalogue;
export const authorErrorCodes = Object.keys(authorErrorCatalogue) as AuthorErrorCode[];

/** One rule on the way to the engine's answer, as shown to the author. */
export interface TraceLine {
  readonly ruleId: string;
  /** The rule's Chinese title from the catalogue. */
  readonly title: string;
  /** What the rule found in this case (the trace note), or the rule's statement when it was not evaluated. */
  readonly note: string;
}

/** A problem in one content file, phrased for the person who wrote it. */
export interface AuthorError {
  readonly code: AuthorErrorCode;
  /** Path of the file, relative to the project root, e.g. `content/cases/x.mdx`. */
  readonly file: string;
  /** 1-based line of the offending field in the file, when it can be located. */
  readonly line?: number;
  /** Dotted path of the field, e.g. `expected.freight.return`. */
  readonly field: string;
  /** What the author wrote, quoted. */
  readonly wrote: string;
  /** What the rule engine decided, in Chinese; only for errors the engine's ruling settles. */
  readonly decided?: string;
  /** What is wrong, in Chinese; for errors that are not a disagreement with the ruling. */
  readonly problem?: string;
  /** The applied rules that led to the engine's answer (the deciding chain, not the whole trace). */
  readonly trace: readonly TraceLine[];
  /** How to fix it, in Chinese. */
  readonly fix: string;
}

/** The lines under the heading: what was written, what the engine decided and why, and the fix. Each starts with two spaces. */
export function formatAuthorErrorDetails(error: AuthorError): string {
  const lines = [`  你写的：${error.wrote}`];
  if (error.decided !== undefined) lines.push(`  引擎判定：${error.decided}`);
  if (error.problem !== undefined) lines.push(`  问题：${error.problem}`);
  for (const step of error.trace) lines.push(`  依据：${step.ruleId} ${step.title} — ${step.note}`);
  lines.push(`  修改：${error.fix}`);
  return lines.join('\n');
}

/** `EXPECTED_MISMATCH（预期裁决与规则引擎不一致）`: the permanent code with its Chinese name. */
export function authorErrorKind(error: AuthorError): string {
  return `${error.code}（${authorErrorCatalogue[error.code].title}）`;
}

/** `file:line  field  CODE（name）` followed by the details; the text the CLI prints and the tests pin. */
export function formatAuthorError(error: AuthorError): string {
  const location = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return `${location}  ${error.field}  ${authorErrorKind(error)}\n${formatAuthorErrorDetails(error)}`;
}
