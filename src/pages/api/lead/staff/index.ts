import { addStaff, isStaff, StaffBodySchema, staffView } from '../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson, requireLinkOrigin } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** Every staff account (leads and 出题人), by employee id (leads only; the middleware checks the role). */
export const GET = apiRoute(async () => {
  const users = await (await getStore()).listUsers();
  return jsonOk({ staff: users.filter(isStaff).map(staffView) });
});

/** Adds a 出题人 or another 组长 and returns its one-time activation link (shown once; only its hash is stored). */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, StaffBodySchema);
  const result = await addStaff(await getStore(), body, { now: Date.now(), origin: requireLinkOrigin(context.url) });
  if (!result.ok) throw ApiError.onField(result.code, 'employeeId');
  return jsonOk({ staff: result.staff, link: result.link }, 201);
});

export const ALL = methodNotAllowed;
