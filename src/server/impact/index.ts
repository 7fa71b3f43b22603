export { runImpactReport, type FullImpactReport, type ImpactRequest } from './impact-service.ts';
export { UnknownPolicyError } from './policy-source.ts';
export type { CertificateSection, CertificateToRecertify, EditionCount } from './certificates.ts';
export { authorKeyText } from './format-report.ts';
export { rulesChangedSince } from './changed-rules.ts';
export { editionImpactReport, leadImpact } from './edition-report.ts';
export { loadImpactContent } from './load-content.ts';
export { impactItemStems } from './report-labels.ts';
export { policyPreview, policyPreviewCertificates, type PolicyPreview, type PolicyPreviewStage } from './policy-preview.ts';
