/**
 * Requests built from a browser's form post (src/server/http/form-post.ts). A form cannot say that a field is a list
 * when only one box of a group is checked, so `readJson` wraps a lone value in a list where the schema expects one;
 * JSON bodies are read exactly as sent.
 */
const formRequests = new WeakSet<Request>();

/** Marks `request` as one made from a form post's fields. */
export function markFormRequest(request: Request): Request {
  formRequests.add(request);
  return request;
}

/** Whether `request` was made from a form post's fields. */
export function isFormRequest(request: Request): boolean {
  return formRequests.has(request);
}
