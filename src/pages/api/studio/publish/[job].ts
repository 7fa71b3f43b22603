import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { getStudio, studioLead } from '../../../../server/studio/index.ts';

export const prerender = false;

/** A publish job: its state, progress (0–100), the last lines of its log and, when it failed, why. */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const job = getStudio().publisher.get(context.params.job ?? '');
  if (!job) throw new ApiError('STUDIO_PUBLISH_JOB_NOT_FOUND');
  return jsonOk({ job });
});

export const ALL = methodNotAllowed;
