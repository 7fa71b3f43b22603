export { certificateStatus, certificateStatusLabels, type CertificateStatus, type ChangedRules } from './certificate-status.ts';
export { verifyQrSvg } from './verify-qr.ts';
