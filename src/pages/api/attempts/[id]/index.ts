import { apiRoute, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { examService, signedInUser } from '../../../../server/exams/index.ts';

export const prerender = false;

/** The trainee's own attempt: questions without keys, saved answers, server time and deadline. */
export const GET = apiRoute(async (context) => jsonOk({ attempt: await (await examService()).read(signedInUser(context), context.params.id ?? '') }));

export const ALL = methodNotAllowed;
