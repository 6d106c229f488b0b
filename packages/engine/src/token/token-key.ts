import { createHash } from 'node:crypto';
import { urlOrigin } from '../endpoint/secret-origins';

/**
 * The cache key of an endpoint's tokens: its id plus a hash of everything the token depends on:
 * the origins it is obtained from and sent to (SPEC §7a: a token bought for one address never
 * goes to another, even when the same secret is entered again) and the credentials, so editing
 * any of them makes the old token unreachable.
 */
export function tokenKey(endpointId: string, origins: readonly string[], credentials: readonly (string | null)[]): string {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([origins.map(urlOrigin), credentials]))
    .digest('base64url');
  return `${endpointId}:${fingerprint}`;
}
