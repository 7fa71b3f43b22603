/** A certificate's standing; src/server/certificates decides it, views only name it. */
export type CertificateStatus = 'valid' | 'expired' | 'revoked' | 'needs-recertification';

export const certificateStatusLabels: Record<CertificateStatus, string> = {
  valid: '有效',
  expired: '已过期',
  revoked: '已撤销',
  'needs-recertification': '需重新认证',
};
