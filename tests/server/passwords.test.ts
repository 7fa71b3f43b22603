import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/auth/index.ts';

describe('password hashing', () => {
  it('hashes with Argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane) with a random salt', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(first, 'correct horse battery stapler')).toBe(false);
  });

  it('treats a missing or malformed hash as a mismatch and still spends a verification on it', async () => {
    // CPU time of this process (Argon2 runs on its thread pool), the least of three: one wall-clock sample each, as
    // before, failed at load ~25 (a decoy 15.7 ms against a real check 103 ms that had waited for a core).
    const cpuMs = async (check: () => Promise<unknown>) => {
      let least = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3; round += 1) {
        const started = process.cpuUsage();
        await check();
        const used = process.cpuUsage(started);
        least = Math.min(least, (used.user + used.system) / 1000);
      }
      return least;
    };
    await verifyPassword(null, 'warm-up');
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    const decoyMs = await cpuMs(() => verifyPassword(null, 'anything at all'));
    const real = await hashPassword('anything at all');
    const realMs = await cpuMs(() => verifyPassword(real, 'something else'));
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    // Same parameters, so the decoy costs about as much as a real check (a generous bound).
    expect(decoyMs).toBeGreaterThan(realMs / 4);
  });
});
