import { linkOrigin } from '../config.ts';
import { ApiError } from './api-errors.ts';

/**
 * The origin to build a link for this request with (see `linkOrigin`).
 * @throws ApiError LINK_HOST_NOT_LISTED (400) when PUBLIC_URL is unset and the request's host is not listed.
 */
export function requireLinkOrigin(url: URL): string {
  const origin = linkOrigin(url);
  if (origin === null) throw new ApiError('LINK_HOST_NOT_LISTED');
  return origin;
}
