import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../../server/http/index.ts';
import { examService, SaveAnswerBodySchema, signedInUser } from '../../../../server/exams/index.ts';

export const prerender = false;

/** Autosaves one answer; replaying the same seq is a no-op (duplicate: true), an older seq is 409 ATTEMPT_STALE_SEQ. */
export const PUT = apiRoute(async (context) => {
  const body = await readJson(context.request, SaveAnswerBodySchema);
  return jsonOk(await (await examService()).save(signedInUser(context), context.params.id ?? '', body));
});

export const ALL = methodNotAllowed;
