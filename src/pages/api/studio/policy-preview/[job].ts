import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { getStudio, previewJobStatus, studioLead } from '../../../../server/studio/index.ts';

export const prerender = false;

/**
 * A shop-policy preview job (started by `/lead/studio/policy?preview=1&…`): its state, stage and progress (0–100),
 * for the page to poll; the page itself shows the result once the state is `done`.
 */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const job = getStudio().previews.get(context.params.job ?? '');
  if (!job) throw new ApiError('STUDIO_PREVIEW_JOB_NOT_FOUND');
  return jsonOk({ job: previewJobStatus(job) });
});

export const ALL = methodNotAllowed;
