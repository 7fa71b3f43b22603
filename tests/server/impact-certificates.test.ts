import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadImpact } from '../../src/server/impact/index.ts';
import { type Certificate, openLowdbStore, type Store } from '../../src/server/store/index.ts';
import { newUser } from './store-factories.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

function certificate(id: string, userId: string, edition: string, overrides: Partial<Certificate> = {}): Certificate {
  return {
    id,
    userId,
    examId: 'basic-certification',
    attemptId: `attempt-${id}`,
    issuedAt: NOW - 30 * DAY,
    expiresAt: NOW + 300 * DAY,
    edition,
    // R-REFUSE-7DAY-ITEM changed between the editions (第五十三条), so every one of these would need recertifying.
    rules: ['R-REFUSE-7DAY-ITEM', 'R-SIGN-WHO'],
    revokedAt: null,
    revokedReason: null,
    ...overrides,
  };
}

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'impact-certificates-'));
  store = await openLowdbStore(dir);
  await store.createUser(newUser({ id: 'zhao', name: '赵敏', employeeId: 'E3001' }));
  await store.createUser(newUser({ id: 'qian', name: '钱进', employeeId: 'E3002' }));
  await store.createUser(newUser({ id: 'sun', name: '孙立', employeeId: 'E3003' }));
  await store.issueCertificate(certificate('legacy-one', 'zhao', 'legacy'));
  await store.issueCertificate(certificate('current-one', 'qian', '2025-08-15'));
  await store.issueCertificate(certificate('current-two', 'sun', '2025-08-15'));
  // Neither standing: revoked, and expired.
  await store.issueCertificate(certificate('legacy-revoked', 'sun', 'legacy', { revokedAt: NOW - DAY, revokedReason: '代考' }));
  await store.issueCertificate(certificate('current-expired', 'zhao', '2025-08-15', { expiresAt: NOW - DAY }));
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

// The first call computes the whole edition report over the content folder (seconds on a busy machine).
describe('the lead impact report counts each certificate under its own edition', { timeout: 120_000 }, () => {
  it('legacy → 2025: only the legacy certificate is counted and listed as earned under legacy', async () => {
    const { standing, needs, standingByEdition } = await leadImpact(store, 'legacy', '2025-08-15', NOW);
    expect(standing).toBe(1);
    expect(needs.map((need) => [need.id, need.edition])).toEqual([['legacy-one', 'legacy']]);
    expect(standingByEdition).toEqual([
      { edition: '2025-08-15', count: 2 },
      { edition: 'legacy', count: 1 },
    ]);
  });

  it('2025 → legacy: the two 2025-08-15 certificates are the old side', async () => {
    const { standing, needs } = await leadImpact(store, '2025-08-15', 'legacy', NOW);
    expect(standing).toBe(2);
    expect(needs.map((need) => need.id).sort()).toEqual(['current-one', 'current-two']);
  });
});
