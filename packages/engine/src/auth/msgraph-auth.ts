import * as oauth from 'oauth4webapi';
import { msgraphScopes, type OAuthClient, type ResolvedAuth } from '../endpoint/auth';
import { FlowyardError } from '../errors/flowyard-error';
import type { AccessToken } from '../token/token-cache';
import { tokenKey } from '../token/token-key';
import { clientPair } from '../redaction/secret';
import type { AuthContext, AuthStrategy } from './auth-strategy';
import { connectedTokenSecrets } from './connected-token-secrets';
import { microsoftIssuer } from './microsoft-issuer';
import { oauthClient } from './oauth-client';
import { accessTokenOf, oauthTokenRequest } from './oauth-token-request';
import { sendWithToken, type TokenUse } from './send-with-token';

type GraphAuth = Extract<ResolvedAuth, { type: 'msgraph' }>;

/** Exchanges a refresh token for a new access token (and usually a new refresh token) at the identity platform. */
export async function refreshGraphToken(client: OAuthClient, refreshToken: string, ctx: AuthContext): Promise<AccessToken> {
  const as: oauth.AuthorizationServer = { issuer: new URL(client.tokenUrl).origin, token_endpoint: client.tokenUrl };
  const graphClient = oauthClient(client.clientId, ctx.now());
  ctx.scrubber.add(client.clientSecret, clientPair(client.clientId, client.clientSecret), refreshToken);
  const response = await oauthTokenRequest(ctx, 'Refreshing the Microsoft Graph token', async (options) => {
    const answer = await oauth.refreshTokenGrantRequest(as, graphClient, oauth.ClientSecretPost(client.clientSecret), refreshToken, {
      ...options,
      additionalParameters: { scope: msgraphScopes.join(' ') },
    });
    return oauth.processRefreshTokenResponse({ ...as, issuer: await microsoftIssuer(client.tokenUrl, answer) }, graphClient, answer);
  });
  const token = accessTokenOf(response, ctx.now());
  // Without a new refresh token the old one stays valid.
  return { ...token, refreshToken: token.refreshToken ?? refreshToken };
}

/** How Graph endpoints use their token cache: the connected token first, then refreshes. */
export function graphTokenUse(auth: GraphAuth, ctx: AuthContext): TokenUse {
  const stored = auth.tokens;
  return {
    // The connection time, not the tokens: refreshes rotate those without starting a new cache entry.
    key: tokenKey(ctx.endpoint.id, [ctx.endpoint.baseUrl, auth.client?.tokenUrl ?? ''], ['msgraph', stored?.connectedAt ?? null, auth.client?.tokenUrl ?? null, auth.client?.clientId ?? null]),
    async fetch(previous) {
      if (stored === null) throw notConnected(ctx, 'Microsoft Graph');
      if (previous === null && (stored.expiresAt === null || stored.expiresAt > ctx.now().getTime())) {
        return { value: stored.accessToken, expiresAt: stored.expiresAt, instanceUrl: null, refreshToken: stored.refreshToken };
      }
      const refreshToken = previous?.refreshToken ?? stored.refreshToken;
      if (refreshToken === null) throw new FlowyardError('AUTH_FAILED', `The Microsoft Graph token of "${ctx.endpoint.name}" expired and cannot be refreshed; click Reconnect in its settings`);
      if (auth.client === null) {
        throw new FlowyardError('AUTH_FAILED', 'Microsoft Graph is not configured on this server (FLOWYARD_MS_CLIENT_ID and FLOWYARD_MS_CLIENT_SECRET), so its token cannot be refreshed');
      }
      const token = await refreshGraphToken(auth.client, refreshToken, ctx);
      ctx.saveConnectedTokens({ accessToken: token.value, expiresAt: token.expiresAt, refreshToken: token.refreshToken, connectedAt: stored.connectedAt });
      return token;
    },
    headers: (token) => ({ authorization: `Bearer ${token.value}` }),
  };
}

/** AUTH_FAILED for a Connect endpoint nobody connected yet. */
export function notConnected(ctx: AuthContext, provider: string): FlowyardError {
  return new FlowyardError('AUTH_FAILED', `The ${provider} endpoint "${ctx.endpoint.name}" is not connected yet; open its settings and click Connect`);
}

/** SPEC §3 Microsoft Graph: the connected access token as Bearer, refreshed with the refresh token. */
export const msgraphAuth: AuthStrategy<GraphAuth> = {
  type: 'msgraph',
  // The client is the server's (it refreshes tokens), and its secret is just as secret.
  secrets: (auth) => [...connectedTokenSecrets(auth.tokens), ...(auth.client === null ? [] : [auth.client.clientSecret, clientPair(auth.client.clientId, auth.client.clientSecret)])],
  send: (auth, attempt, ctx) => sendWithToken(graphTokenUse(auth, ctx), attempt, ctx),
};
