import { CONTENT_KINDS, type ContentKind } from '../../../authoring/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../server/http/index.ts';
import { getStudio, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/** The content files of one kind (`?kind=case|question|exam|policy`) or of all kinds, with versions and titles. */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const kind = context.url.searchParams.get('kind');
  if (kind !== null && !(CONTENT_KINDS as readonly string[]).includes(kind)) {
    throw new ApiError('VALIDATION_FAILED', [{ field: 'kind', message: `kind 只能是 ${CONTENT_KINDS.join('、')}` }]);
  }
  return jsonOk({ files: getStudio().content.list((kind as ContentKind | null) ?? undefined) });
});

export const ALL = methodNotAllowed;
