import { apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { examService, signedInUser } from '../../../../server/exams/index.ts';

export const prerender = false;

/** Grades and closes the attempt on the server; a second submit is 409 ATTEMPT_CLOSED. */
export const POST = apiRoute(async (context) => jsonOk({ attempt: await (await examService()).submit(signedInUser(context), context.params.id ?? '') }));

export const ALL = methodNotAllowed;
