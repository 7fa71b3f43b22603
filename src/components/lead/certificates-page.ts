import type { JsonFormSuccess } from '../account/json-form.ts';

// Client side of /lead/certificates: after a revoke succeeds, the row says 已撤销 with the reason and its form goes.

interface RevokedCertificate {
  readonly id: string;
  readonly revokedReason: string | null;
}

document.addEventListener('json-form:success', (event) => {
  const { form, body } = (event as CustomEvent<JsonFormSuccess>).detail;
  if (form.dataset['rowAction'] !== 'revoke') return;
  const { certificate } = body as unknown as { certificate: RevokedCertificate };
  const row = form.closest<HTMLTableRowElement>('tr');
  const status = row?.querySelector<HTMLElement>('[data-status]');
  if (!row || !status) return;
  status.textContent = certificate.revokedReason ? `已撤销：${certificate.revokedReason}` : '已撤销';
  status.tabIndex = -1;
  form.remove();
  status.focus();
});
