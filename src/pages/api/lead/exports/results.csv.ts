import { examService } from '../../../../server/exams/index.ts';
import { beijingDateStamp, download, resultsCsvPieces, textStream } from '../../../../server/exports/index.ts';
import { ApiError, apiRoute, methodNotAllowed } from '../../../../server/http/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** Every attempt as CSV, or one exam's with `?exam=<id>` (leads only, by ACCESS_RULES): 404 EXAM_NOT_FOUND for an unknown exam. */
export const GET = apiRoute(async (context) => {
  const { exams } = await examService();
  const examId = context.url.searchParams.get('exam') || undefined;
  if (examId !== undefined && !exams.has(examId)) throw new ApiError('EXAM_NOT_FOUND');
  // Streamed page by page from the store's scan: flat memory and a first byte at once, whatever the attempt count.
  const csv = textStream(resultsCsvPieces(await getStore(), exams, examId));
  const stamp = beijingDateStamp(Date.now());
  const suffix = examId ? `-${examId}` : '';
  return download(csv, 'text/csv; charset=utf-8', `results${suffix}-${stamp}.csv`, `考试成绩${suffix}-${stamp}.csv`);
});

export const ALL = methodNotAllowed;
