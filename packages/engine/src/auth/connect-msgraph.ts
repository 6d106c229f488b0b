import * as oauth from 'oauth4webapi';
import { msgraphScopes, type ConnectedTokens } from '../endpoint/auth';
import { isFlowyardError } from '../errors/flowyard-error';
import { clientPair } from '../redaction/secret';
import { connectFailed, watchedFetch, type ConnectFetch } from './connect-fetch';
import { microsoftIssuer } from './microsoft-issuer';
import { oauthClient } from './oauth-client';

/** The Microsoft identity platform app Flowyard connects through (from the server's settings). */
export interface GraphConnectApp {
  authorizeUrl: string;
  tokenUrl: string;
  graphUrl: string;
  clientId: string;
  clientSecret: string;
}

/** The authorization page for the popup (authorization code with PKCE S256) and the verifier to keep server-side. */
export async function graphAuthorization(app: GraphConnectApp, redirectUri: string, state: string): Promise<{ url: string; codeVerifier: string }> {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(app.authorizeUrl);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('scope', msgraphScopes.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('prompt', 'select_account');
  return { url: url.href, codeVerifier };
}

/**
 * Finishes a Graph Connect: checks the callback (state, provider error), redeems the code with
 * the PKCE verifier, and names the account from the ID token (or Graph's `/me`). Refusals are
 * AUTH_FAILED with the provider's status and body.
 */
export async function completeGraphConnect(
  app: GraphConnectApp,
  redirectUri: string,
  callback: URLSearchParams,
  expected: { state: string; codeVerifier: string },
  deps: { fetch: ConnectFetch; now: () => Date },
): Promise<{ tokens: Omit<ConnectedTokens, 'connectedAt'>; account: string }> {
  const as: oauth.AuthorizationServer = { issuer: new URL(app.tokenUrl).origin, authorization_endpoint: app.authorizeUrl, token_endpoint: app.tokenUrl };
  const client = oauthClient(app.clientId, deps.now());
  const watched = watchedFetch(deps.fetch);
  const options = { [oauth.customFetch]: watched.fetch, [oauth.allowInsecureRequests]: true };
  const secrets = [app.clientSecret, clientPair(app.clientId, app.clientSecret), expected.codeVerifier];
  try {
    const params = oauth.validateAuthResponse(as, client, callback, expected.state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(app.clientSecret), params, redirectUri, expected.codeVerifier, options);
    const result = await oauth.processAuthorizationCodeResponse({ ...as, issuer: await microsoftIssuer(app.tokenUrl, response) }, client, response, {
      expectedNonce: oauth.expectNoNonce,
    });
    const claims = oauth.getValidatedIdTokenClaims(result);
    const name = typeof claims?.name === 'string' ? claims.name : null;
    const username = typeof claims?.preferred_username === 'string' ? claims.preferred_username : null;
    const account = name !== null || username !== null ? [name, username === null ? null : `(${username})`].filter(Boolean).join(' ') : await graphMe(app, result.access_token, watched.fetch);
    return {
      tokens: {
        accessToken: result.access_token,
        expiresAt: result.expires_in === undefined ? null : deps.now().getTime() + result.expires_in * 1000,
        refreshToken: result.refresh_token ?? null,
      },
      account,
    };
  } catch (error) {
    if (isFlowyardError(error)) throw error;
    if (error instanceof oauth.AuthorizationResponseError) {
      throw connectFailed(`Microsoft did not grant access: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`, null, secrets);
    }
    const seen = watched.last();
    const problem = error instanceof oauth.ResponseBodyError ? `${error.status} ${error.error}${error.error_description ? ` (${error.error_description})` : ''}` : error instanceof Error ? error.message : String(error);
    throw connectFailed(`Connecting to Microsoft failed: ${problem}`, seen, secrets);
  }
}

async function graphMe(app: GraphConnectApp, accessToken: string, fetch: ConnectFetch): Promise<string> {
  const response = await fetch(`${app.graphUrl}/v1.0/me`, { method: 'GET', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
  const me: unknown = response.ok ? await response.json() : null;
  if (typeof me === 'object' && me !== null) {
    const name = 'displayName' in me && typeof me.displayName === 'string' ? me.displayName : null;
    const upn = 'userPrincipalName' in me && typeof me.userPrincipalName === 'string' ? me.userPrincipalName : null;
    if (name !== null || upn !== null) return [name, upn === null ? null : `(${upn})`].filter(Boolean).join(' ');
  }
  return 'Microsoft account';
}
