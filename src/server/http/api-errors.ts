/**
 * Every error an API can answer with, by permanent code. Codes are part of the API: clients and tests match on them,
 * so never rename one; add a new code instead. Messages are what a trainee or lead reads: what happened, then what
 * to do.
 */
export const API_ERRORS = {
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON。' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求须以 JSON 格式发送（Content-Type: application/json）。' },
  BODY_TOO_LARGE: { status: 413, message: '提交的内容太大。导入学员时请分批导入，每批不超过 1000 人。' },
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改后再试。' },
  CROSS_ORIGIN_REFUSED: { status: 403, message: '这个请求不是从本站页面发出的，已拒绝。请在本站页面上操作。' },
  UNAUTHENTICATED: { status: 401, message: '请先登录。' },
  FORBIDDEN: { status: 403, message: '你的账号没有权限进行这项操作。' },
  NOT_FOUND: { status: 404, message: '没有这个接口。' },
  METHOD_NOT_ALLOWED: { status: 405, message: '这个接口不支持这种请求方式。' },
  LOGIN_FAILED: {
    status: 401,
    message: '工号或密码不正确。还没有设置过密码的学员，请先打开组长发给你的激活链接。',
  },
  LOGIN_THROTTLED: { status: 429, message: '登录失败次数过多，请稍后再试。' },
  ACCOUNT_DISABLED: { status: 403, message: '这个账号已停用。如有疑问，请联系组长。' },
  SETUP_TOKEN_INVALID: {
    status: 403,
    message: '初始设置链接无效或已失效。请使用服务器最近一次启动时打印的链接。',
  },
  SETUP_ALREADY_DONE: { status: 409, message: '已经有组长账号了，初始设置已完成。请直接登录。' },
  ACTIVATION_INVALID: { status: 404, message: '激活链接无效。请向组长索取新的激活链接。' },
  ACTIVATION_USED: { status: 410, message: '这个激活链接已经用过了。如果忘记了密码，请联系组长重新生成激活链接。' },
  ACTIVATION_EXPIRED: { status: 410, message: '激活链接已过期（有效期 7 天）。请联系组长重新生成。' },
  PASSWORD_TOO_SHORT: { status: 400, message: '密码至少需要 10 个字符。' },
  PASSWORD_TOO_LONG: { status: 400, message: '密码最多 128 个字符。' },
  PASSWORD_IS_EMPLOYEE_ID: { status: 400, message: '不能用工号作为密码，请换一个。' },
  EMPLOYEE_ID_TAKEN: { status: 409, message: '这个工号已经有账号了。' },
  LINK_HOST_NOT_LISTED: {
    status: 400,
    message:
      '无法生成链接：服务器没有设置对外地址（PUBLIC_URL），而这次访问用的地址不在允许列表里，用它生成的链接可能指向别人的网站。请管理员设置 PUBLIC_URL（例如 https://academy.example.com）或 ALLOWED_HOSTS 后重启服务器，或在服务器本机通过 localhost 访问。',
  },
  TRAINEE_NOT_FOUND: { status: 404, message: '没有找到这名学员，名单可能已经变化，请刷新页面。' },
  STAFF_NOT_FOUND: { status: 404, message: '没有找到这名工作人员，名单可能已经变化，请刷新页面。' },
  STAFF_ALREADY_ACTIVE: {
    status: 409,
    message: '这个账号已经激活。组长不能为其他工作人员重置密码（以免冒用账号）；请本人用自己的密码登录。',
  },
  STAFF_SELF: { status: 409, message: '不能停用自己的账号。如需停用，请让另一位组长操作。' },
  LAST_ACTIVE_LEAD: {
    status: 409,
    message: '不能停用最后一位可以登录的组长，否则没有人能管理学堂。请先添加并激活另一位组长。',
  },
  CSV_NOT_UTF8: {
    status: 400,
    message: '文件不是 UTF-8 编码。请在 Excel 中选择“另存为”→“CSV UTF-8（逗号分隔）”，再重新导入。',
  },
  CSV_UNKNOWN_ENCODING: {
    status: 400,
    message: '无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030。请在 Excel 中选择“另存为”→“CSV UTF-8（逗号分隔）”，再重新导入。',
  },
  CSV_EMPTY: { status: 400, message: '文件里没有学员。第 1 行是表头，从第 2 行起每行一名学员。' },
  CSV_BAD_HEADER: {
    status: 400,
    message: '第 1 行应是表头“姓名,工号,班组”（或英文 name,employeeId,cohort）。请改好表头后重新导入。',
  },
  CSV_TOO_MANY_ROWS: { status: 400, message: '一次最多导入 1000 名学员，请分批导入。' },
  CSV_UNTERMINATED_QUOTE: { status: 400, message: '文件中有未闭合的双引号，请检查后重新导入。' },
  EXAM_NOT_FOUND: { status: 404, message: '没有这场考试。请从“我的学习”页面进入考试。' },
  EXAM_NOT_YET_OPEN: { status: 403, message: '考试还没有开放，请在开放时间后再开始。' },
  EXAM_CLOSED: { status: 403, message: '考试已经关闭，不能再开始。如需补考，请联系组长。' },
  EXAM_ATTEMPTS_USED: { status: 403, message: '这场考试的次数已经用完。如需补考，请联系组长。' },
  EXAM_COOLDOWN: { status: 429, message: '距离上次考试的间隔还不够，请到提示的时间后再考。' },
  EXAM_UNAVAILABLE: { status: 503, message: '题库暂时凑不齐这场考试的试卷，请联系组长补充认证题后再考。' },
  ATTEMPT_NOT_FOUND: { status: 404, message: '没有找到这次考试记录。请从“我的学习”页面重新进入。' },
  ATTEMPT_CLOSED: { status: 409, message: '这次考试已经交卷，不能再修改答案。' },
  ATTEMPT_DEADLINE_PASSED: { status: 409, message: '考试时间已到，答案没有保存；系统已自动交卷。' },
  ATTEMPT_UNKNOWN_ITEM: { status: 400, message: '这道题不在你的试卷中。请刷新页面后再作答。' },
  ATTEMPT_SUBMITTING: { status: 409, message: '正在交卷评分，这条答案没有保存。交卷以评分开始前已保存的答案为准。' },
  ATTEMPT_INVALID_RESPONSE: { status: 400, message: '这个答案不符合这道题的作答方式，没有保存。请刷新页面后重新作答。' },
  EXAM_NOT_ASSIGNED: { status: 403, message: '这场考试只对组长布置到的班组开放，你的班组没有被布置这场考试。如有疑问，请联系组长。' },
  ASSIGNMENT_NOT_YET_OPEN: { status: 403, message: '布置给你的这场考试还没到开放时间，请在“我的学习”页面查看开放时间。' },
  ASSIGNMENT_CLOSED: { status: 403, message: '布置给你的这场考试已经关闭，不能再开始。如需补考，请联系组长。' },
  ASSIGNMENT_NOT_FOUND: { status: 404, message: '没有这项考试布置，可能已被删除。请刷新页面。' },
  ASSIGNMENT_CONFLICT: {
    status: 409,
    message: '这项考试布置在你打开之后已被别人修改或删除，你的修改没有保存。请刷新页面，看到最新内容后再改。',
  },
  CERTIFICATE_NOT_FOUND: { status: 404, message: '没有这张证书。请刷新页面后再试。' },
  CERTIFICATE_REVOKED: { status: 409, message: '这张证书已经撤销过了。' },
  ATTEMPT_NOT_SUBMITTED: { status: 409, message: '交卷后才能查看结果与解析。' },
  STUDIO_BAD_PATH: {
    status: 400,
    message: '只能编辑内容目录里的案例（cases/*.mdx）、题目（questions/*.yaml）、考试（exams/*.yaml）和本店规范（policy/shop.json）；文件名只用小写英文、数字和连字符。',
  },
  STUDIO_FILE_NOT_FOUND: { status: 404, message: '没有这个内容文件，可能已被删除或改名。请刷新文件列表。' },
  STUDIO_CONFLICT: {
    status: 409,
    message: '这个文件在你打开之后已被别人保存过，你的修改没有保存。请先打开最新版本，再把你的修改合进去。',
  },
  STUDIO_CONTENT_REFUSED: { status: 422, message: '内容检查没有通过，文件没有保存。请按每条提示修改后再保存。' },
  STUDIO_MODEL_UNWRITABLE: { status: 422, message: '无法把表单里的修改写回文件。请改用文本方式编辑这个文件。' },
  STUDIO_PUBLISH_UNAVAILABLE: {
    status: 409,
    message: '这台服务器不能重新构建站点（只读部署）。保存的内容已写入内容目录，请由部署流程重新构建发布。',
  },
  STUDIO_PUBLISH_JOB_NOT_FOUND: { status: 404, message: '没有这次发布记录（服务器重启后记录会清空）。请重新发布。' },
  STUDIO_PREVIEW_JOB_NOT_FOUND: { status: 404, message: '没有这次影响预览（服务器重启后会清空）。请重新点“预览影响”。' },
  INTERNAL_ERROR: { status: 500, message: '服务器出错了，请稍后再试。如果一直这样，请联系管理员。' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** One field-level problem, for forms to show next to the input. */
export interface FieldError {
  /** Dotted path of the field in the request body, e.g. `password`. */
  readonly field: string;
  readonly message: string;
}

/** The body of every error response: `{ "error": { "code", "message", "fields"? } }`. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    readonly fields?: readonly FieldError[];
    readonly retryAfterSeconds?: number;
  };
}

/** Thrown inside an API handler to answer with a catalogued error; anything else thrown becomes INTERNAL_ERROR. */
const API_ERROR = Symbol.for('after-sales-academy/ApiError');

export class ApiError extends Error {
  /**
   * Recognised by a brand, not by class identity: the built server loads the server modules twice (in Astro's bundle
   * and as TypeScript for the API fast path, src/server/serve/) and shares one exam service between them, so an
   * ApiError thrown by one copy must still be `instanceof` the other's class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && API_ERROR in value;
  }

  readonly [API_ERROR] = true;
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly fields: readonly FieldError[] | undefined;

  constructor(code: ApiErrorCode, fields?: readonly FieldError[]) {
    super(API_ERRORS[code].message);
    this.code = code;
    this.fields = fields;
  }

  /** An error that belongs to one form field: the catalogue message is shown next to that field too. */
  static onField(code: ApiErrorCode, field: string): ApiError {
    return new ApiError(code, [{ field, message: API_ERRORS[code].message }]);
  }
}
