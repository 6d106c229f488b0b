import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Where a URL token starts: recognisable in logs and secret scanners. */
export const integrationTokenPrefix = 'fyi_';

/** A new URL token: 32 random bytes (256 bits), base64url. Shown once; only its hash is stored. */
export function newIntegrationToken(): string {
  return `${integrationTokenPrefix}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token (SHA-256, hex): a long random token needs no slow hash. */
export function hashIntegrationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one whose hash is stored, compared in constant time. */
export function integrationTokenMatches(token: string, storedHash: string | null): boolean {
  if (storedHash === null || token.length > 200) return false;
  const given = Buffer.from(hashIntegrationToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
