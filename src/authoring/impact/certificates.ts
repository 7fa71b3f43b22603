/** What matching needs from a stored certificate. */
export interface CoveredCertificate {
  readonly id: string;
  /** Rule ids the certificate's exam covered. */
  readonly rules: readonly string[];
}

/** A certificate whose exam covered rules the change touches, with those rules. */
export interface RecertificationNeed<T extends CoveredCertificate> {
  readonly certificate: T;
  readonly rules: readonly string[];
}

/**
 * The certificates among `issuedUnderOld` (the caller decides which were earned under the old policy) that covered at
 * least one of `recertificationRules` (`ImpactReport.recertificationRules`), in the order given.
 */
export function certificatesToRecertify<T extends CoveredCertificate>(
  issuedUnderOld: readonly T[],
  recertificationRules: readonly string[],
): RecertificationNeed<T>[] {
  const changed = new Set(recertificationRules);
  return issuedUnderOld.flatMap((certificate) => {
    const rules = certificate.rules.filter((ruleId) => changed.has(ruleId));
    return rules.length > 0 ? [{ certificate, rules }] : [];
  });
}
