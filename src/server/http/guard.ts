import { sameSitePath } from '../accounts/index.ts';
import {
  type CookieJar,
  isAllowed,
  isApiPath,
  isSameOriginRequest,
  isStateChanging,
  requiredAccess,
  resumeSession,
  syncAccountHint,
  SESSION_COOKIE,
} from '../auth/index.ts';
import { allowedOrigins } from '../config.ts';
import { getStore } from '../runtime.ts';
import { errorResponse } from './api-route.ts';
import { plainPage } from './plain-page.ts';
import { jsonError } from './respond.ts';
import { withSecurityHeaders } from './security-headers.ts';

/** What the guard reads and writes of a request: Astro's middleware context satisfies it, and so does the fast path's. */
export interface GuardContext {
  readonly request: Request;
  readonly url: URL;
  readonly cookies: CookieJar;
  readonly locals: App.Locals;
  redirect(path: string): Response;
}

/**
 * The one gate in front of every on-demand request, run by src/middleware.ts inside Astro and by the built server's
 * fast path (src/server/serve/) in front of the API handlers it serves without Astro, so both answer alike:
 * (1) refuses a state-changing request that is not from our own origin, JSON included; (2) resolves the session
 * cookie to `locals.user`; (3) enforces the access rules in server/auth/access.ts: anonymous → 401 JSON for APIs or
 * a redirect to /login for pages, wrong role → 403; (4) turns anything thrown below into a generic 500 without a stack
 * (logged here); (5) adds the security headers to every answer.
 */
export async function guardRequest(context: GuardContext, next: () => Promise<Response>): Promise<Response> {
  return withSecurityHeaders(await guarded(context, next));
}

async function guarded(context: GuardContext, next: () => Promise<Response>): Promise<Response> {
  const { request, url } = context;
  const api = isApiPath(url.pathname);
  try {
    if (isStateChanging(request.method) && !isSameOriginRequest(request.headers, allowedOrigins(url))) {
      return api
        ? jsonError('CROSS_ORIGIN_REFUSED')
        : plainPage(403, '请求被拒绝', '这个请求不是从本站页面发出的。请回到本站页面再操作。');
    }

    const store = await getStore(url.origin);
    const token = context.cookies.get(SESSION_COOKIE)?.value;
    const resumption = await resumeSession(store, token, Date.now(), url);
    // A session held for an exam (past its 12 h) is signed out here but must keep its cookie for the exam page.
    if (token && resumption === null) context.cookies.delete(SESSION_COOKIE, { path: '/' });
    const resumed = resumption === 'held-elsewhere' ? null : resumption;
    const user = resumed?.user ?? null;
    context.locals.user = user;
    context.locals.session = resumed?.session ?? null;
    syncAccountHint(context, user);

    const access = requiredAccess(url.pathname);
    if (!isAllowed(access, user?.role ?? null)) {
      if (!user) {
        if (api) return jsonError('UNAUTHENTICATED');
        const back = sameSitePath(url.pathname + url.search);
        return context.redirect(back ? `/login?next=${encodeURIComponent(back)}` : '/login');
      }
      return api
        ? jsonError('FORBIDDEN')
        : plainPage(403, '没有权限', '这个页面只对组长开放。如果你需要管理学员，请联系组长为你开通。', {
            href: '/me',
            label: '回到我的学习',
          });
    }

    const response = await next();
    if (api && response.status === 404 && !response.headers.get('content-type')?.includes('json')) {
      return jsonError('NOT_FOUND');
    }
    // Pages rendered per request show account data: a shared computer's back button must not replay them.
    if (!response.headers.has('cache-control')) {
      try {
        response.headers.set('cache-control', 'no-store');
      } catch {
        // Some responses (Response.redirect) have immutable headers; they carry no account data.
      }
    }
    return response;
  } catch (error) {
    if (api) return errorResponse(error, request);
    console.error(`[page] ${request.method} ${url.pathname} failed:`, error);
    return plainPage(500, '服务器出错了', '请稍后再试。如果一直这样，请联系管理员。');
  }
}
