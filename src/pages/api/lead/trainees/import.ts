import { ImportBodySchema, importTrainees } from '../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson, requireLinkOrigin } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/**
 * Imports trainees from a CSV file: `csvBase64` is the file's bytes (what the page sends; the server tells UTF-8 from
 * GBK/GB18030), `csv` is text already decoded. Answers 200 with the encoding read, the imported rows (each with its
 * activation link) and the row errors; a file-level problem (header, encoding, size) is a 400.
 */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, ImportBodySchema);
  const csv = body.csvBase64 === undefined ? (body.csv ?? '') : new Uint8Array(Buffer.from(body.csvBase64, 'base64'));
  const result = await importTrainees(await getStore(), csv, { now: Date.now(), origin: requireLinkOrigin(context.url) });
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ encoding: result.encoding, imported: result.imported, errors: result.errors });
});

export const ALL = methodNotAllowed;
