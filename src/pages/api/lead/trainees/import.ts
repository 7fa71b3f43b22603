import { ImportBodySchema, importTrainees } from '../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson, requireLinkOrigin } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/**
 * Imports trainees from CSV text (the page reads the file in the browser as UTF-8). Answers 200 with the imported
 * rows (each with its activation link) and the row errors; a file-level problem (header, encoding, size) is a 400.
 */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, ImportBodySchema);
  const result = await importTrainees(await getStore(), body.csv, { now: Date.now(), origin: requireLinkOrigin(context.url) });
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ imported: result.imported, errors: result.errors });
});

export const ALL = methodNotAllowed;
