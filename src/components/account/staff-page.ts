import { expiryText } from './activation-links.ts';
import type { JsonFormSuccess } from './json-form.ts';
import { refreshSection } from './refresh-section.ts';

// Client side of /lead/staff: shows the one-time link after an add or a new link for a pending account, and reloads nothing (the link is in
// the API's answer only). Text goes in with textContent and value, never as HTML.

const ROLE_LABELS: Readonly<Record<string, string>> = { lead: '组长', author: '出题人' };

interface Shown {
  readonly name: string;
  readonly employeeId: string;
  readonly role: string;
}

function staffOf(form: HTMLFormElement, body: Record<string, unknown>): Shown | null {
  if (form.id === 'staff-form') return body['staff'] as Shown;
  if (form.dataset['rowAction'] !== 'activation') return null;
  const row = form.closest<HTMLTableRowElement>('tr')!;
  return { name: row.dataset['name']!, employeeId: row.dataset['employeeId']!, role: row.dataset['role']! };
}

document.addEventListener('json-form:success', (event) => {
  const { form, body } = (event as CustomEvent<JsonFormSuccess>).detail;
  const action = form.dataset['rowAction'];
  // 停用 / 重新启用 and an add change the list: show the server's fresh render of it (one renderer, no stale row).
  if (form.id === 'staff-form' || action === 'disable' || action === 'enable') {
    const id = form.closest<HTMLTableRowElement>('tr')?.dataset['staffId'];
    void refreshSection('/lead/staff', '#staff-list', id ? { rowAttribute: 'data-staff-id', id } : undefined);
  }
  const staff = staffOf(form, body);
  if (!staff) return;
  const link = body['link'] as { url: string; expiresAt: number };
  const panel = document.querySelector<HTMLElement>('#staff-link')!;
  document.querySelector('#staff-link-who')!.textContent = `${staff.name}（${ROLE_LABELS[staff.role] ?? staff.role} · 工号 ${staff.employeeId}）`;
  document.querySelector('#staff-link-expiry')!.textContent = `有效期至 ${expiryText(link.expiresAt)}`;
  document.querySelector<HTMLInputElement>('#staff-link-url')!.value = link.url;
  panel.hidden = false;
  panel.querySelector<HTMLElement>('h2')?.focus();
});
