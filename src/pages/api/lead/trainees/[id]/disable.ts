import { setTraineeDisabled } from '../../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

/** Disables a trainee: sign-in is refused and every session of the account ends at once. */
export const POST = apiRoute(async ({ params }) => {
  const result = await setTraineeDisabled(await getStore(), params.id ?? '', true);
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ trainee: result.trainee });
});

export const ALL = methodNotAllowed;
