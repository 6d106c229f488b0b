import type { ResolvedAuth } from '../endpoint/auth';
import { joinUrl } from '../http/join-url';
import type { AccessToken } from '../token/token-cache';
import { tokenKey } from '../token/token-key';
import type { AuthContext, AuthStrategy } from './auth-strategy';
import { authFailed } from './auth-failed';
import { sendWithToken, type TokenUse } from './send-with-token';

type RemedyAuth = Extract<ResolvedAuth, { type: 'remedy' }>;

/** Remedy's login path, relative to the endpoint's base URL. */
export const remedyLoginPath = '/api/jwt/login';

/**
 * `POST {baseUrl}/api/jwt/login` with the form fields username and password; the answer's
 * body is the AR-JWT token. A JWT's `exp` claim, when readable, sets when it is refreshed.
 */
export async function remedyLogin(auth: RemedyAuth, ctx: AuthContext): Promise<AccessToken> {
  const url = joinUrl(ctx.endpoint.baseUrl, remedyLoginPath);
  const response = await ctx.post({
    url,
    headers: { accept: 'text/plain, */*' },
    form: new URLSearchParams({ username: auth.username, password: auth.password }),
  });
  const token = response.body.trim();
  if (response.status < 200 || response.status > 299 || token === '') {
    const problem = response.status >= 200 && response.status <= 299 ? 'the answer held no token' : `${response.status} ${response.statusText}`.trim();
    throw authFailed(`The Remedy login at ${url} failed: ${problem}`, response, ctx.scrubber, url);
  }
  return { value: token, expiresAt: jwtExpiry(token), instanceUrl: null, refreshToken: null };
}

/** The `exp` of a JWT in epoch ms, or null when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number') return claims.exp * 1000;
  } catch {
    // Not a JWT after all: refreshed on 401 only.
  }
  return null;
}

/** How Remedy endpoints use their token cache. */
export function remedyTokenUse(auth: RemedyAuth, ctx: AuthContext): TokenUse {
  return {
    key: tokenKey(ctx.endpoint.id, [ctx.endpoint.baseUrl], ['remedy', ctx.endpoint.baseUrl, auth.username, auth.password]),
    fetch: () => remedyLogin(auth, ctx),
    headers: (token) => ({ authorization: `AR-JWT ${token.value}` }),
  };
}

/** SPEC §3 BMC Remedy token: `Authorization: AR-JWT <token>`; a 401 logs in again once. */
export const remedyAuth: AuthStrategy<RemedyAuth> = {
  type: 'remedy',
  secrets: (auth) => [auth.password],
  send: (auth, attempt, ctx) => sendWithToken(remedyTokenUse(auth, ctx), attempt, ctx),
};
