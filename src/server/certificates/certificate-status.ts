import type { Certificate } from '../store/index.ts';

export type CertificateStatus = 'valid' | 'expired' | 'revoked' | 'needs-recertification';

export const certificateStatusLabels: Record<CertificateStatus, string> = {
  valid: '有效',
  expired: '已过期',
  revoked: '已撤销',
  'needs-recertification': '需重新认证',
};

/**
 * A certificate's standing at `now`. Revocation outranks expiry, and expiry outranks an edition change; a certificate
 * earned under an edition other than `currentEdition` needs recertification, because the rules it tested have since
 * been reissued.
 */
export function certificateStatus(certificate: Certificate, now: number, currentEdition: string): CertificateStatus {
  if (certificate.revokedAt !== null) return 'revoked';
  if (now >= certificate.expiresAt) return 'expired';
  if (certificate.edition !== currentEdition) return 'needs-recertification';
  return 'valid';
}
