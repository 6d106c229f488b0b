import type { ResolvedAuth } from '../endpoint/auth';
import { FlowyardError } from '../errors/flowyard-error';
import type { AccessToken } from '../token/token-cache';
import { clientPair } from '../redaction/secret';
import { tokenKey } from '../token/token-key';
import type { AuthContext, AuthStrategy } from './auth-strategy';
import { authFailed } from './auth-failed';
import { passwordGrant } from './password-grant';
import { sendWithToken, type TokenUse } from './send-with-token';

type SalesforceAuth = Extract<ResolvedAuth, { type: 'salesforce' }>;

/** Salesforce's token path, added when the token URL is just a login host (`https://test.salesforce.com`). */
export const salesforceTokenPath = '/services/oauth2/token';

/** The token URL to call: as given, or the login host plus Salesforce's token path. */
export function salesforceTokenUrl(tokenUrl: string): string {
  const url = new URL(tokenUrl);
  if (url.pathname === '/' || url.pathname === '') return `${url.origin}${salesforceTokenPath}${url.search}`;
  return tokenUrl;
}

/** Password grant with the client credentials in the form (as Salesforce expects), keeping `instance_url`. */
export async function salesforceToken(auth: SalesforceAuth, ctx: AuthContext): Promise<AccessToken> {
  const credentials = { ...auth, tokenUrl: salesforceTokenUrl(auth.tokenUrl) };
  const { token, response } = await passwordGrant(credentials, 'post', ctx);
  const instanceUrl = typeof response.instance_url === 'string' ? response.instance_url : null;
  if (instanceUrl === null || !/^https?:\/\/[^/?#]+/i.test(instanceUrl)) {
    const body = JSON.stringify({ ...response, access_token: '[redacted]', refresh_token: response.refresh_token === undefined ? undefined : '[redacted]' });
    throw authFailed(
      `The Salesforce token response from ${credentials.tokenUrl} has no usable instance_url`,
      { status: 200, statusText: 'OK', headers: {}, body },
      ctx.scrubber,
      credentials.tokenUrl,
    );
  }
  return { ...token, instanceUrl: instanceUrl.replace(/\/+$/, '') };
}

/** How Salesforce endpoints use their token cache. */
export function salesforceTokenUse(auth: SalesforceAuth, ctx: AuthContext): TokenUse {
  return {
    key: tokenKey(ctx.endpoint.id, [auth.tokenUrl, ctx.endpoint.baseUrl], ['salesforce', auth.tokenUrl, auth.clientId, auth.clientSecret, auth.username, auth.password]),
    fetch: () => salesforceToken(auth, ctx),
    headers: (token) => ({ authorization: `Bearer ${token.value}` }),
    baseUrl: (token) => {
      if (token.instanceUrl === null) throw new FlowyardError('AUTH_FAILED', 'The Salesforce token has no instance URL');
      return token.instanceUrl;
    },
  };
}

/**
 * SPEC §3 OAuth2 (Salesforce): the password grant, with requests sent to the `instance_url`
 * of the token response instead of the endpoint's base URL.
 */
export const salesforceAuth: AuthStrategy<SalesforceAuth> = {
  type: 'salesforce',
  secrets: (auth) => [auth.password, auth.clientSecret, clientPair(auth.clientId, auth.clientSecret)],
  send: (auth, attempt, ctx) => sendWithToken(salesforceTokenUse(auth, ctx), attempt, ctx),
};
