import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe token with 256 bits of entropy. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hex SHA-256: how session tokens and API keys are stored (both are high-entropy, so no slow hash is needed). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
