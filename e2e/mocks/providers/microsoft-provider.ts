import { createHash } from 'node:crypto';
import { mockJwt, opaqueToken } from './mock-jwt';
import { bearerOf, clientCredentials, consentPage, redirect, type MockProvider, type ProviderRequest, type ProviderResponse } from './provider-server';
import { TokenStore } from './token-store';

export interface MicrosoftApp {
  clientId: string;
  clientSecret: string;
  /** The tenant the signed-in user belongs to (tokens carry it as `tid`). */
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
}

/**
 * The Microsoft identity platform under `/<prefix>/{tenant}/oauth2/v2.0/…`: `authorize` (consent
 * page; PKCE S256 required) and `token` (authorization_code with code_verifier check, and
 * refresh_token with rotation: a used refresh token stops working). Graph under `/<graphPrefix>/v1.0/*`.
 */
export function microsoftProvider(options: { prefix: string; graphPrefix: string; app: MicrosoftApp; now: () => number; baseUrl: () => string }) {
  const accessTokens = new TokenStore(options.now);
  const refreshTokens = new Set<string>();
  const codes = new Map<string, IssuedCode>();
  const state = { lifetimeSeconds: 3600, accessTokens, refreshTokens };
  const issuer = () => `${options.baseUrl()}/${options.prefix}/${options.app.tenantId}/v2.0`;
  const pathPattern = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/;

  const tokens = (scope: string): ProviderResponse => {
    const nowSeconds = Math.floor(options.now() / 1000);
    const accessToken = accessTokens.issue(
      mockJwt({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${options.app.tenantId}/`, tid: options.app.tenantId, iat: nowSeconds, exp: nowSeconds + state.lifetimeSeconds, name: options.app.displayName }),
      state.lifetimeSeconds,
      options.app.userPrincipalName,
    );
    const refreshToken = opaqueToken('ms-refresh-');
    refreshTokens.add(refreshToken);
    const idToken = mockJwt({
      aud: options.app.clientId,
      iss: issuer(),
      sub: 'mock-subject',
      oid: '00000000-0000-0000-0000-0000000000aa',
      tid: options.app.tenantId,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + 3600,
      name: options.app.displayName,
      preferred_username: options.app.userPrincipalName,
      ver: '2.0',
    });
    return {
      json: { token_type: 'Bearer', scope, expires_in: state.lifetimeSeconds, ext_expires_in: state.lifetimeSeconds, access_token: accessToken, refresh_token: refreshToken, id_token: idToken },
    };
  };

  const error = (status: number, code: string, description: string): ProviderResponse => ({ status, json: { error: code, error_description: description, error_codes: [70000] } });

  const authorize = (request: ProviderRequest, method: 'GET' | 'POST'): ProviderResponse => {
    if (method === 'GET') {
      const query = request.query;
      if (query.get('client_id') !== options.app.clientId) return { status: 400, body: "AADSTS700016: Application with identifier was not found in the directory" };
      if (query.get('response_type') !== 'code') return { status: 400, body: 'AADSTS900144: The request body must contain response_type=code' };
      if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) {
        return redirect(withParams(query.get('redirect_uri') ?? '', { error: 'invalid_request', error_description: 'AADSTS9002325: Proof Key for Code Exchange is required', state: query.get('state') ?? '' }));
      }
      return consentPage(`Microsoft: let Flowyard access ${options.app.userPrincipalName}?`, query, `/${options.prefix}${request.path}`);
    }
    const form = request.form;
    const redirectUri = form.get('redirect_uri') ?? '';
    if (form.get('decision') === 'deny') {
      return redirect(withParams(redirectUri, { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent', state: form.get('state') ?? '' }));
    }
    const code = opaqueToken('ms-code-');
    codes.set(code, { clientId: form.get('client_id') ?? '', redirectUri, challenge: form.get('code_challenge') ?? '', scope: form.get('scope') ?? '' });
    return redirect(withParams(redirectUri, { code, state: form.get('state') ?? '' }));
  };

  const token = (request: ProviderRequest): ProviderResponse => {
    const { clientId, clientSecret } = clientCredentials(request);
    if (clientId !== options.app.clientId || clientSecret !== options.app.clientSecret) {
      return error(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    }
    const form = request.form;
    if (form.get('grant_type') === 'authorization_code') {
      const code = form.get('code') ?? '';
      const issued = codes.get(code);
      codes.delete(code);
      if (issued === undefined || issued.clientId !== clientId) return error(400, 'invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired or was already used.');
      if (form.get('redirect_uri') !== issued.redirectUri) return error(400, 'invalid_grant', 'AADSTS50011: The redirect URI does not match the one used for the authorization code.');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) {
        return error(400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      }
      return tokens(issued.scope);
    }
    if (form.get('grant_type') === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      if (!refreshTokens.delete(refreshToken)) return error(400, 'invalid_grant', 'AADSTS70008: The refresh token has expired or was already used.');
      return tokens(form.get('scope') ?? '');
    }
    return error(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
  };

  const identity = (method: 'GET' | 'POST') => (request: ProviderRequest): ProviderResponse => {
    const match = pathPattern.exec(request.path);
    if (match === null) return { status: 404, json: { error: 'not_found' } };
    if (match[2] === 'authorize') return authorize(request, method);
    if (method !== 'POST') return { status: 405, json: { error: 'method_not_allowed' } };
    return token(request);
  };

  const graph = (request: ProviderRequest): ProviderResponse => {
    const check = accessTokens.check(bearerOf(request));
    if (check !== 'ok') {
      return {
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="", error="invalid_token"' },
        json: { error: { code: 'InvalidAuthenticationToken', message: check === 'expired' ? 'Lifetime validation failed, the token is expired.' : 'Access token is empty or invalid.' } },
      };
    }
    if (request.path === '/v1.0/me') {
      return { json: { id: '00000000-0000-0000-0000-0000000000aa', displayName: options.app.displayName, userPrincipalName: options.app.userPrincipalName } };
    }
    return { json: { '@odata.context': `${options.baseUrl()}/${options.graphPrefix}${request.path}`, method: request.method, value: [] } };
  };

  const identityProvider: MockProvider = { prefix: options.prefix, routes: { 'GET /*': identity('GET'), 'POST /*': identity('POST') } };
  const graphProvider: MockProvider = {
    prefix: options.graphPrefix,
    routes: Object.fromEntries(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].map((method) => [`${method} /v1.0/*`, graph])),
  };
  return { identityProvider, graphProvider, state };
}

function withParams(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return target.href;
}
