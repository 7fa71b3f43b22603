import { defineMiddleware } from 'astro:middleware';
import { guardRequest, withSecurityHeaders } from './server/http/index.ts';

/**
 * Every request Astro renders on demand passes the one guard in src/server/http/guard.ts (origin check, session,
 * access rules, error hiding, security headers); the built server's fast path runs the same guard in front of the API
 * routes it serves without Astro (src/server/serve/). Prerendered pages never reach it at run time
 * (security-headers-integration.ts gives them the same headers).
 */
export const onRequest = defineMiddleware(async (context, next) =>
  context.isPrerendered ? withSecurityHeaders(await next()) : guardRequest(context, next),
);
