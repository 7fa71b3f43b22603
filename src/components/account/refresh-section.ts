/**
 * Replaces the element `selector` of this page with the server's fresh render of it (fetched from `page`), so a list
 * changed by a form post never goes stale. Forms inside post through json-form.ts's delegated handler, so they work at
 * once; when `focusRow` is given, focus returns to the visible button of the row whose `rowAttribute` equals its id.
 * Shared by /lead/trainees and /lead/staff.
 */
export async function refreshSection(
  page: string,
  selector: string,
  focusRow?: { readonly rowAttribute: string; readonly id: string },
): Promise<void> {
  const current = document.querySelector<HTMLElement>(selector);
  if (!current) return;
  let html: string;
  try {
    const response = await fetch(page, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    if (!response.ok) return;
    html = await response.text();
  } catch {
    return;
  }
  const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector(selector);
  if (!fresh) return;
  current.replaceWith(document.importNode(fresh, true));
  if (focusRow) {
    const row = document.querySelector(`tr[${focusRow.rowAttribute}="${CSS.escape(focusRow.id)}"]`);
    row?.querySelector<HTMLButtonElement>('form:not([hidden]) button')?.focus();
  }
}
