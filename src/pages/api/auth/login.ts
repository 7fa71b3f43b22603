import { accountView, homeAfterSignIn, LoginBodySchema } from '../../../server/accounts/index.ts';
import { checkCredentials, signIn } from '../../../server/auth/index.ts';
import { apiRoute, jsonError, jsonOk, methodNotAllowed, readJson, requestClientAddress } from '../../../server/http/index.ts';
import { getStore } from '../../../server/index.ts';

export const prerender = false;

function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** Signs in with employee id and password, under the login throttle; a new session id replaces any old one. */
export const POST = apiRoute(async (context) => {
  const body = await readJson(context.request, LoginBodySchema);
  const store = await getStore();
  const now = Date.now();
  let address = 'unknown';
  try {
    // Behind a listed reverse proxy, the client it forwards for (TRUSTED_PROXIES), not the proxy.
    address = requestClientAddress(context.clientAddress, context.request);
  } catch {
    // Not every adapter knows the address; the account throttle still applies.
  }
  const outcome = await checkCredentials(store, { ...body, address }, now);
  if (!outcome.ok) {
    return outcome.code === 'LOGIN_THROTTLED'
      ? jsonError('LOGIN_THROTTLED', {
          retryAfterSeconds: outcome.retryAfterSeconds,
          message: `登录失败次数过多，为保护账号已暂时锁定。请 ${waitText(outcome.retryAfterSeconds)}后再试；忘记密码请联系组长。`,
        })
      : jsonError(outcome.code);
  }
  await signIn(context, store, outcome.user, now);
  const next = context.url.searchParams.get('next');
  return jsonOk({ user: accountView(outcome.user), redirect: homeAfterSignIn(outcome.user.role, next) });
});

export const ALL = methodNotAllowed;
