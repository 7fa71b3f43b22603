import { examService } from '../../../../server/exams/index.ts';
import { beijingDateStamp, download } from '../../../../server/exports/index.ts';
import { apiRoute, methodNotAllowed } from '../../../../server/http/index.ts';
import { bankQuestions, giftDocument } from '../../../../quiz/index.ts';

export const prerender = false;

/** The whole bank, exam-only items and their keys included, as GIFT text (leads only, by ACCESS_RULES). */
export const GET = apiRoute(async () => {
  const { questions } = bankQuestions((await examService()).content.bank);
  const stamp = beijingDateStamp(Date.now());
  return download(giftDocument(questions), 'text/plain; charset=utf-8', `question-bank-${stamp}.gift.txt`, `题库-GIFT-${stamp}.txt`);
});

export const ALL = methodNotAllowed;
