import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { contentPath, getStudio, proposalOf, refusal, SaveBodySchema, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/**
 * This lead's unpublished drafts (kept in DATA_DIR, never in the content folder or the site), newest first. With
 * `?path=`: that file's draft with its editable `model` (null when the text cannot be read as one) and the file's
 * current version (`fileVersion`, null when the file does not exist), so the editor can say whether the file changed
 * since the draft was started.
 */
export const GET = apiRoute(async (context) => {
  const lead = studioLead(context);
  const studio = getStudio();
  const wanted = context.url.searchParams.get('path');
  if (wanted === null) return jsonOk({ drafts: studio.drafts.list(lead.employeeId) });
  const path = contentPath(wanted);
  const draft = studio.drafts.get(lead.employeeId, path);
  const fileVersion = studio.content.read(path)?.version ?? null;
  return jsonOk({ draft: draft ? { ...draft, model: studio.content.modelOf(path, draft.text) } : null, fileVersion });
});

/**
 * Keeps a draft of one file for this lead: `{ path, baseVersion, text }`, or `{ path, baseVersion, model }` written
 * over the file's current text (no content gate: a draft may be unfinished). Publishing it is an ordinary
 * `PUT /api/studio/file`, which drops the draft.
 */
export const PUT = apiRoute(async (context) => {
  const lead = studioLead(context);
  const body = await readJson(context.request, SaveBodySchema);
  const path = contentPath(body.path);
  const studio = getStudio();
  const text = studio.content.proposalText(path, proposalOf(body));
  if (typeof text !== 'string') return refusal(text);
  studio.drafts.put(lead.employeeId, { path, baseVersion: body.baseVersion, text });
  const draft = studio.drafts.get(lead.employeeId, path);
  return jsonOk({ draft: draft ? { path: draft.path, baseVersion: draft.baseVersion, savedAt: draft.savedAt } : null });
});

/** Drops this lead's draft of `?path=`. */
export const DELETE = apiRoute(async (context) => {
  const lead = studioLead(context);
  getStudio().drafts.remove(lead.employeeId, contentPath(context.url.searchParams.get('path')));
  return jsonOk({ ok: true });
});

export const ALL = methodNotAllowed;
