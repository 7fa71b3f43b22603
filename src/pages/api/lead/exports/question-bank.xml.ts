import { examService } from '../../../../server/exams/index.ts';
import { beijingDateStamp, download } from '../../../../server/exports/index.ts';
import { apiRoute, methodNotAllowed } from '../../../../server/http/index.ts';
import { bankQuestions, moodleXml } from '../../../../quiz/index.ts';

export const prerender = false;

/** The whole bank, exam-only items and their keys included, as Moodle XML (leads only, by ACCESS_RULES). */
export const GET = apiRoute(async () => {
  const { questions } = bankQuestions((await examService()).content.bank);
  const stamp = beijingDateStamp(Date.now());
  return download(moodleXml(questions), 'application/xml; charset=utf-8', `question-bank-${stamp}.xml`, `题库-Moodle-${stamp}.xml`);
});

export const ALL = methodNotAllowed;
