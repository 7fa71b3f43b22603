import type { APIRoute } from 'astro';
import { examService } from '../../../server/exams/index.ts';
import { ApiError } from '../../../server/http/index.ts';

export const prerender = false;

/**
 * 确认开始 on the exam page: a plain form post, so starting works without JavaScript. Starts an attempt (or resumes the
 * open one) and sends the trainee to it (303); a refusal (attempts used, cooldown, window closed) goes back to the
 * exam page with its code, which the page words. The middleware has already refused other origins and anonymous users.
 */
export const POST: APIRoute = async (context) => {
  const examId = context.params.id ?? '';
  const path = `/exams/${encodeURIComponent(examId)}`;
  try {
    const { attempt } = await (await examService()).start(context.locals.user!, examId);
    return context.redirect(`${path}?attempt=${encodeURIComponent(attempt.id)}`, 303);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'EXAM_NOT_FOUND') return new Response('没有这场考试。', { status: 404 });
    return context.redirect(`${path}?refused=${error.code}`, 303);
  }
};

export const ALL: APIRoute = () => new Response('请从考试页面点「开始考试」。', { status: 405, headers: { allow: 'POST' } });
