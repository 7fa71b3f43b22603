import type { z } from 'zod';
import { ApiError, type FieldError } from './api-errors.ts';

/** Request bodies larger than this are refused unread (a 1,000-row CSV is about 40 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

// Zod's default messages are English; the API speaks Chinese. Schemas that set their own message keep it.
const CHINESE_DEFAULTS = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少这一项' : '类型不对';
    case 'too_small':
      return '内容太短或为空';
    case 'too_big':
      return '内容太长';
    case 'unrecognized_keys':
      return `多余的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
    case 'invalid_value':
      return '格式不正确';
    default:
      return '内容不正确';
  }
};

/**
 * Reads a JSON request body and validates it: the one way every API handler takes input.
 * @returns the parsed body, typed by the schema.
 * @throws ApiError UNSUPPORTED_MEDIA_TYPE (not JSON), BODY_TOO_LARGE, INVALID_JSON or VALIDATION_FAILED (with
 *   one entry per field).
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  const text = await readLimited(request);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('INVALID_JSON');
  }
  const parsed = schema.safeParse(json, { error: CHINESE_DEFAULTS });
  if (!parsed.success) throw new ApiError('VALIDATION_FAILED', fieldErrors(parsed.error));
  return parsed.data;
}

/** One entry per failing field (the first problem of each), in the order zod found them. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: issue.message });
  }
  return fields;
}

// Stateless without `stream: true`, so one decoder serves every request.
const UTF8 = new TextDecoder('utf-8');

async function readLimited(request: Request): Promise<string> {
  return UTF8.decode(await readLimitedBytes(request));
}

// Bodies the built server's fast path read from the socket before making the Request (src/server/serve/): taking
// them from here skips wrapping bytes already in memory in a stream only to read them back, per autosave.
const PREREAD = new WeakMap<Request, Uint8Array<ArrayBuffer>>();

/**
 * Makes `readJson` and `readLimitedBytes` read `bytes` as the body of `request`, a Request built without a body
 * (`request.body` stays null: every handler reads its body through this module). `bytes` may hold more than
 * MAX_BODY_BYTES (the caller stops reading one byte past it), and is then refused as BODY_TOO_LARGE as a streamed body
 * would be.
 * @returns `request`.
 */
export function withPrereadBody(request: Request, bytes: Uint8Array<ArrayBuffer>): Request {
  PREREAD.set(request, bytes);
  return request;
}

/**
 * A request body's bytes, refused unread past MAX_BODY_BYTES.
 * @throws ApiError BODY_TOO_LARGE
 */
export async function readLimitedBytes(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new ApiError('BODY_TOO_LARGE');
  const preread = PREREAD.get(request);
  if (preread) {
    if (preread.byteLength > MAX_BODY_BYTES) throw new ApiError('BODY_TOO_LARGE');
    return preread;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError('BODY_TOO_LARGE');
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
