import { signOut } from '../../../server/auth/index.ts';
import { apiRoute, jsonOk, methodNotAllowed } from '../../../server/http/index.ts';
import { getStore } from '../../../server/index.ts';

export const prerender = false;

/** Ends the session on the server and clears the cookie; fine to call when not signed in. */
export const POST = apiRoute(async (context) => {
  await signOut(context, await getStore());
  return jsonOk({ redirect: '/login' });
});

export const ALL = methodNotAllowed;
