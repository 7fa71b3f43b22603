/**
 * What a form posted without JavaScript (src/server/http/form-post.ts) hands the page it re-renders: the API's answer
 * for that form, so the form shows the same message and field errors the script would, keeps what was typed
 * (passwords and files excepted), and a page can show a success's data (say, the one-time links just made).
 */
export interface FormResult {
  /** The path the form posted to (no query), e.g. `/api/auth/login`: which form on the page the result is for. */
  readonly action: string;
  readonly ok: boolean;
  /** The HTTP status the API answered. */
  readonly status: number;
  /** The API's JSON body on success. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The catalogued error on failure. */
  readonly error: FormError | null;
  /** What was typed, by field name (passwords and files left out). */
  readonly values: Readonly<Record<string, string>>;
}

export interface FormError {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly { readonly field: string; readonly message: string }[];
}

/** The result for the form posting to `action` (any query ignored), or `null`. */
export function formResultFor(result: FormResult | null | undefined, action: string): FormResult | null {
  if (!result) return null;
  const path = action.split('?')[0];
  return result.action === path ? result : null;
}

/** The error message for field `name` in a result, or `null`. */
export function fieldErrorFor(result: FormResult | null | undefined, name: string): string | null {
  return result?.error?.fields.find((field) => field.field === name)?.message ?? null;
}
