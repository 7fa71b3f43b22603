import { reissueStaffActivation } from '../../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, requireLinkOrigin } from '../../../../../server/http/index.ts';
import { getStore } from '../../../../../server/index.ts';

export const prerender = false;

/** Makes a new activation link for a staff account that has not activated yet; the previous link stops working. */
export const POST = apiRoute(async ({ params, url }) => {
  const result = await reissueStaffActivation(await getStore(), params.id ?? '', {
    now: Date.now(),
    origin: requireLinkOrigin(url),
  });
  if (!result.ok) throw new ApiError(result.code);
  return jsonOk({ link: result.link }, 201);
});

export const ALL = methodNotAllowed;
