const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether a state-changing request provably comes from one of our own pages.
 *
 * Astro's checkOrigin refuses cross-site *form* posts only; a JSON POST/PUT/DELETE needs this check too. Browsers
 * send `Origin` on every such request, so it must be present and ours. Without it, `Sec-Fetch-Site: same-origin`
 * is accepted; with neither header the request is refused (command-line clients add `-H 'Origin: …'`).
 */
export function isSameOriginRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return allowedOrigins.includes(origin);
  return headers.get('sec-fetch-site') === 'same-origin';
}
