import { accountView, activateAccount, ActivateBodySchema } from '../../../server/accounts/index.ts';
import { homeOf } from '../../../present/index.ts';
import { signIn } from '../../../server/auth/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { getStore } from '../../../server/index.ts';

export const prerender = false;

/** Sets an account's first password through the one-time activation link, then signs them in. */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, ActivateBodySchema);
  const store = await getStore();
  const now = Date.now();
  const result = await activateAccount(store, body, now);
  if (!result.ok)
    throw result.code.startsWith('PASSWORD_') ? ApiError.onField(result.code, 'password') : new ApiError(result.code);
  await signIn(context, store, result.user, now);
  return jsonOk({ user: accountView(result.user), redirect: homeOf(result.user.role) });
});

export const ALL = methodNotAllowed;
