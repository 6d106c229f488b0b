import { createHash } from 'node:crypto';

/**
 * The cache key of an endpoint's tokens: its id plus a hash of everything the token depends
 * on (URLs, client, credentials), so editing any of them makes the old token unreachable.
 */
export function tokenKey(endpointId: string, credentials: readonly (string | null)[]): string {
  const fingerprint = createHash('sha256').update(JSON.stringify(credentials)).digest('base64url');
  return `${endpointId}:${fingerprint}`;
}
