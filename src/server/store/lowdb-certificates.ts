import { commit, type JsonDoc, keep } from './json-doc.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { CertificatesFile } from './schemas.ts';
import type { IssueCertificateResult, RevokeCertificateResult, CertificatesArea } from './store.ts';
import type { Certificate } from './types.ts';

/** `listCertificates` over a list: filtered, oldest first. */
export function selectCertificates(
  certificates: readonly Certificate[],
  filter: { readonly userId?: string; readonly examId?: string },
): Certificate[] {
  return certificates
    .filter(
      (c) =>
        (filter.userId === undefined || c.userId === filter.userId) &&
        (filter.examId === undefined || c.examId === filter.examId),
    )
    .sort((a, b) => a.issuedAt - b.issuedAt);
}

/** Certificates in `certificates.json`. */
export class LowdbCertificates implements CertificatesArea {
  readonly #doc: JsonDoc<CertificatesFile>;
  readonly #lifecycle: Lifecycle;
  #byId = new Map<string, Certificate>();

  constructor(doc: JsonDoc<CertificatesFile>, lifecycle: Lifecycle) {
    this.#doc = doc;
    this.#lifecycle = lifecycle;
    doc.subscribe((data) => this.#reindex(data));
  }

  #reindex(data: CertificatesFile): void {
    this.#byId = new Map(data.certificates.map((c) => [c.id, c]));
  }

  async issueCertificate(certificate: Certificate): Promise<IssueCertificateResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<IssueCertificateResult>((draft) => {
      if (draft.certificates.some((c) => c.id === certificate.id)) {
        return keep({ ok: false, code: 'CERTIFICATE_ID_TAKEN' });
      }
      const existing = draft.certificates.find((c) => c.attemptId === certificate.attemptId && c.revokedAt === null);
      if (existing) return keep({ ok: false, code: 'CERTIFICATE_FOR_ATTEMPT_EXISTS', certificate: existing });
      const stored = structuredClone(certificate) as CertificatesFile['certificates'][number];
      draft.certificates.push(stored);
      return commit({ ok: true, certificate: stored });
    });
  }

  async getCertificate(id: string): Promise<Certificate | null> {
    return this.#byId.get(id) ?? null;
  }

  async listCertificates(filter: { readonly userId?: string; readonly examId?: string } = {}): Promise<Certificate[]> {
    return selectCertificates(this.#doc.data.certificates, filter);
  }

  async revokeCertificate(id: string, reason: string, at: number): Promise<RevokeCertificateResult> {
    this.#lifecycle.assertOpen();
    return this.#doc.update<RevokeCertificateResult>((draft) => {
      const index = draft.certificates.findIndex((c) => c.id === id);
      if (index < 0) return keep({ ok: false, code: 'CERTIFICATE_NOT_FOUND' });
      if (draft.certificates[index]!.revokedAt !== null) return keep({ ok: false, code: 'CERTIFICATE_REVOKED' });
      const revoked = { ...draft.certificates[index]!, revokedAt: at, revokedReason: reason };
      draft.certificates[index] = revoked;
      return commit({ ok: true, certificate: revoked });
    });
  }
}
