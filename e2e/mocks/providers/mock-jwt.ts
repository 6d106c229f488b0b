import { randomBytes } from 'node:crypto';

/**
 * A JWT-shaped token with these claims. The signature is random bytes: mocks only check that
 * they issued the token (by lookup), and clients read the claims without verifying them.
 */
export function mockJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'mock' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`;
}

/** A random opaque token with a readable prefix. */
export function opaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}
