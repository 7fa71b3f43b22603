import { setStaffDisabled } from '../../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

/**
 * Disables a staff account (出题人 or 组长): sign-in is refused and every session of the account ends at once. 409 for the
 * lead's own account and for the last active lead.
 */
export const POST = apiRoute(async ({ params, locals }) => {
  const result = await setStaffDisabled(await getStore(), {
    actorId: locals.user?.id ?? '',
    userId: params.id ?? '',
    disabled: true,
  });
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ staff: result.staff });
});

export const ALL = methodNotAllowed;
