import { apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { examService, signedInUser } from '../../../../server/exams/index.ts';

export const prerender = false;

/** Starts an attempt (201), or resumes the trainee's open one at this exam (200); eligibility refusals are 403/429. */
export const POST = apiRoute(async (context) => {
  const started = await (await examService()).start(signedInUser(context), context.params.id ?? '');
  return jsonOk(started, started.resumed ? 200 : 201);
});

export const ALL = methodNotAllowed;
