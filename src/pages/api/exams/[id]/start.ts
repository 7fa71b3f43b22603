import { assignmentStartPolicy } from '../../../../server/assignments/index.ts';
import { apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { examService, signedInUser } from '../../../../server/exams/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** Starts an attempt (201), or resumes the trainee's open one at this exam (200); eligibility refusals are 403/429. */
export const POST = apiRoute(async (context) => {
  const user = signedInUser(context);
  const examId = context.params.id ?? '';
  // Assignment windows and recertification rounds (src/server/assignments) join the exam's own conditions.
  const started = await (await examService()).start(user, examId, assignmentStartPolicy(await getStore(), user, examId));
  return jsonOk(started, started.resumed ? 200 : 201);
});

export const ALL = methodNotAllowed;
