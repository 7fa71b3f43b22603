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
    await verifyPassword(null, 'warm-up');
    const started = performance.now();
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    const decoyMs = performance.now() - started;
    const real = await hashPassword('anything at all');
    const realStarted = performance.now();
    await verifyPassword(real, 'something else');
    const realMs = performance.now() - realStarted;
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    // Same parameters, so the decoy costs about as much as a real check (generous bounds for a busy CI machine).
    expect(decoyMs).toBeGreaterThan(realMs / 4);
  });
});
