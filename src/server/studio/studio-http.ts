import { z } from 'zod';
import { mayAuthor } from '../../present/index.ts';
import { CONTENT_KINDS, contentKindOf, type ContentModel } from '../../authoring/index.ts';
import { API_ERRORS, type ApiContext, ApiError, type ApiErrorCode } from '../http/index.ts';
import type { User } from '../store/index.ts';
import type { CheckResult, Proposal, SaveResult } from './content-service.ts';
import type { StudioAuthor } from './history.ts';

/** Largest content file the studio accepts (the biggest hand-written file today is ~30 KB). */
const MAX_TEXT = 512 * 1024;

/**
 * The signed-in studio author: a lead or a 出题人. The middleware already refuses `/api/studio` to anyone else
 * (ACCESS_RULES); checking here too keeps the routes safe if the rules are ever reordered, and gives the handler its
 * author.
 */
export function studioLead(context: Pick<ApiContext, 'locals'>): User {
  const user = context.locals.user;
  if (!user) throw new ApiError('UNAUTHENTICATED');
  if (!mayAuthor(user.role)) throw new ApiError('FORBIDDEN');
  return user;
}

export function authorOf(user: User): StudioAuthor {
  return { name: user.name, employeeId: user.employeeId };
}

/** A content path from the query string or body: one of the four kinds of content file, or STUDIO_BAD_PATH. */
export function contentPath(value: string | null | undefined): string {
  if (typeof value !== 'string' || !contentKindOf(value)) throw ApiError.onField('STUDIO_BAD_PATH', 'path');
  return value;
}

const PathSchema = z.string().max(300);
const SectionSchema = z.object({ heading: z.string().regex(/^[^\r\n]{1,40}$/), markdown: z.string().max(MAX_TEXT) }).strict();
/** Content files nest a few levels (item → scenario → facts → group → value); far deeper data is not a content model. */
const MAX_MODEL_DEPTH = 32;

/** Whether `value` nests at most `limit` arrays or objects deep; iterative, so hostile depth cannot overflow the stack. */
function nestsWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

// The depth check runs before z.json(), whose recursion would otherwise overflow on data nested thousands deep.
const ModelDataSchema = z
  .unknown()
  .refine((data) => nestsWithin(data, MAX_MODEL_DEPTH), { message: `表单内容嵌套超过 ${MAX_MODEL_DEPTH} 层` })
  .pipe(z.json());

const ModelSchema = z
  .object({ kind: z.enum(CONTENT_KINDS), data: ModelDataSchema, sections: z.array(SectionSchema).max(20).optional() })
  .strict()
  .refine((model) => (model.kind === 'case') === (model.sections !== undefined), { message: '案例要有 sections，其他文件不要写 sections', path: ['sections'] });

const proposalFields = { path: PathSchema, text: z.string().max(MAX_TEXT).optional(), model: ModelSchema.optional() };
const oneProposal = (body: { text?: unknown; model?: unknown }) => (body.text === undefined) !== (body.model === undefined);
const ONE_PROPOSAL = { message: '写 text（文件全文）或 model（表单内容）中的一个', path: ['text'] };

/** `PUT /api/studio/file`: the version the editor started from (`null`: a new file) and the text or the model. */
export const SaveBodySchema = z
  .object({ ...proposalFields, baseVersion: z.string().regex(/^[0-9a-f]{64}$/).nullable() })
  .strict()
  .refine(oneProposal, ONE_PROPOSAL);

/** `POST /api/studio/check`: the text or the model to check, nothing saved. */
export const CheckBodySchema = z.object(proposalFields).strict().refine(oneProposal, ONE_PROPOSAL);

export function proposalOf(body: { text?: string | undefined; model?: z.infer<typeof ModelSchema> | undefined }): Proposal {
  return body.text !== undefined ? { text: body.text } : { model: body.model as ContentModel };
}

/** A catalogued studio error with what the editor needs to recover (the current version, the gate's errors). */
export function studioError(code: ApiErrorCode, extra: Record<string, unknown>): Response {
  const { status, message } = API_ERRORS[code];
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { 'cache-control': 'no-store' } });
}

/** The answer for a failed save or check. */
export function refusal(result: Exclude<SaveResult | CheckResult, { ok: true }>): Response {
  switch (result.code) {
    case 'STUDIO_BAD_PATH':
      throw ApiError.onField('STUDIO_BAD_PATH', 'path');
    case 'STUDIO_CONFLICT':
      return studioError('STUDIO_CONFLICT', { currentVersion: result.currentVersion });
    case 'STUDIO_MODEL_UNWRITABLE':
      return studioError('STUDIO_MODEL_UNWRITABLE', { detail: result.detail });
    case 'STUDIO_CONTENT_REFUSED':
      return studioError('STUDIO_CONTENT_REFUSED', { errors: result.errors });
  }
}
