import { AssignmentBodySchema, assignmentLead, assignmentService } from '../../../../server/assignments/index.ts';
import { examService } from '../../../../server/exams/index.ts';
import { apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** Every assignment, by due date (leads only). */
export const GET = apiRoute(async (context) => {
  assignmentLead(context.locals.user);
  return jsonOk({ assignments: await (await getStore()).listAssignments() });
});

/** Assigns an exam to cohorts with an opening window and a due date; answers 201 with the assignment. */
export const POST = apiRoute(async (context) => {
  const lead = assignmentLead(context.locals.user);
  const body = await readJson(context.request, AssignmentBodySchema);
  const service = assignmentService(await getStore(), (await examService()).exams);
  const assignment = await service.create(lead, body, Date.now());
  return jsonOk({ assignment, redirect: '/lead/assignments' }, 201);
});

export const ALL = methodNotAllowed;
