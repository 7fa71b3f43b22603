import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { contentPath, getStudio, studioLead } from '../../../server/studio/index.ts';
import { z } from 'zod';

export const prerender = false;

const DraftBodySchema = z
  .object({ path: z.string().max(300), baseVersion: z.string().regex(/^[0-9a-f]{64}$/).nullable(), text: z.string().max(512 * 1024) })
  .strict();

/** This lead's unpublished drafts (kept in DATA_DIR, never in the content folder or the site). */
export const GET = apiRoute(async (context) => {
  const lead = studioLead(context);
  return jsonOk({ drafts: getStudio().drafts.list(lead.employeeId) });
});

/** Keeps a draft of one file for this lead; publishing it is an ordinary `PUT /api/studio/file`. */
export const PUT = apiRoute(async (context) => {
  const lead = studioLead(context);
  const body = await readJson(context.request, DraftBodySchema);
  const path = contentPath(body.path);
  getStudio().drafts.put(lead.employeeId, { path, baseVersion: body.baseVersion, text: body.text });
  return jsonOk({ draft: getStudio().drafts.get(lead.employeeId, path) });
});

/** Drops this lead's draft of `?path=`. */
export const DELETE = apiRoute(async (context) => {
  const lead = studioLead(context);
  getStudio().drafts.remove(lead.employeeId, contentPath(context.url.searchParams.get('path')));
  return jsonOk({ ok: true });
});

export const ALL = methodNotAllowed;
