import type { ResolvedAuth } from '../endpoint/auth';
import { clientPair } from '../redaction/secret';
import { tokenKey } from '../token/token-key';
import type { AuthContext, AuthStrategy } from './auth-strategy';
import { passwordGrant } from './password-grant';
import { sendWithToken, type TokenUse } from './send-with-token';

type OAuth2Auth = Extract<ResolvedAuth, { type: 'oauth2' }>;

/** How OAuth2 (password grant) endpoints use their token cache. */
export function oauth2TokenUse(auth: OAuth2Auth, ctx: AuthContext): TokenUse {
  return {
    key: tokenKey(ctx.endpoint.id, [auth.tokenUrl, ctx.endpoint.baseUrl], ['oauth2', auth.tokenUrl, auth.clientId, auth.clientSecret, auth.username, auth.password]),
    fetch: async () => (await passwordGrant(auth, 'basic', ctx)).token,
    headers: (token) => ({ authorization: `Bearer ${token.value}` }),
  };
}

/**
 * SPEC §3 OAuth2 (password grant): a token from the token URL (client authenticated with HTTP
 * Basic), sent as `Authorization: Bearer`, cached and refreshed by the token cache.
 */
export const oauth2Auth: AuthStrategy<OAuth2Auth> = {
  type: 'oauth2',
  secrets: (auth) => [auth.password, auth.clientSecret, clientPair(auth.clientId, auth.clientSecret)],
  send: (auth, attempt, ctx) => sendWithToken(oauth2TokenUse(auth, ctx), attempt, ctx),
};
