import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../server/http/index.ts';
import { contentPath, getStudio, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/**
 * The saves of one content file, newest first: git commits when the content folder is a work tree, else revisions.
 * With `&revision=<id>`: that revision's text and its editable model (`null` when unreadable as one), to compare, or
 * to load into the editor and save (an ordinary save, with its conflict check).
 */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const path = contentPath(context.url.searchParams.get('path'));
  const revision = context.url.searchParams.get('revision');
  if (revision !== null) {
    const text = await getStudio().content.revisionText(path, revision);
    if (text === undefined) throw new ApiError('STUDIO_FILE_NOT_FOUND');
    return jsonOk({ path, revision, text, model: getStudio().content.modelOf(path, text) });
  }
  return jsonOk(await getStudio().content.revisions(path));
});

export const ALL = methodNotAllowed;
