import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedTokens } from '../endpoint/auth';
import { approveInMock, endpointWith, exchangeLog, failure, get, mockCredentials, startAuthKit, type AuthKit } from './auth-test-kit';
import { completeGraphConnect, graphAuthorization, type GraphConnectApp } from './connect-msgraph';

let kit: AuthKit;
let app: GraphConnectApp;
const redirectUri = 'http://127.0.0.1:3999/oauth/callback';
beforeAll(async () => {
  kit = await startAuthKit();
  const identity = `${kit.providers.microsoft.identityUrl}/common/oauth2/v2.0`;
  app = {
    authorizeUrl: `${identity}/authorize`,
    tokenUrl: `${identity}/token`,
    graphUrl: kit.providers.microsoft.graphUrl,
    clientId: mockCredentials.microsoft.clientId,
    clientSecret: mockCredentials.microsoft.clientSecret,
  };
});
afterAll(() => kit.close());

const deps = () => ({ fetch: (url: string, init: RequestInit) => fetch(url, init), now: kit.clock.now });

async function connect(): Promise<ConnectedTokens> {
  const { url, codeVerifier } = await graphAuthorization(app, redirectUri, 'state-1');
  const callback = await approveInMock(url);
  const { tokens } = await completeGraphConnect(app, redirectUri, callback, { state: 'state-1', codeVerifier }, deps());
  return { ...tokens, connectedAt: kit.clock.now().toISOString() };
}

const graph = (tokens: ConnectedTokens | null, client: GraphConnectApp | null = app) =>
  endpointWith(kit.providers.microsoft.graphUrl, { type: 'msgraph', tokens, client: client === null ? null : { tokenUrl: client.tokenUrl, clientId: client.clientId, clientSecret: client.clientSecret } }, 'Graph');
const tokenRequests = () => kit.providers.requests.filter((r) => r.provider === 'microsoft' && r.path.endsWith('/token')).length;

describe('Microsoft Graph Connect (authorization code with PKCE)', () => {
  it('asks for the SPEC scopes with an S256 challenge and names the account from the ID token', async () => {
    const { url, codeVerifier } = await graphAuthorization(app, redirectUri, 'state-2');
    const query = new URL(url).searchParams;
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).not.toBe(codeVerifier);
    expect(query.get('scope')).toBe('ChannelMessage.Read.All Directory.ReadWrite.All Group.ReadWrite.All offline_access OnlineMeetings.ReadWrite openid profile User.Read');
    const callback = await approveInMock(url);
    const result = await completeGraphConnect(app, redirectUri, callback, { state: 'state-2', codeVerifier }, deps());
    expect(result.account).toBe('Megan Bowen (megan@contoso.example)');
    expect(result.tokens.refreshToken).toMatch(/^ms-refresh-/);
    expect(result.tokens.expiresAt).toBe(kit.clock.now().getTime() + 3_600_000);
    const exchange = kit.providers.requests.at(-1);
    expect(exchange?.form.get('code_verifier')).toBe(codeVerifier);
  });

  it('fails with the provider answer when the verifier does not match, and on a wrong state', async () => {
    const { url } = await graphAuthorization(app, redirectUri, 'state-3');
    const callback = await approveInMock(url);
    const error = await failure(completeGraphConnect(app, redirectUri, callback, { state: 'state-3', codeVerifier: 'x'.repeat(43) }, deps()));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 400, body: expect.stringContaining('AADSTS501481') } });

    const second = await graphAuthorization(app, redirectUri, 'state-4');
    const forged = await approveInMock(second.url);
    const stateError = await failure(completeGraphConnect(app, redirectUri, forged, { state: 'another-state', codeVerifier: second.codeVerifier }, deps()));
    expect(stateError.code).toBe('AUTH_FAILED');
    expect(stateError.message).toMatch(/state/i);
  });

  it('reports a declined consent', async () => {
    const { url, codeVerifier } = await graphAuthorization(app, redirectUri, 'state-5');
    const callback = await approveInMock(url, 'deny');
    const error = await failure(completeGraphConnect(app, redirectUri, callback, { state: 'state-5', codeVerifier }, deps()));
    expect(error.message).toMatch(/access_denied/);
  });
});

