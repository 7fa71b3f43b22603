import { accountView } from '../../../server/accounts/index.ts';
import { apiRoute, jsonOk, methodNotAllowed } from '../../../server/http/index.ts';

export const prerender = false;

/** The signed-in account (the middleware answers 401 for anonymous requests). */
export const GET = apiRoute(async ({ locals }) => jsonOk({ user: accountView(locals.user!) }));

export const ALL = methodNotAllowed;
