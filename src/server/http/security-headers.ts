/**
 * Headers every HTML page gets besides its Content-Security-Policy (which Astro computes, see astro.config.mjs):
 * the middleware adds them to pages rendered per request, and src/server/security-headers-integration.ts writes them
 * into the adapter's `_headers.json` for prerendered pages, which the static file handler serves without middleware.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Activation and setup links carry their token in the query: no other site may see our URLs.
  'Referrer-Policy': 'same-origin',
  // For browsers that predate CSP's frame-ancestors (which the policy also sets to 'none').
  'X-Frame-Options': 'DENY',
};

/** Sets `SECURITY_HEADERS` on `response` and returns it; a response with immutable headers is returned as is. */
export function withSecurityHeaders(response: Response): Response {
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  } catch {
    // Response.redirect() has immutable headers; a redirect renders nothing a header could protect.
  }
  return response;
}
