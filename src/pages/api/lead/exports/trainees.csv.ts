import { beijingDateStamp, download, traineesCsv } from '../../../../server/exports/index.ts';
import { apiRoute, methodNotAllowed } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** Every trainee as CSV (leads only, by ACCESS_RULES). */
export const GET = apiRoute(async () => {
  const stamp = beijingDateStamp(Date.now());
  return download(await traineesCsv(await getStore()), 'text/csv; charset=utf-8', `trainees-${stamp}.csv`, `学员名单-${stamp}.csv`);
});

export const ALL = methodNotAllowed;
