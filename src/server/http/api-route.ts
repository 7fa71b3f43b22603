import { type ApiContext, type ApiHandler, portable } from './api-context.ts';
import { ApiError } from './api-errors.ts';
import { jsonError } from './respond.ts';

/**
 * Wraps an API handler so that a thrown ApiError becomes its catalogued JSON answer and anything else is logged here
 * and answered as INTERNAL_ERROR, with no stack or detail in the response. The handler sees only an `ApiContext`, so
 * the built server's fast path can serve it without Astro's page pipeline (`src/server/serve/`).
 */
export function apiRoute(handler: (context: ApiContext) => Promise<Response>): ApiHandler {
  return portable(async (context: ApiContext) => {
    try {
      return await handler(context);
    } catch (error) {
      return errorResponse(error, context.request);
    }
  });
}

/** The JSON answer for a thrown value: ApiErrors as catalogued; anything else logged and hidden. */
export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiError) return jsonError(error.code, error.fields ? { fields: error.fields } : {});
  console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
  return jsonError('INTERNAL_ERROR');
}
