import { apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { examService, signedInUser } from '../../../../server/exams/index.ts';

export const prerender = false;

/** The result and, as the exam's reviewPolicy allows, each question's answer and rules; 409 before submission. */
export const GET = apiRoute(async (context) => jsonOk({ review: await (await examService()).review(signedInUser(context), context.params.id ?? '') }));

export const ALL = methodNotAllowed;
