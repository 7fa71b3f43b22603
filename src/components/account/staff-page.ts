import { expiryText } from './activation-links.ts';
import type { JsonFormSuccess } from './json-form.ts';

// Client side of /lead/staff: shows the new account's one-time link after an add and reloads nothing (the link is in
// the API's answer only). Text goes in with textContent and value, never as HTML.

const ROLE_LABELS: Readonly<Record<string, string>> = { lead: '组长', author: '出题人' };

document.addEventListener('json-form:success', (event) => {
  const { form, body } = (event as CustomEvent<JsonFormSuccess>).detail;
  if (form.id !== 'staff-form') return;
  const { staff, link } = body as { staff: { name: string; employeeId: string; role: string }; link: { url: string; expiresAt: number } };
  const panel = document.querySelector<HTMLElement>('#staff-link')!;
  document.querySelector('#staff-link-who')!.textContent = `${staff.name}（${ROLE_LABELS[staff.role] ?? staff.role} · 工号 ${staff.employeeId}）`;
  document.querySelector('#staff-link-expiry')!.textContent = `有效期至 ${expiryText(link.expiresAt)}`;
  document.querySelector<HTMLInputElement>('#staff-link-url')!.value = link.url;
  panel.hidden = false;
  panel.querySelector<HTMLElement>('h2')?.focus();
});
