import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { authorOf, contentPath, getStudio, proposalOf, refusal, SaveBodySchema, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/** One content file (`?path=cases/x.mdx`): its text, its editable model and its version (send it back when saving). */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const file = getStudio().content.read(contentPath(context.url.searchParams.get('path')));
  if (!file) throw new ApiError('STUDIO_FILE_NOT_FOUND');
  return jsonOk({ file });
});

/**
 * Saves a file from the version the editor started from: 409 STUDIO_CONFLICT when someone saved it since, 422
 * STUDIO_CONTENT_REFUSED with the content gate's messages when it would break content, else written and recorded
 * (a git commit by this lead, or a revision), and the drafts of this lead for the file are dropped.
 */
export const PUT = apiRoute(async (context) => {
  const lead = studioLead(context);
  const body = await readJson(context.request, SaveBodySchema);
  const path = contentPath(body.path);
  // The service drops this lead's draft of the file when the save succeeds.
  const result = await getStudio().content.save(path, body.baseVersion, proposalOf(body), authorOf(lead));
  return result.ok ? jsonOk(result) : refusal(result);
});

export const ALL = methodNotAllowed;
