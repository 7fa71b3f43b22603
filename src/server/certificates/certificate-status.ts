import { rulesChangedSince } from '../impact/index.ts';
import { certificateStatusLabels, type CertificateStatus } from '../../present/index.ts';
import type { Certificate } from '../store/index.ts';

export { certificateStatusLabels, type CertificateStatus };

/**
 * The rules whose answers changed between a certificate's edition and the current one; null when the two cannot be
 * compared. The default computes it from the content with the impact report (`rulesChangedSince`).
 */
export type ChangedRules = (edition: string, currentEdition: string) => ReadonlySet<string> | null;

/**
 * A certificate's standing at `now`. Revocation outranks expiry, and expiry outranks a policy change. A certificate
 * earned under an edition other than `currentEdition` needs recertification only when the rules its exam covered
 * include one whose answers changed between the two editions (or when the editions cannot be compared); one whose
 * rules read the same in both editions stays valid.
 */
export function certificateStatus(
  certificate: Certificate,
  now: number,
  currentEdition: string,
  changedRules: ChangedRules = rulesChangedSince,
): CertificateStatus {
  if (certificate.revokedAt !== null) return 'revoked';
  if (now >= certificate.expiresAt) return 'expired';
  if (certificate.edition === currentEdition) return 'valid';
  const changed = changedRules(certificate.edition, currentEdition);
  if (changed === null || certificate.rules.some((ruleId) => changed.has(ruleId))) return 'needs-recertification';
  return 'valid';
}
