/**
 * Progressive enhancement for account forms: a `<form data-json-form>` posts its fields as JSON to its action and
 * shows the API's answer. Errors go to the form's `[data-form-status]` (role=alert) and, for `fields` in the error
 * body, next to each input (`aria-invalid` + the `#<id>-error` element its aria-describedby names). On success the
 * page follows `redirect` unless the form has `data-stay`; either way it fires `json-form:success` with the body.
 *
 * `data-confirm` asks a question first. Field rules: named inputs become JSON keys; `data-json-name` renames one; a
 * file input sends the file's text (decoded as UTF-8), or with `data-file-as="base64"` its bytes in base64 so that the
 * server decodes them (a GBK CSV); `data-match="<name>"` must equal that field and is not sent;
 * `data-skip` is not sent; checked checkboxes send their values as a list under their name, unchecked ones nothing.
 */

export interface JsonFormSuccess {
  readonly form: HTMLFormElement;
  readonly body: Record<string, unknown>;
}

interface ErrorBody {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly fields?: readonly { field: string; message: string }[];
  };
}

const NETWORK_ERROR = '网络连接失败，请检查网络后再试。';

function fieldFor(form: HTMLFormElement, name: string): HTMLInputElement | null {
  return form.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"], [data-json-name="${CSS.escape(name)}"]`);
}

function showFieldError(input: HTMLInputElement, message: string): void {
  input.setAttribute('aria-invalid', 'true');
  const slot = document.getElementById(`${input.id}-error`);
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
  }
}

function clearErrors(form: HTMLFormElement, status: HTMLElement | null): void {
  for (const input of form.querySelectorAll('[aria-invalid="true"]')) input.removeAttribute('aria-invalid');
  for (const slot of form.querySelectorAll<HTMLElement>('[data-field-error]')) {
    slot.textContent = '';
    slot.hidden = true;
  }
  if (status) {
    status.textContent = '';
    status.dataset['tone'] = '';
  }
}

/** The file's bytes in base64 (FileReader's data URL works in every browser; `toBase64` is newer). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('file read failed'));
    reader.readAsDataURL(file);
  });
}

async function collect(
  form: HTMLFormElement,
): Promise<{ body: Record<string, unknown>; mismatch: HTMLInputElement | null }> {
  const body: Record<string, unknown> = {};
  let mismatch: HTMLInputElement | null = null;
  for (const element of form.elements) {
    if (!(
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ))
      continue;
    if (!element.name || element.disabled || 'skip' in element.dataset) continue;
    const key = element.dataset['jsonName'] ?? element.name;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') {
      // Checked boxes only, always as a list (one name, several boxes: a cohort picker).
      if (!element.checked) continue;
      const list = body[key];
      body[key] = Array.isArray(list) ? [...list, element.value] : [element.value];
      continue;
    }
    if (element instanceof HTMLInputElement && element.type === 'file') {
      const file = element.files?.[0];
      body[key] = !file ? '' : element.dataset['fileAs'] === 'base64' ? await base64Of(file) : await file.text();
      continue;
    }
    const match = element.dataset['match'];
    if (match) {
      if (element.value !== fieldFor(form, match)?.value) mismatch = element as HTMLInputElement;
      continue;
    }
    body[key] = element.value;
  }
  return { body, mismatch };
}

async function submit(form: HTMLFormElement, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const question = form.dataset['confirm'];
  if (question && !window.confirm(question)) return;
  const status = form.querySelector<HTMLElement>('[data-form-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
  clearErrors(form, status);
  const { body, mismatch } = await collect(form);
  if (mismatch) {
    showFieldError(mismatch, '两次输入的密码不一致');
    mismatch.focus();
    return;
  }
  const busyLabel = form.dataset['busyLabel'];
  const idleLabel = button?.textContent ?? '';
  if (button) {
    button.disabled = true;
    if (busyLabel) button.textContent = busyLabel;
  }
  form.setAttribute('aria-busy', 'true');
  try {
    let response: Response;
    try {
      response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      if (status) status.textContent = NETWORK_ERROR;
      return;
    }
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown> & ErrorBody;
    if (!response.ok) {
      if (status) {
        status.dataset['tone'] = 'error';
        status.textContent = json.error?.message ?? `请求失败（${response.status}），请稍后再试。`;
      }
      let first: HTMLInputElement | null = null;
      for (const { field, message } of json.error?.fields ?? []) {
        const input = fieldFor(form, field);
        if (!input) continue;
        showFieldError(input, message);
        first ??= input;
      }
      first?.focus();
      return;
    }
    form.dispatchEvent(
      new CustomEvent<JsonFormSuccess>('json-form:success', { bubbles: true, detail: { form, body: json } }),
    );
    if (!('stay' in form.dataset) && typeof json['redirect'] === 'string') {
      window.location.assign(json['redirect']);
      return;
    }
    if (form.dataset['successMessage'] && status) {
      status.dataset['tone'] = 'success';
      status.textContent = form.dataset['successMessage'];
    }
    if ('resetOnSuccess' in form.dataset) form.reset();
  } finally {
    form.removeAttribute('aria-busy');
    if (button) {
      button.disabled = false;
      if (busyLabel) button.textContent = idleLabel;
    }
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-json-form]')) {
  form.addEventListener('submit', (event) => void submit(form, event));
}
