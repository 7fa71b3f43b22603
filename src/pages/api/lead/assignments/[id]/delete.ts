import { AssignmentDeleteBodySchema, assignmentLead, assignmentService } from '../../../../../server/assignments/index.ts';
import { examService } from '../../../../../server/exams/index.ts';
import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

/** Deletes the assignment, if it is still at the revision the lead saw. Attempts and certificates stay. */
export const POST = apiRoute(async (context) => {
  assignmentLead(context.locals.user);
  const { revision } = await readJson(context.request, AssignmentDeleteBodySchema);
  await assignmentService(await getStore(), (await examService()).exams).remove(context.params.id ?? '', revision);
  return jsonOk({ deleted: true, redirect: '/lead/assignments' });
});

export const ALL = methodNotAllowed;
