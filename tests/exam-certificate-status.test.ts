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
  rules: ['tb-dispute-7'],
  revokedAt: null,
  revokedReason: null,
};

describe('certificateStatus', () => {
  it('is valid until the millisecond it expires', () => {
    expect(certificateStatus(certificate, 9_999, '2025-08-15')).toBe('valid');
    expect(certificateStatus(certificate, 10_000, '2025-08-15')).toBe('expired');
  });

  it('needs recertification once the current edition differs from the one it was earned under', () => {
    expect(certificateStatus(certificate, 5_000, '2026-01-01')).toBe('needs-recertification');
  });

  it('shows revoked before expired or an edition change', () => {
    expect(certificateStatus({ ...certificate, revokedAt: 2_000, revokedReason: '代考' }, 20_000, '2026-01-01')).toBe('revoked');
  });
});
