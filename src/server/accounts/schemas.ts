import { z } from 'zod';
import { STAFF_ROLES } from '../../present/index.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/index.ts';

// Control characters and line breaks have no place in a name shown on certificates and lists.
const PRINTABLE = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;

/**
 * Text a person typed that certificates and lists show (a name, a cohort), the same wherever it enters (the form,
 * the CSV import, first-run setup): trimmed, NFC-normalised (so `é` typed as e + ◌́ and as one character are the same
 * text and the same length), and refused when it is not well-formed Unicode (a lone surrogate, which JSON can carry
 * as `\ud800`), holds U+FFFD (what bytes that are not UTF-8 become when decoded) or holds a control character.
 */
function shownText(field: string, label: string, max: number) {
  return z
    .string({ error: `请填写${field}` })
    .trim()
    .normalize('NFC')
    .min(1, `请填写${field}`)
    .max(max, `${label}最多 ${max} 个字`)
    .refine((text) => text.isWellFormed() && !text.includes('\uFFFD'), `${label}里有无法识别的字符（可能是文件或输入法编码有误），请重新输入`)
    .regex(PRINTABLE, `${label}里有不可见字符，请重新输入`);
}

/** 姓名: what certificates and lists show. */
export const NameSchema = shownText('姓名', '姓名', 40);

/** 工号: the login name; letters, digits, `-` and `_`, unique regardless of letter case. */
export const EmployeeIdSchema = z
  .string({ error: '请填写工号' })
  .trim()
  .min(1, '请填写工号')
  .max(32, '工号最多 32 位')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, '工号只能由字母、数字、“-”和“_”组成，并以字母或数字开头');

/** 班组: the trainee's cohort, used to group the list and exam results. */
export const CohortSchema = shownText('班组', '班组名称', 40);

/** Only a length bound here, so that an absurd body is refused before hashing; the policy check gives the reasons. */
const PasswordInputSchema = z
  .string({ error: '请填写密码' })
  .min(1, '请填写密码')
  .max(PASSWORD_MAX_LENGTH * 4, '密码最多 128 个字符');

const TokenSchema = z.string({ error: '缺少链接中的令牌' }).regex(/^[A-Za-z0-9_-]{20,100}$/, '链接中的令牌不完整');

export const LoginBodySchema = z.strictObject({
  employeeId: z.string({ error: '请填写工号' }).trim().min(1, '请填写工号').max(64, '工号最多 32 位'),
  password: PasswordInputSchema,
  // The 记住我 checkbox: checked boxes come as a list of their values (JSON and form posts alike), unchecked as nothing.
  remember: z
    .array(z.string())
    .refine((values) => values.length === 1 && values[0] === 'on', '“记住我”的值不正确')
    .optional(),
});

export const SetupBodySchema = z.strictObject({
  token: TokenSchema,
  name: NameSchema,
  employeeId: EmployeeIdSchema,
  password: PasswordInputSchema,
});

export const ActivateBodySchema = z.strictObject({ token: TokenSchema, password: PasswordInputSchema });

/** A new staff account from /lead/staff: a 出题人 (author) or another 组长 (lead); no cohort. */
export const StaffBodySchema = z.strictObject({
  name: NameSchema,
  employeeId: EmployeeIdSchema,
  role: z.enum(STAFF_ROLES, { error: '请选择角色：出题人或组长' }),
});

export const TraineeBodySchema = z.strictObject({
  name: NameSchema,
  employeeId: EmployeeIdSchema,
  cohort: CohortSchema,
});

/**
 * A trainee list: `csvBase64` carries the file's bytes (what /lead/trainees sends, so the server can tell UTF-8 from
 * GBK/GB18030); `csv` carries text that is already decoded (API clients). Exactly one of the two.
 */
export const ImportBodySchema = z
  .strictObject({
    csv: z.string({ error: '缺少 CSV 内容' }).optional(),
    csvBase64: z.base64({ error: 'CSV 文件内容应是 base64 编码的文件字节' }).optional(),
  })
  .refine((body) => (body.csv === undefined) !== (body.csvBase64 === undefined), {
    error: '缺少 CSV 内容：请提供 csvBase64（文件字节）或 csv（文本）其中之一',
  });
