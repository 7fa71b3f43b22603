import { describe, expect, it } from 'vitest';
import { certificateStatus } from '../src/server/certificates/index.ts';
import type { Certificate } from '../src/server/store/index.ts';

const certificate: Certificate = {
  id: 'c'.repeat(22),
  userId: 'user-1',
  examId: 'basic-certification',
  attemptId: 'attempt-1',
  issuedAt: 1_000,
  expiresAt: 10_000,
  edition: '2025-08-15',
  rules: ['R-7DAY-WINDOW'],
  revokedAt: null,
  revokedReason: null,
};

describe('certificateStatus', () => {
  it('is valid until the millisecond it expires', () => {
    expect(certificateStatus(certificate, 9_999, '2025-08-15')).toBe('valid');
    expect(certificateStatus(certificate, 10_000, '2025-08-15')).toBe('expired');
  });

  it('needs recertification when it was earned under another edition and covered a rule whose answers changed', () => {
    // No-reason refusals (R-REFUSE-7DAY-ITEM) of goods without 包邮: the legacy wording left the outbound freight to the
    // seller, the 2025 text (第五十三条) puts all freight on the buyer (RULES.md §6.3).
    const legacy = { ...certificate, edition: 'legacy', rules: ['R-SIGN-WHO', 'R-REFUSE-7DAY-ITEM'] };
    expect(certificateStatus(legacy, 5_000, '2025-08-15')).toBe('needs-recertification');
  });

  it('stays valid under a new edition when none of its rules changed', () => {
    // Who may sign for goods (第三十六、三十七条) reads the same in both editions (RULES.md §6.3).
    expect(certificateStatus({ ...certificate, edition: 'legacy', rules: ['R-SIGN-WHO'] }, 5_000, '2025-08-15')).toBe('valid');
  });

  it('asks the changed rules of its own edition pair', () => {
    const asked: string[] = [];
    const changedRules = (from: string, to: string) => (asked.push(`${from}→${to}`), new Set(['R-7DAY-WINDOW']));
    expect(certificateStatus({ ...certificate, edition: 'legacy' }, 5_000, '2025-08-15', changedRules)).toBe('needs-recertification');
    expect(certificateStatus(certificate, 5_000, '2025-08-15', changedRules)).toBe('valid');
    expect(asked).toEqual(['legacy→2025-08-15']);
  });

  it('needs recertification when its edition cannot be compared with the current one', () => {
    expect(certificateStatus(certificate, 5_000, '2026-01-01')).toBe('needs-recertification');
  });

  it('shows revoked before expired or an edition change', () => {
    expect(certificateStatus({ ...certificate, revokedAt: 2_000, revokedReason: '代考' }, 20_000, '2026-01-01')).toBe('revoked');
  });
});
