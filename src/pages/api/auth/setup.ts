import { accountView, completeSetup, SetupBodySchema } from '../../../server/accounts/index.ts';
import { signIn } from '../../../server/auth/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson } from '../../../server/http/index.ts';
import { getStore } from '../../../server/index.ts';

export const prerender = false;

/** Creates the first lead with the one-time setup token and signs them in. */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, SetupBodySchema);
  const store = await getStore();
  const now = Date.now();
  const result = await completeSetup(store, body, now);
  if (!result.ok) {
    const field = result.code.startsWith('PASSWORD_')
      ? 'password'
      : result.code === 'EMPLOYEE_ID_TAKEN'
        ? 'employeeId'
        : null;
    throw field ? ApiError.onField(result.code, field) : new ApiError(result.code);
  }
  await signIn(context, store, result.user, now);
  return jsonOk({ user: accountView(result.user), redirect: '/lead' }, 201);
});

export const ALL = methodNotAllowed;
