import * as oauth from 'oauth4webapi';
import { clientPair } from '../redaction/secret';
import type { AccessToken } from '../token/token-cache';
import type { AuthContext } from './auth-strategy';
import { oauthClient } from './oauth-client';
import { accessTokenOf, oauthTokenRequest } from './oauth-token-request';

export interface PasswordGrantCredentials {
  tokenUrl: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The OAuth 2.0 resource-owner password grant (RFC 6749 §4.3) through oauth4webapi.
 * `clientAuth` says how the client authenticates: HTTP Basic (the RFC's default) or form fields (Salesforce).
 */
export async function passwordGrant(
  credentials: PasswordGrantCredentials,
  clientAuth: 'basic' | 'post',
  ctx: AuthContext,
): Promise<{ token: AccessToken; response: oauth.TokenEndpointResponse }> {
  const as: oauth.AuthorizationServer = { issuer: new URL(credentials.tokenUrl).origin, token_endpoint: credentials.tokenUrl };
  const client = oauthClient(credentials.clientId, ctx.now());
  const authenticate = clientAuth === 'basic' ? oauth.ClientSecretBasic(credentials.clientSecret) : oauth.ClientSecretPost(credentials.clientSecret);
  // Already known when the credentials are the endpoint's; added for any other caller.
  ctx.scrubber.add(credentials.password, credentials.clientSecret, clientPair(credentials.clientId, credentials.clientSecret));
  const response = await oauthTokenRequest(ctx, `The token request to ${credentials.tokenUrl}`, async (options) => {
    const answer = await oauth.genericTokenEndpointRequest(as, client, authenticate, 'password', { username: credentials.username, password: credentials.password }, options);
    return oauth.processGenericTokenEndpointResponse(as, client, answer);
  });
  return { token: accessTokenOf(response, ctx.now()), response };
}
