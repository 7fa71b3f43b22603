import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../auth/index.ts';

// Control characters and line breaks have no place in a name shown on certificates and lists.
const PRINTABLE = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;

/** 姓名: what certificates and lists show. */
export const NameSchema = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, '请填写姓名')
  .max(40, '姓名最多 40 个字')
  .regex(PRINTABLE, '姓名里有不可见字符，请重新输入');

/** 工号: the login name; letters, digits, `-` and `_`, unique regardless of letter case. */
export const EmployeeIdSchema = z
  .string({ error: '请填写工号' })
  .trim()
  .min(1, '请填写工号')
  .max(32, '工号最多 32 位')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, '工号只能由字母、数字、“-”和“_”组成，并以字母或数字开头');

/** 班组: the trainee's cohort, used to group the list and exam results. */
export const CohortSchema = z
  .string({ error: '请填写班组' })
  .trim()
  .min(1, '请填写班组')
  .max(40, '班组名称最多 40 个字')
  .regex(PRINTABLE, '班组名称里有不可见字符，请重新输入');

/** Only a length bound here, so that an absurd body is refused before hashing; the policy check gives the reasons. */
const PasswordInputSchema = z
  .string({ error: '请填写密码' })
  .min(1, '请填写密码')
  .max(PASSWORD_MAX_LENGTH * 4, '密码最多 128 个字符');

const TokenSchema = z.string({ error: '缺少链接中的令牌' }).regex(/^[A-Za-z0-9_-]{20,100}$/, '链接中的令牌不完整');

export const LoginBodySchema = z.strictObject({
  employeeId: z.string({ error: '请填写工号' }).trim().min(1, '请填写工号').max(64, '工号最多 32 位'),
  password: PasswordInputSchema,
});

export const SetupBodySchema = z.strictObject({
  token: TokenSchema,
  name: NameSchema,
  employeeId: EmployeeIdSchema,
  password: PasswordInputSchema,
});

export const ActivateBodySchema = z.strictObject({ token: TokenSchema, password: PasswordInputSchema });

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

export const EmptyBodySchema = z.strictObject({});
