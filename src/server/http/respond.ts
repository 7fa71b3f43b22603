import { API_ERRORS, type ApiErrorBody, type ApiErrorCode, type FieldError } from './api-errors.ts';

// Answers about accounts must never be cached by a browser or proxy.
const NO_STORE = { 'cache-control': 'no-store' } as const;

// The JSON text of responses made here, so the built server's fast path writes it to the socket as is instead of
// reading it back out of the Response's body stream (src/server/serve/node-bridge.ts).
const JSON_TEXT = new WeakMap<Response, string>();

/**
 * A JSON response as `Response.json` makes it (same text, same `content-type: application/json`), with its text
 * remembered for `jsonTextOf`.
 */
function jsonResponse(data: unknown, init: { readonly status: number; readonly headers: Record<string, string> }): Response {
  const text = JSON.stringify(data) as string | undefined;
  // Response.json's own error for a value JSON cannot hold (undefined, a function).
  if (text === undefined) return Response.json(data, init);
  const response = new Response(text, { status: init.status, headers: { 'content-type': 'application/json', ...init.headers } });
  JSON_TEXT.set(response, text);
  return response;
}

/**
 * The body of a response made by `jsonOk` or `jsonError`, as text; undefined for any other response. Only for a
 * writer that sends the response instead of reading its body: the Response's own body is left unread.
 */
export function jsonTextOf(response: Response): string | undefined {
  return JSON_TEXT.get(response);
}

/** A JSON success response. */
export function jsonOk(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  const extra = headers instanceof Headers || Array.isArray(headers) || Object.keys(headers).length > 0;
  return jsonResponse(data, { status, headers: extra ? { ...NO_STORE, ...Object.fromEntries(new Headers(headers)) } : NO_STORE });
}

/**
 * A catalogued error as JSON. `retryAfterSeconds` also sets the Retry-After header (for 429); `message` replaces
 * the catalogue text where the situation needs more detail (say, how long to wait).
 */
export function jsonError(
  code: ApiErrorCode,
  options: {
    readonly fields?: readonly FieldError[];
    readonly retryAfterSeconds?: number;
    readonly message?: string;
  } = {},
): Response {
  const { status, message } = API_ERRORS[code];
  const body: ApiErrorBody = {
    error: {
      code,
      message: options.message ?? message,
      ...(options.fields && options.fields.length > 0 ? { fields: options.fields } : {}),
      ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
    },
  };
  const headers: Record<string, string> = { ...NO_STORE };
  if (options.retryAfterSeconds !== undefined) headers['retry-after'] = String(options.retryAfterSeconds);
  return jsonResponse(body, { status, headers });
}
