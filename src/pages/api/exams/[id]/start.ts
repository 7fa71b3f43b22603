import { assignmentStartPolicy } from '../../../../server/assignments/index.ts';
import { holdSessionForAttempt } from '../../../../server/auth/index.ts';
import { apiRoute, ApiError, jsonOk, methodNotAllowed } from '../../../../server/http/index.ts';
import { examService, signedInUser } from '../../../../server/exams/index.ts';
import { getStore } from '../../../../server/index.ts';

export const prerender = false;

/** A plain HTML form post (the exam page's 确认开始), as opposed to the JSON the API clients send. */
const isFormPost = (request: Request) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(request.headers.get('content-type') ?? '');

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/**
 * Starts an attempt (201), or resumes the trainee's open one at this exam (200); eligibility refusals are 403/429.
 * A session that would end before the attempt's deadline is held for it (`holdSessionForAttempt`).
 * The exam page's 确认开始 is a form post, so starting works without JavaScript: it gets a 303 to the attempt, or back
 * to the exam page with `?refused=<code>`, which the page words. (Other origins are refused by the middleware first.)
 */
export const POST = apiRoute(async (context) => {
  const user = signedInUser(context);
  const examId = context.params.id ?? '';
  // Assignment windows and recertification rounds (src/server/assignments) join the exam's own conditions.
  // An attempt that would outlast the session's 12 h holds the session for it (docs/exams.md, "Sessions").
  const start = async () => {
    const store = await getStore();
    const started = await (await examService()).start(user, examId, assignmentStartPolicy(store, user, examId));
    await holdSessionForAttempt(store, context.locals.session, started.attempt, Date.now());
    return started;
  };
  if (!isFormPost(context.request)) {
    const started = await start();
    return jsonOk(started, started.resumed ? 200 : 201);
  }
  const page = `/exams/${encodeURIComponent(examId)}`;
  try {
    const { attempt } = await start();
    return seeOther(`${page}?attempt=${encodeURIComponent(attempt.id)}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code === 'EXAM_NOT_FOUND') throw error;
    return seeOther(`${page}?refused=${error.code}`);
  }
});

export const ALL = methodNotAllowed;
