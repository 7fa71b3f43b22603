import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../../server/http/index.ts';
import { examService, SaveAnswerBodySchema, signedInUser } from '../../../../server/exams/index.ts';

export const prerender = false;

/** Autosaves one answer by its per-question version: `stored`, `duplicate` (a replay) or `superseded` (the server has a newer version of that question); 409 ATTEMPT_SUBMITTING once grading started, 400 ATTEMPT_INVALID_RESPONSE for a shape the question does not take. */
export const PUT = apiRoute(async (context) => {
  const body = await readJson(context.request, SaveAnswerBodySchema);
  return jsonOk(await (await examService()).save(signedInUser(context), context.params.id ?? '', body));
});

export const ALL = methodNotAllowed;
