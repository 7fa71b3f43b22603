import { CURRENT_EDITION } from '../../../../rules/index.ts';
import { examService } from '../../../../server/exams/index.ts';
import { beijingDateStamp, certificatesCsv, download } from '../../../../server/exports/index.ts';
import { apiRoute, methodNotAllowed } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** Every certificate as CSV with its standing today (leads only, by ACCESS_RULES). */
export const GET = apiRoute(async () => {
  const now = Date.now();
  const csv = await certificatesCsv(await getStore(), (await examService()).exams, now, CURRENT_EDITION);
  const stamp = beijingDateStamp(now);
  return download(csv, 'text/csv; charset=utf-8', `certificates-${stamp}.csv`, `证书-${stamp}.csv`);
});

export const ALL = methodNotAllowed;
