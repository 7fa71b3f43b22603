import { setStaffDisabled } from '../../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

/** Re-enables a disabled staff account; its password is unchanged. */
export const POST = apiRoute(async ({ params, locals }) => {
  const result = await setStaffDisabled(await getStore(), {
    actorId: locals.user?.id ?? '',
    userId: params.id ?? '',
    disabled: false,
  });
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ staff: result.staff });
});

export const ALL = methodNotAllowed;
