import { apiRoute, jsonOk, methodNotAllowed } from '../../../server/http/index.ts';
import { contentPath, getStudio, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/** The saves of one content file, newest first: git commits when the content folder is a work tree, else revisions. */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const history = await getStudio().content.revisions(contentPath(context.url.searchParams.get('path')));
  return jsonOk(history);
});

export const ALL = methodNotAllowed;
