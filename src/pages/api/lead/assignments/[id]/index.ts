import { AssignmentUpdateBodySchema, assignmentLead, assignmentService } from '../../../../../server/assignments/index.ts';
import { examService } from '../../../../../server/exams/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

export const GET = apiRoute(async (context) => {
  assignmentLead(context.locals.user);
  const assignment = await (await getStore()).getAssignment(context.params.id ?? '');
  if (!assignment) throw new ApiError('ASSIGNMENT_NOT_FOUND');
  return jsonOk({ assignment });
});

/** Replaces the assignment's exam, cohorts, window, due date and note, from the revision the lead edited. */
export const POST = apiRoute(async (context) => {
  assignmentLead(context.locals.user);
  const body = await readJson(context.request, AssignmentUpdateBodySchema);
  const service = assignmentService(await getStore(), (await examService()).exams);
  const assignment = await service.update(context.params.id ?? '', body, Date.now());
  return jsonOk({ assignment, redirect: '/lead/assignments' });
});

export const ALL = methodNotAllowed;
