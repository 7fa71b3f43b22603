export { API_ERRORS, ApiError, type ApiErrorBody, type ApiErrorCode, type FieldError } from './api-errors.ts';
export { apiRoute, errorResponse } from './api-route.ts';
export { requireLinkOrigin } from './link-origin.ts';
export { methodNotAllowed } from './method-not-allowed.ts';
export { plainPage } from './plain-page.ts';
export { FORM_MARKER } from './form-post.ts';
export { fieldErrors, MAX_BODY_BYTES, readJson } from './read-json.ts';
export { jsonError, jsonOk } from './respond.ts';
export { SECURITY_HEADERS, withSecurityHeaders } from './security-headers.ts';
