import { setTraineeDisabled } from '../../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

/** Re-enables a disabled trainee; their password is unchanged. */
export const POST = apiRoute(async ({ params }) => {
  const result = await setTraineeDisabled(await getStore(), params.id ?? '', false);
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ trainee: result.trainee });
});

export const ALL = methodNotAllowed;
