import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointWith, exchangeLog, failure, get, mockCredentials, startAuthKit, type AuthKit } from './auth-test-kit';

let kit: AuthKit;
beforeAll(async () => {
  kit = await startAuthKit();
});
afterAll(() => kit.close());

const creds = mockCredentials.remedy;
const remedy = (password: string = creds.password) => endpointWith(kit.providers.remedy.baseUrl, { type: 'remedy', username: creds.username, password });
const logins = () => kit.providers.count('remedy', '/api/jwt/login');

describe('BMC Remedy token', () => {
  it('logs in at {baseUrl}/api/jwt/login with a form and sends Authorization: AR-JWT <token>', async () => {
    const log = exchangeLog();
    const before = kit.providers.requests.length;
    const response = await kit.http.send(get(remedy(), '/api/arsys/v1/entry/HPD:Help Desk'), log.listen);
    expect(response.status).toBe(200);
    const [login, api] = kit.providers.requests.slice(before);
    expect(login).toMatchObject({ method: 'POST', path: '/api/jwt/login' });
    expect(login?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(login?.form ?? [])).toEqual({ username: creds.username, password: creds.password });
    const token = login === undefined ? '' : (log.exchanges[0]?.responseBody ?? '');
    expect(token).toBe('[redacted]');
    expect(api?.headers.authorization).toMatch(/^AR-JWT ey/);
    const issued = api?.headers.authorization?.slice('AR-JWT '.length) ?? '';
    expect(log.text()).not.toContain(issued);
    expect(log.text()).not.toContain(creds.password);
  });

  it('one login serves 100 concurrent requests', async () => {
    const endpoint = remedy();
    const before = logins();
    await Promise.all(Array.from({ length: 100 }, () => kit.http.send(get(endpoint, '/api/arsys/v1/entry/X'), () => {})));
    expect(logins() - before).toBe(1);
  });

  it('refreshes the token before its JWT exp, without a failed request', async () => {
    const endpoint = remedy();
    await kit.http.send(get(endpoint, '/api/arsys/v1/entry/X'), () => {});
    const before = logins();
    kit.clock.advance(3_580_000); // the mock's tokens live an hour
    const log = exchangeLog();
    await kit.http.send(get(endpoint, '/api/arsys/v1/entry/X'), log.listen);
    expect(logins() - before).toBe(1);
    expect(log.exchanges.map((x) => x.status)).toEqual([200, 200]);
  });

  it('a 401 (expired token) logs in again once and repeats the request; a second 401 is returned as is', async () => {
    const endpoint = remedy();
    await kit.http.send(get(endpoint, '/api/arsys/v1/entry/X'), () => {});
    kit.providers.expireTokens();
    const log = exchangeLog();
    const response = await kit.http.send(get(endpoint, '/api/arsys/v1/entry/X'), log.listen);
    expect(response.status).toBe(200);
    expect(log.exchanges.map((x) => `${x.method} ${x.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200']);

    kit.providers.rejectAllTokens(true);
    try {
      const loop = exchangeLog();
      const refused = await kit.http.send(get(endpoint, '/api/arsys/v1/entry/X'), loop.listen);
      expect(refused.status).toBe(401);
      expect(loop.exchanges.map((x) => `${x.method} ${x.status}`)).toEqual(['GET 401', 'POST 200', 'GET 401']);
    } finally {
      kit.providers.rejectAllTokens(false);
    }
  });

  it('a wrong password is AUTH_FAILED with Remedy status and error body; Test Authentication says the same', async () => {
    const error = await failure(kit.http.send(get(remedy('wrong-remedy-pass'), '/api/arsys/v1/entry/X'), () => {}));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 401, body: expect.stringContaining('Authentication failed') } });
    await expect(kit.http.checkAuthentication({ endpoint: remedy('wrong-remedy-pass'), timeoutMs: 5_000 }, () => {})).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const ok = await kit.http.checkAuthentication({ endpoint: remedy(), timeoutMs: 5_000 }, () => {});
    expect(ok.message).toContain(creds.username);
  });
});
