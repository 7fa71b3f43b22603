import { API_ERRORS, type ApiErrorBody, type ApiErrorCode, type FieldError } from './api-errors.ts';

// Answers about accounts must never be cached by a browser or proxy.
const NO_STORE = { 'cache-control': 'no-store' } as const;

/** A JSON success response. */
export function jsonOk(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(data, { status, headers: { ...NO_STORE, ...Object.fromEntries(new Headers(headers)) } });
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
  return Response.json(body, { status, headers });
}
