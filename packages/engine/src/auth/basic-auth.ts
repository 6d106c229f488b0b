import type { ResolvedAuth } from '../endpoint/auth';
import { basicPair } from '../redaction/secret';
import type { AuthStrategy } from './auth-strategy';

type BasicAuth = Extract<ResolvedAuth, { type: 'basic' }>;

/** The `Authorization` value for Basic credentials (RFC 7617, UTF-8). */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** True when a `WWW-Authenticate` value offers the Basic scheme (possibly among others). */
export function offersBasic(wwwAuthenticate: string | undefined): boolean {
  return wwwAuthenticate !== undefined && /(?:^|,)\s*basic(?:\s|,|$)/i.test(wwwAuthenticate);
}

/**
 * SPEC §3 Basic. Preemptive: credentials on every request. Otherwise the request
 * goes without them and is repeated once with them after a `401` Basic challenge.
 */
export const basicAuth: AuthStrategy<BasicAuth> = {
  type: 'basic',
  secrets: (auth) => [auth.password, basicPair(auth.username, auth.password)],
  async send(auth, attempt) {
    const credentials = { authorization: basicAuthorization(auth.username, auth.password) };
    if (auth.preemptive) return attempt(credentials);
    const first = await attempt({});
    if (first.status !== 401 || !offersBasic(first.headers['www-authenticate'])) return first;
    return attempt(credentials);
  },
};
