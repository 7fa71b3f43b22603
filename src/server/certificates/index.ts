export { certificateStatus, certificateStatusLabels, type CertificateStatus } from './certificate-status.ts';
export { verifyQrSvg } from './verify-qr.ts';
