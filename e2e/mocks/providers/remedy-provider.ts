import { mockJwt } from './mock-jwt';
import { bearerOf, type MockProvider, type ProviderRequest, type ProviderResponse } from './provider-server';
import { TokenStore } from './token-store';

/**
 * BMC Remedy under `/<prefix>`: `POST /api/jwt/login` (form username, password) answers the
 * AR-JWT token as text (401 with Remedy's error list otherwise); `/api/arsys/v1/*` wants
 * `Authorization: AR-JWT <token>` and answers 401 for expired or unknown tokens.
 */
export function remedyProvider(options: { prefix: string; username: string; password: string; now: () => number }) {
  const tokens = new TokenStore(options.now);
  const state = { lifetimeSeconds: 3600, tokens };

  const login = (request: ProviderRequest): ProviderResponse => {
    if (request.form.get('username') !== options.username || request.form.get('password') !== options.password) {
      return { status: 401, json: [{ messageType: 'ERROR', messageText: 'Authentication failed', messageNumber: 623, messageAppendedText: request.form.get('username') ?? '' }] };
    }
    const nowSeconds = Math.floor(options.now() / 1000);
    const token = tokens.issue(mockJwt({ sub: options.username, iat: nowSeconds, exp: nowSeconds + state.lifetimeSeconds, iss: 'mock-remedy' }), state.lifetimeSeconds, options.username);
    return { headers: { 'content-type': 'text/plain' }, body: token };
  };

  const api = (request: ProviderRequest): ProviderResponse => {
    const check = tokens.check(bearerOf(request, 'AR-JWT'));
    if (check !== 'ok') {
      return { status: 401, json: [{ messageType: 'ERROR', messageText: check === 'expired' ? 'The token has expired' : 'Authentication failed', messageNumber: 623 }] };
    }
    return { json: { entries: [{ values: { 'Incident Number': 'INC000000000001', Status: 'Assigned' } }], path: request.path, method: request.method } };
  };

  const provider: MockProvider = {
    prefix: options.prefix,
    routes: {
      'POST /api/jwt/login': login,
      ...Object.fromEntries(['GET', 'POST', 'PUT', 'DELETE'].map((method) => [`${method} /api/arsys/v1/*`, api])),
    },
  };
  return { provider, state };
}
