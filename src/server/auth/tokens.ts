import { createHash, randomBytes } from 'node:crypto';

/** A fresh URL-safe secret with `bytes` bytes (default 32 = 256 bits) from the OS CSPRNG. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 as lowercase hex: how one-time tokens and session ids are stored, so a copied data file grants nothing. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A new record id: 128 random bits, URL-safe (22 characters). */
export function newId(): string {
  return randomToken(16);
}
