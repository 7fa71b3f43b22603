import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's Password Storage Cheat Sheet minimum: 19 MiB of memory, 2 iterations, 1 lane. The PHC
 * string records the parameters, so raising them later still verifies old hashes.
 */
export const ARGON2_OPTIONS = {
  // `Algorithm` is a const enum, which isolated modules cannot read at run time; 2 is its Argon2id member.
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password to an Argon2id PHC string with a random 16-byte salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Hashed once, lazily: verifying against it when there is no account (or no password yet) costs the same time as a
// real check, so response times do not reveal which employee ids exist.
let decoy: Promise<string> | undefined;

/**
 * True when `password` matches `passwordHash`. With a `null` hash it still spends one verification and returns false.
 * A malformed stored hash counts as a mismatch.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
