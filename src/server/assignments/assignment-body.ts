import { z } from 'zod';
import { parseBeijingTime } from '../../rules/index.ts';
import { CohortSchema } from '../accounts/index.ts';

/** A time as a lead enters it: `2026-12-31 18:00` or a datetime-local input's `2026-12-31T18:00`, Beijing time. */
const beijingInstant = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .transform((text, context) => {
      const at = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/.test(text) ? parseBeijingTime(text) : null;
      if (at === null) {
        context.addIssue({ code: 'custom', message: `${label}写成北京时间“YYYY-MM-DD HH:mm”，例如 2026-12-31 18:00` });
        return z.NEVER;
      }
      return at;
    });

/** Checkboxes send one value or several (or, through JSON, an array): always a list of distinct names. */
const CohortsSchema = z
  .union([z.string(), z.array(z.string()).max(100)], { error: '请至少选择一个班组' })
  .transform((value) => (Array.isArray(value) ? value : [value]).map((name) => name.trim()).filter((name) => name !== ''))
  .pipe(z.array(CohortSchema).min(1, '请至少选择一个班组').transform((names) => [...new Set(names)]));

const Revision = z.coerce.number({ error: '缺少版本号，请刷新页面后再试' }).int().positive();

const fields = {
  examId: z.string({ error: '请选择考试' }).trim().min(1, '请选择考试').max(100),
  cohorts: CohortsSchema,
  opensAt: beijingInstant('开放时间'),
  // An empty input: the window stays open after the due date, with no end.
  closesAt: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((text) => (text ? text : null))
    .pipe(z.null().or(beijingInstant('关闭时间'))),
  dueAt: beijingInstant('截止时间'),
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
};

/** Window order: opens ≤ due, and a close (when set) after the due date. */
function checkOrder(body: { opensAt: number; closesAt: number | null; dueAt: number }, context: z.RefinementCtx): void {
  if (body.dueAt < body.opensAt) context.addIssue({ code: 'custom', path: ['dueAt'], message: '截止时间不能早于开放时间' });
  if (body.closesAt !== null && body.closesAt <= body.dueAt) {
    context.addIssue({ code: 'custom', path: ['closesAt'], message: '关闭时间要晚于截止时间（或留空：截止后仍可补考）' });
  }
}

/** `POST /api/lead/assignments`. */
export const AssignmentBodySchema = z.object(fields).strict().superRefine(checkOrder);
export type AssignmentBody = z.output<typeof AssignmentBodySchema>;

/** `POST /api/lead/assignments/<id>`: the whole assignment again, with the revision it was edited from. */
export const AssignmentUpdateBodySchema = z
  .object({ ...fields, revision: Revision })
  .strict()
  .superRefine(checkOrder);
export type AssignmentUpdateBody = z.output<typeof AssignmentUpdateBodySchema>;

/** `POST /api/lead/assignments/<id>/delete`. */
export const AssignmentDeleteBodySchema = z.object({ revision: Revision }).strict();
