import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { CheckBodySchema, contentPath, getStudio, proposalOf, refusal, studioLead } from '../../../server/studio/index.ts';

export const prerender = false;

/**
 * The content gate's verdict on proposed content, nothing saved: the text the save would write, the errors it would
 * bring (each with file, field, what was written, what the engine decided and the fix) and the bank's totals.
 */
export const POST = apiRoute(async (context) => {
  studioLead(context);
  const body = await readJson(context.request, CheckBodySchema);
  const result = await getStudio().content.check(contentPath(body.path), proposalOf(body));
  if (!result.ok) return refusal(result);
  return jsonOk({ text: result.text, errors: result.gate.errors, existing: result.gate.existing, summary: result.gate.summary });
});

export const ALL = methodNotAllowed;
