import { apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { getStudio, studioError, studioLead } from '../../../../server/studio/index.ts';

export const prerender = false;

/** Whether this server can publish, and why not (a read-only deploy). */
export const GET = apiRoute(async (context) => {
  studioLead(context);
  const reason = getStudio().publisher.unavailable();
  return jsonOk({ available: reason === null, reason });
});

/**
 * Starts rebuilding the site from the content folder in the background (or returns the build already running);
 * follow it at `GET /api/studio/publish/<job>`. 409 STUDIO_PUBLISH_UNAVAILABLE with the reason where the server cannot
 * build (a state of this deployment, not a server fault: the security suite holds every answer below 500).
 */
export const POST = apiRoute(async (context) => {
  const lead = studioLead(context);
  const publisher = getStudio().publisher;
  const reason = publisher.unavailable();
  if (reason !== null) return studioError('STUDIO_PUBLISH_UNAVAILABLE', { reason });
  return jsonOk({ job: publisher.start(lead.name) }, 202);
});

export const ALL = methodNotAllowed;
