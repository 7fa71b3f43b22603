import { addTrainee, TraineeBodySchema, traineeView } from '../../../../server/accounts/index.ts';
import { ApiError, apiRoute, jsonOk, methodNotAllowed, readJson, requireLinkOrigin } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** All trainees, sorted by cohort then employee id (leads only; the middleware checks the role). */
export const GET = apiRoute(async () => {
  const trainees = await (await getStore()).listUsers({ role: 'trainee' });
  return jsonOk({ trainees: trainees.map(traineeView) });
});

/** Adds one trainee and returns its one-time activation link (shown once; only its hash is stored). */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, TraineeBodySchema);
  const result = await addTrainee(await getStore(), body, { now: Date.now(), origin: requireLinkOrigin(context.url) });
  if (!result.ok) throw ApiError.onField(result.code, 'employeeId');
  return jsonOk({ trainee: result.trainee, link: result.link }, 201);
});

export const ALL = methodNotAllowed;