describe('Microsoft Graph requests', () => {
  it('send the connected token as Bearer without a token request while it is valid', async () => {
    const tokens = await connect();
    const before = tokenRequests();
    const log = exchangeLog();
    const response = await kit.http.send(get(graph(tokens), '/v1.0/me'), log.listen);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ displayName: 'Megan Bowen' });
    expect(tokenRequests()).toBe(before);
    expect(kit.providers.requests.at(-1)?.headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
    expect(log.text()).not.toContain(tokens.accessToken);
  });

  it('refresh an expired token with the refresh token and hand the rotated tokens back for storing', async () => {
    const tokens = await connect();
    const endpoint = graph(tokens);
    kit.clock.advance(3_600_000);
    const before = tokenRequests();
    const log = exchangeLog();
    const responses = await Promise.all(Array.from({ length: 20 }, () => kit.http.send(get(endpoint, '/v1.0/me/messages'), log.listen)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests() - before).toBe(1);
    const refresh = kit.providers.requests.filter((r) => r.provider === 'microsoft').at(-1);
    expect(refresh?.form.get('grant_type')).toBe('refresh_token');
    expect(refresh?.form.get('refresh_token')).toBe(tokens.refreshToken);
    const saved = kit.saved.filter((s) => s.endpointId === endpoint.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.tokens).toMatchObject({ connectedAt: tokens.connectedAt, refreshToken: expect.stringMatching(/^ms-refresh-/) });
    expect(saved[0]?.tokens.refreshToken).not.toBe(tokens.refreshToken);
    const refreshExchange = log.exchanges.find((x) => x.method === 'POST');
    expect(refreshExchange?.requestBody).toContain('refresh_token=[redacted]');
    for (const secret of [tokens.refreshToken ?? '', saved[0]?.tokens.accessToken ?? '', saved[0]?.tokens.refreshToken ?? '', mockCredentials.microsoft.clientSecret]) {
      expect(log.text()).not.toContain(secret);
    }

    // The next refresh uses the rotated refresh token (the mock refuses a used one).
    kit.clock.advance(3_600_000);
    const again = await kit.http.send(get(endpoint, '/v1.0/me'), () => {});
    expect(again.status).toBe(200);
    expect(kit.providers.requests.filter((r) => r.provider === 'microsoft').at(-1)?.form.get('refresh_token')).toBe(saved[0]?.tokens.refreshToken);
  });

  it('after a 401 refresh once and repeat; never loop', async () => {
    const endpoint = graph(await connect());
    kit.providers.expireTokens();
    const log = exchangeLog();
    expect((await kit.http.send(get(endpoint, '/v1.0/me'), log.listen)).status).toBe(200);
    expect(log.exchanges.map((x) => `${x.method} ${x.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200']);

    kit.providers.rejectAllTokens(true);
    try {
      const loop = exchangeLog();
      expect((await kit.http.send(get(endpoint, '/v1.0/me'), loop.listen)).status).toBe(401);
      expect(loop.exchanges.map((x) => `${x.method} ${x.status}`)).toEqual(['GET 401', 'POST 200', 'GET 401']);
    } finally {
      kit.providers.rejectAllTokens(false);
    }
  });

  it('http.authenticate hands out the current (refreshed) token', async () => {
    const tokens = await connect();
    const endpoint = graph(tokens);
    expect(await kit.http.accessToken({ endpoint, timeoutMs: 5_000 }, () => {})).toBe(tokens.accessToken);
    kit.clock.advance(3_600_000);
    const fresh = await kit.http.accessToken({ endpoint, timeoutMs: 5_000 }, () => {});
    expect(fresh).not.toBe(tokens.accessToken);
    expect(kit.providers.requests.at(-1)?.form.get('grant_type')).toBe('refresh_token');
  });

  it('fail with AUTH_FAILED when not connected, or when the server has no Connect app to refresh with', async () => {
    const notConnected = await failure(kit.http.send(get(graph(null), '/v1.0/me'), () => {}));
    expect(notConnected).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('not connected') });
    const tokens = await connect();
    kit.clock.advance(3_600_000);
    const noClient = await failure(kit.http.send(get(graph(tokens, null), '/v1.0/me'), () => {}));
    expect(noClient.message).toMatch(/FLOWYARD_MS_CLIENT_ID/);
  });
});
