import { opaqueToken } from './mock-jwt';
import { bearerOf, clientCredentials, type MockProvider, type ProviderRequest, type ProviderResponse } from './provider-server';
import { TokenStore } from './token-store';

/** The accounts an OAuth2 password-grant mock accepts. */
export interface PasswordGrantAccount {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

export interface PasswordGrantProvider {
  provider: MockProvider;
  tokens: TokenStore;
  /** `expires_in` of new tokens, in seconds (null: none sent). */
  lifetimeSeconds: number | null;
}

/**
 * An RFC 6749 password-grant token endpoint at `POST /<prefix><tokenPath>` (client credentials by
 * Basic or form; wrong client → 401 invalid_client, wrong user → 400 invalid_grant) and a
 * protected API under `/<prefix><apiPath>/*` that wants `Bearer <token>` (401 otherwise).
 * `extra` adds fields to successful token responses (Salesforce's `instance_url`).
 */
export function passwordGrantProvider(options: {
  prefix: string;
  account: PasswordGrantAccount;
  now: () => number;
  tokenPath: string;
  tokenPrefix: string;
  apiPath?: string;
  extra?: () => Record<string, unknown>;
  lifetimeSeconds?: number | null;
}): PasswordGrantProvider {
  const tokens = new TokenStore(options.now);
  const state: PasswordGrantProvider = { provider: { prefix: options.prefix, routes: {} }, tokens, lifetimeSeconds: options.lifetimeSeconds ?? 3600 };

  const token = (request: ProviderRequest): ProviderResponse => {
    const { clientId, clientSecret } = clientCredentials(request);
    if (request.form.get('grant_type') !== 'password') {
      return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
    }
    if (clientId !== options.account.clientId || clientSecret !== options.account.clientSecret) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'client authentication failed' } };
    }
    if (request.form.get('username') !== options.account.username || request.form.get('password') !== options.account.password) {
      return { status: 400, json: { error: 'invalid_grant', error_description: 'authentication failure' } };
    }
    const value = tokens.issue(opaqueToken(options.tokenPrefix), state.lifetimeSeconds, options.account.username);
    return {
      json: {
        access_token: value,
        token_type: 'Bearer',
        ...(state.lifetimeSeconds === null ? {} : { expires_in: state.lifetimeSeconds }),
        scope: 'api',
        ...options.extra?.(),
      },
    };
  };

  state.provider.routes[`POST ${options.tokenPath}`] = token;
  if (options.apiPath !== undefined) {
    const api = (request: ProviderRequest): ProviderResponse => {
      const bearer = bearerOf(request);
      const check = state.tokens.check(bearer);
      if (check !== 'ok') {
        return {
          status: 401,
          headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${check === 'expired' ? 'token expired' : 'unknown token'}"` },
          json: [{ errorCode: 'INVALID_SESSION_ID', message: check === 'expired' ? 'Session expired or invalid' : 'Unknown token' }],
        };
      }
      return { json: { ok: true, provider: options.prefix, method: request.method, path: request.path, user: options.account.username, body: request.body } };
    };
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) state.provider.routes[`${method} ${options.apiPath}/*`] = api;
  }
  return state;
}
