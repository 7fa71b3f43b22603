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
    when: 'expected 里写的某一项与规则引擎根据 facts 作出的裁决不同：要么 expected 写错了，要么 facts 没有写出你心里想的情景。题目的 answer 与引擎（排序题：本店规范）给出的答案不同，也报这个代码。',
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
  INVALID_QUESTION_FILE: {
    title: '题目文件无法读取',
    when: 'content/questions 下的 YAML 文件缩进、冒号、引号写错，读不出来；或者最外层不是 items 与 templates 两个列表（字段拼错、多写，或写成了别的类型）。',
  },
  INVALID_ITEM: {
    title: '题目字段不符合格式',
    when: 'items 里的某道题缺少、拼错、多写字段，或取值不对：题型、主题、难度、选项、情景（case 与 facts 只能写一个）、answer 的序号超出选项范围等。',
  },
  INVALID_TEMPLATE: {
    title: '模板字段不符合格式',
    when: 'templates 里的某个模板缺少、拼错、多写字段或取值不对；题干或事实里用了 params 没有定义的 {{参数}}；时间参数无法识别；期限参数的起点不是时间参数。',
  },
  UNKNOWN_CASE: {
    title: '情景引用的案例不存在',
    when: '题目情景的 case 写的案例在 content/cases 中找不到（多半是拼错了文件名）。',
  },
  DUPLICATE_ID: {
    title: '题目编号重复',
    when: '同一个编号在题库里出现了不止一次（所有题目文件的题目与模板一起算）。编号是永久的，作答记录按它保存。',
  },
  NO_CORRECT_OPTION: {
    title: '没有正确选项',
    when: '单选题的选项里没有一个代表引擎判定的取值：正确答案漏写了，或者 value 写错了。',
  },
  AMBIGUOUS_OPTIONS: {
    title: '多个选项都正确',
    when: '单选题有两个或更多选项代表引擎判定的取值，学员选哪个都算对。',
  },
  NO_CORRECT_REPLY: {
    title: '没有正确的回复',
    when: '回复话术题（选项写 promises 的单选题）里，没有一条回复既礼貌（tone: polite）、又每条承诺都与引擎的裁决和本店规范一致。',
  },
  AMBIGUOUS_REPLIES: {
    title: '多条回复都正确',
    when: '回复话术题里有两条或更多回复礼貌且承诺全部成立，学员选哪条都算对。',
  },
  ONE_SIDED_STATEMENTS: {
    title: '陈述全对或全错',
    when: '多选题的陈述经引擎判定全部成立，或全部不成立。至少要有一条成立、一条不成立，题目才能区分懂与不懂。',
  },
  STEPS_MISMATCH: {
    title: '排序步骤与本店规范不符',
    when: '排序题 answer 里的步骤与 content/policy/shop.json 配置的流程不是同一组步骤：多写、少写，或名称写得不一样。',
  },
  TEMPLATE_SEED_FAILS: {
    title: '模板抽出的变体出不了题',
    when: '按种子 1–50 抽取参数时，某个种子抽出的情景缺少事实、事实矛盾或不符合事实模型，或者单选题凑不出两个选项。报告第一个出问题的种子和它抽到的参数。',
  },
  TEMPLATE_DEGENERATE: {
    title: '模板的变体答案都一样',
    when: '种子 1–50 抽出的变体，引擎给出的答案全都相同：参数怎么变都不改变结论，这个模板教不了东西。',
  },
  TEMPLATE_NO_NEAR_MISS: {
    title: '模板没有“差一点”的干扰项',
    when: '单选模板的种子 1–50 里，没有一个变体能把某个参数换成相邻的取值就改变答案：参数离规则的分界太远，干扰项只能从可选值里随便补。',
  },
  INVALID_EXAM: {
    title: '考试文件不符合格式',
    when: 'content/exams 下的考试 YAML 读不出来，或者字段缺少、拼错、多写、取值不对（例如及格线写成 80 而不是 0.8、开放时间 from 晚于 to）；两个考试文件用了同一个 id 也报这个代码。',
  },
  BLUEPRINT_UNFILLABLE: {
    title: '试卷结构抽不满',
    when: '考试 blueprint 的某一部分要抽的题数，多于题库里符合它的主题、题源（items / templates）和 examOnly 条件、且不会被前面各部分占用的题数：有的考生会抽不满这张卷子，服务器也会拒绝启动。',
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
  /** Question files only: the id of the item or template (a variant as `t-id~seed`) the problem is in. */
  readonly item?: string;
  /** 1-based line of the offending field in the file, when it can be located. */
  readonly line?: number;
  /** Path of the field: dotted in cases (`expected.freight.return`), with list indexes in question files (`items[3].options[1].value`). */
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

/** `file:line  field  CODE（name）` (with the item id before the field in question files), then the details; the text the CLI prints and the tests pin. */
export function formatAuthorError(error: AuthorError): string {
  const location = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  const item = error.item === undefined ? '' : `${error.item}  `;
  return `${location}  ${item}${error.field}  ${authorErrorKind(error)}\n${formatAuthorErrorDetails(error)}`;
}
