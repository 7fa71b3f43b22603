export { certificateStatus, certificateStatusLabels, type CertificateStatus } from './certificate-status.ts';
