import { ApiError, apiRoute, methodNotAllowed } from '../../../server/http/index.ts';
import { contentPath, getStudio, latestSavePatch, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/**
 * A saved content file to download (`?path=`), or with `&as=patch` the unified diff of its latest save, for a
 * deployment that cannot publish itself: the file goes into the repository's content/, the patch applies with `git apply`.
 */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const path = contentPath(context.url.searchParams.get('path'));
  const asPatch = context.url.searchParams.get('as') === 'patch';
  const studio = getStudio();
  const body = asPatch ? await latestSavePatch(studio.content, path) : studio.content.read(path)?.text;
  if (body === undefined) throw new ApiError('STUDIO_FILE_NOT_FOUND');
  const name = `${path.split('/').pop()}${asPatch ? '.patch' : ''}`;
  return new Response(body, {
    headers: {
      'content-type': asPatch ? 'text/x-diff; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
});

export const ALL = methodNotAllowed;
