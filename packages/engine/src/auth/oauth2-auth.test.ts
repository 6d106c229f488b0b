import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedPort } from '../../../../e2e/mocks/refused-port';
import { endpointWith, exchangeLog, failure, get, mockCredentials, startAuthKit, type AuthKit } from './auth-test-kit';

let kit: AuthKit;
beforeAll(async () => {
  kit = await startAuthKit();
});
afterAll(() => kit.close());

const creds = mockCredentials.oauth2;
const oauth2 = (overrides: Partial<typeof creds> = {}) =>
  endpointWith(kit.providers.oauth2.apiUrl, { type: 'oauth2', tokenUrl: kit.providers.oauth2.tokenUrl, ...creds, ...overrides });
const tokenRequests = () => kit.providers.count('oauth2', '/oauth/token');
const apiRequests = () => kit.providers.requests.filter((r) => r.provider === 'oauth2' && r.path.startsWith('/api'));

describe('OAuth2 (password grant)', () => {
  it('gets a token with the password grant (client by HTTP Basic) and sends it as Bearer', async () => {
    const endpoint = oauth2();
    const log = exchangeLog();
    const before = kit.providers.requests.length;
    const response = await kit.http.send(get(endpoint, '/orders'), log.listen);

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, path: '/api/orders', user: creds.username });
    const [tokenRequest, apiRequest] = kit.providers.requests.slice(before);
    expect(tokenRequest?.path).toBe('/oauth/token');
    expect(Object.fromEntries(tokenRequest?.form ?? [])).toEqual({ grant_type: 'password', username: creds.username, password: creds.password });
    // RFC 6749 §2.3.1: the client id and secret are form-encoded inside the Basic credentials.
    const basic = Buffer.from(tokenRequest?.headers.authorization?.replace(/^Basic /, '') ?? '', 'base64').toString('utf8');
    expect(basic.split(':').map((part) => decodeURIComponent(part))).toEqual([creds.clientId, creds.clientSecret]);
    expect(apiRequest?.headers.authorization).toMatch(/^Bearer oauth2-at-/);

    // Both exchanges are recorded, with every secret and the token redacted.
    expect(log.exchanges.map((x) => `${x.method} ${x.url} ${x.status}`)).toEqual([
      `POST ${kit.providers.oauth2.tokenUrl} 200`,
      `GET ${kit.providers.oauth2.apiUrl}/orders 200`,
    ]);
    expect(log.exchanges[0]?.requestBody).toBe('username=oauth-user&password=[redacted]&grant_type=password');
    expect(JSON.parse(log.exchanges[0]?.responseBody ?? '')).toMatchObject({ access_token: '[redacted]', token_type: 'Bearer' });
    const token = apiRequest?.headers.authorization?.slice('Bearer '.length) ?? '';
    for (const secret of [creds.password, creds.clientSecret, token]) expect(log.text()).not.toContain(secret);
  });

  it('reuses the cached token: 100 concurrent requests cause exactly one token request', async () => {
    const endpoint = oauth2();
    const before = tokenRequests();
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => kit.http.send(get(endpoint, `/items/${i}`), () => {})));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests() - before).toBe(1);
    await kit.http.send(get(endpoint, '/again'), () => {});
    expect(tokenRequests() - before).toBe(1);
  });

  it('refreshes a token before it expires', async () => {
    kit.providers.setTokenLifetime('oauth2', 600);
    try {
      const endpoint = oauth2();
      const before = tokenRequests();
      await kit.http.send(get(endpoint, '/a'), () => {});
      kit.clock.advance(550_000); // within a minute of expiry: fetched anew before use
      const log = exchangeLog();
      const response = await kit.http.send(get(endpoint, '/b'), log.listen);
      expect(response.status).toBe(200);
      expect(tokenRequests() - before).toBe(2);
      // No failed attempt: the new token was fetched before the request, not after a 401.
      expect(log.exchanges.map((x) => x.status)).toEqual([200, 200]);
    } finally {
      kit.providers.setTokenLifetime('oauth2', 3600);
    }
  });

  it('after a 401 fetches a new token once and repeats the request', async () => {
    const endpoint = oauth2();
    await kit.http.send(get(endpoint, '/warm'), () => {});
    kit.providers.expireTokens();
    const before = tokenRequests();
    const log = exchangeLog();
    const response = await kit.http.send(get(endpoint, '/after-expiry'), log.listen);
    expect(response.status).toBe(200);
    expect(tokenRequests() - before).toBe(1);
    expect(log.exchanges.map((x) => `${x.method} ${x.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200']);
  });

  it('never loops: when the new token is refused too, the second 401 is the answer', async () => {
    const endpoint = oauth2();
    await kit.http.send(get(endpoint, '/warm'), () => {});
    kit.providers.rejectAllTokens(true);
    try {
      const tokensBefore = tokenRequests();
      const apiBefore = apiRequests().length;
      const response = await kit.http.send(get(endpoint, '/refused'), () => {});
      expect(response.status).toBe(401);
      expect(apiRequests().length - apiBefore).toBe(2);
      expect(tokenRequests() - tokensBefore).toBe(1);
    } finally {
      kit.providers.rejectAllTokens(false);
    }
  });

  it('a wrong password fails with AUTH_FAILED carrying the token endpoint status and body, and is not cached', async () => {
    const endpoint = oauth2({ password: 'wrong-password-123' });
    const log = exchangeLog();
    const error = await failure(kit.http.send(get(endpoint, '/x'), log.listen));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toMatch(/invalid_grant/);
    expect(error.details).toMatchObject({ status: 400, body: expect.stringContaining('authentication failure'), url: kit.providers.oauth2.tokenUrl });
    expect(log.exchanges).toHaveLength(1);
    expect(log.text()).not.toContain('wrong-password-123');
    expect(JSON.stringify(error.details)).not.toContain('wrong-password-123');

    const before = tokenRequests();
    await failure(kit.http.send(get(endpoint, '/x'), () => {}));
    expect(tokenRequests() - before).toBe(1);
  });

  it('a wrong client secret fails with the 401 invalid_client answer', async () => {
    const error = await failure(kit.http.send(get(oauth2({ clientSecret: 'not-the-secret' }), '/x'), () => {}));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 401, body: expect.stringContaining('invalid_client') } });
  });

  it('editing the credentials invalidates the cached token (the key includes them)', async () => {
    const first = oauth2();
    await kit.http.send(get(first, '/a'), () => {});
    const before = tokenRequests();
    const edited = { ...first, auth: { ...first.auth, username: creds.username, password: creds.password, clientSecret: creds.clientSecret } };
    await kit.http.send(get(edited, '/b'), () => {});
    expect(tokenRequests() - before).toBe(0);
    const wrong = { ...first, auth: { type: 'oauth2' as const, tokenUrl: kit.providers.oauth2.tokenUrl, ...creds, password: 'edited-wrong-password' } };
    const error = await failure(kit.http.send(get(wrong, '/c'), () => {}));
    expect(error.code).toBe('AUTH_FAILED');
  });

  it('a cached token is never sent to another base URL origin, even with the same credentials (SPEC §7a)', async () => {
    const first = oauth2();
    await kit.http.send(get(first, '/a'), () => {});
    const before = tokenRequests();
    // A path change within the origin keeps the token.
    await kit.http.send(get({ ...first, baseUrl: `${kit.providers.oauth2.apiUrl}/nested` }, '/b'), () => {});
    expect(tokenRequests() - before).toBe(0);
    // Another origin (nothing listens there): a token is fetched for it, the cached one stays home.
    const log = exchangeLog();
    const moved = { ...first, baseUrl: `http://127.0.0.1:${await refusedPort()}/api` };
    expect((await failure(kit.http.send(get(moved, '/c'), log.listen))).code).toBe('HTTP_CONNECT_FAILED');
    expect(tokenRequests() - before).toBe(1);
    expect(log.exchanges.map((x) => x.method)).toEqual(['POST', 'GET']);
  });

  it('Test Authentication performs a real token request every time', async () => {
    const endpoint = oauth2();
    const before = tokenRequests();
    const log = exchangeLog();
    const check = await kit.http.checkAuthentication({ endpoint, timeoutMs: 5_000 }, log.listen);
    const again = await kit.http.checkAuthentication({ endpoint, timeoutMs: 5_000 }, () => {});
    expect(check).toMatchObject({ message: expect.stringContaining(creds.username), details: { tokenType: 'bearer', expiresIn: 3600 } });
    expect(again.details.tokenUrl).toBe(kit.providers.oauth2.tokenUrl);
    expect(tokenRequests() - before).toBe(2);
    expect(log.exchanges).toHaveLength(1);
    expect(JSON.stringify(check)).not.toMatch(/oauth2-at-/);
  });
});
