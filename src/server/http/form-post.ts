import type { FormResult } from '../../present/index.ts';
import { sameSitePath } from '../accounts/index.ts';
import type { ApiContext } from './api-context.ts';
import type { FieldError } from './api-errors.ts';
import { markFormRequest } from './form-requests.ts';
import { plainPage } from './plain-page.ts';
import { readLimitedBytes } from './read-json.ts';
import { jsonError } from './respond.ts';

/**
 * Forms without JavaScript. A page's form (src/components/account/JsonForm.astro) posts to its JSON API; its script
 * sends JSON, but with scripts off the browser sends the form itself. Such a post carries the hidden field `_form`,
 * and then (only then: any other form-encoded body still gets 415, as API clients expect) the API route runs on the
 * fields as if they had come as JSON, through the same schema, handler and error codes, and the answer becomes a
 * page: a success that names a `redirect` goes there (303), anything else re-renders the page the form was on (`_from`)
 * with the result in `Astro.locals.formResult`, under the API's status. The middleware's origin check has run before.
 *
 * Hidden fields: `_form` (marker), `_from` (the page's same-site path), `_stay` (stay on the page after a success);
 * `_match.<name>` must equal field `<name>` (a password confirmation). Fields starting with `_` are never sent on;
 * a file field sends its bytes in base64 (the import route decodes them). A name that comes several times (a group
 * of checkboxes) becomes a list in order; a name that comes once stays a string, and `readJson` puts it in a list
 * where the schema expects one (form-requests.ts), so one checked box reads like JSON's `["x"]`.
 */
export const FORM_MARKER = '_form';

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;
const MATCH_PREFIX = '_match.';
const MISMATCH = '两次输入的密码不一致';
// Never typed back into a re-rendered page.
const SECRET_FIELD = /password/i;

interface FormPost {
  /** The same request with a JSON body built from the fields. */
  readonly request: Request;
  readonly from: string | null;
  readonly stay: boolean;
  readonly values: Readonly<Record<string, string>>;
  readonly mismatches: readonly FieldError[];
}

/** The fields of a `_form` post, or `null` (then `replacement` is the untouched request to hand on). */
async function readFormPost(request: Request): Promise<{ form: FormPost | null; replacement: Request }> {
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'POST' || !FORM_TYPE.test(type)) return { form: null, replacement: request };
  const bytes = await readLimitedBytes(request);
  const replacement = new Request(request.url, { method: request.method, headers: request.headers, body: bytes });
  let data: FormData;
  try {
    data = await new Response(bytes, { headers: { 'content-type': type } }).formData();
  } catch {
    return { form: null, replacement };
  }
  if (!data.has(FORM_MARKER)) return { form: null, replacement };

  const body: Record<string, string | string[]> = {};
  const values: Record<string, string> = {};
  const put = (name: string, value: string) => {
    const earlier = body[name];
    body[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  };
  const confirmations: [string, string][] = [];
  for (const [name, value] of data) {
    if (typeof value !== 'string') {
      if (!name.startsWith('_')) put(name, value.size === 0 ? '' : Buffer.from(await value.arrayBuffer()).toString('base64'));
      continue;
    }
    if (name.startsWith(MATCH_PREFIX)) confirmations.push([name, value]);
    if (name.startsWith('_')) continue;
    put(name, value);
    // A list is not typed back (a re-rendered page keeps its checkboxes as the server drew them).
    if (!SECRET_FIELD.test(name) && typeof body[name] === 'string') values[name] = value;
    else delete values[name];
  }
  const mismatches = confirmations
    .filter(([name, value]) => value !== body[name.slice(MATCH_PREFIX.length)])
    .map(([field]) => ({ field, message: MISMATCH }));
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const from = data.get('_from');
  return {
    form: {
      request: markFormRequest(new Request(request.url, { method: 'POST', headers, body: JSON.stringify(body) })),
      from: typeof from === 'string' ? sameSitePath(from) : null,
      stay: data.has('_stay'),
      values,
      mismatches,
    },
    replacement,
  };
}

/**
 * What a form post needs beyond `ApiContext`: Astro's `rewrite`, to render the form's page with the result. The built
 * server's fast path hands form bodies to Astro (src/server/serve/server.ts), so inside Astro it is always there.
 */
type FormContext = ApiContext & { readonly rewrite?: (payload: Request) => Promise<Response> };

/** `context` with another request (the handler reads `context.request`; everything else stays the original's). */
function withRequest<C extends ApiContext>(context: C, request: Request): C {
  return new Proxy(context, {
    get: (target, property) => (property === 'request' ? request : Reflect.get(target, property, target)),
  });
}

/** Whether a request body is a browser's form encoding (the fast path leaves these to Astro). */
export function isFormBody(contentType: string | undefined | null): boolean {
  return FORM_TYPE.test(contentType ?? '');
}

/** The form's answer for an API response: a redirect, the form's page re-rendered with the result, or a plain page. */
async function answerForm(context: FormContext, response: Response, form: FormPost): Promise<Response> {
  const json = ((await response.clone().json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
  const redirect = typeof json['redirect'] === 'string' ? sameSitePath(json['redirect']) : null;
  if (response.ok && redirect && !form.stay) return new Response(null, { status: 303, headers: { location: redirect } });
  const raw = (json['error'] ?? null) as { code?: unknown; message?: unknown; fields?: unknown } | null;
  const error = response.ok
    ? null
    : {
        code: typeof raw?.code === 'string' ? raw.code : 'INTERNAL_ERROR',
        message: typeof raw?.message === 'string' ? raw.message : '请求失败，请稍后再试。',
        fields: Array.isArray(raw?.fields) ? (raw.fields as FieldError[]) : [],
      };
  if (!form.from || !context.rewrite) {
    return response.ok
      ? plainPage(200, '已完成', '操作已完成。')
      : plainPage(response.status, '没有完成', error!.message, { href: '/', label: '回到首页' });
  }
  const result: FormResult = {
    action: new URL(context.request.url).pathname,
    ok: response.ok,
    status: response.status,
    body: response.ok ? json : {},
    error,
    values: form.values,
  };
  context.locals.formResult = result;
  const headers = new Headers(context.request.headers);
  for (const name of ['content-type', 'content-length', 'transfer-encoding']) headers.delete(name);
  const page = await context.rewrite(new Request(new URL(form.from, context.url), { headers }));
  const answer = new Response(page.body, { status: response.ok ? page.status : response.status, headers: page.headers });
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter) answer.headers.set('retry-after', retryAfter);
  return answer;
}

/**
 * Runs `handler` for a request that may be a `_form` post (see above); the handler always sees JSON.
 * @returns the handler's JSON answer, or for a `_form` post the page answer.
 */
export async function runWithForms(
  context: FormContext,
  handler: (context: ApiContext) => Promise<Response>,
  onError: (error: unknown) => Response,
): Promise<Response> {
  const { form, replacement } = await readFormPost(context.request);
  if (!form) return handler(replacement === context.request ? context : withRequest(context, replacement));
  let response: Response;
  try {
    response =
      form.mismatches.length > 0
        ? jsonError('VALIDATION_FAILED', { fields: form.mismatches })
        : await handler(withRequest(context, form.request));
  } catch (error) {
    response = onError(error);
  }
  return answerForm(context, response, form);
}

