import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointWith, exchangeLog, failure, get, mockCredentials, startAuthKit, type AuthKit } from './auth-test-kit';
import { salesforceTokenUrl } from './salesforce-auth';

let kit: AuthKit;
beforeAll(async () => {
  kit = await startAuthKit();
});
afterAll(() => kit.close());

const creds = mockCredentials.salesforce;
// The base URL goes nowhere: every request must go to the token's instance_url instead.
const salesforce = (overrides: Partial<typeof creds> = {}, tokenUrl = kit.providers.salesforce.tokenUrl) =>
  endpointWith('http://127.0.0.1:9/unused', { type: 'salesforce', tokenUrl, ...creds, ...overrides });

describe('OAuth2 (Salesforce)', () => {
  it('sends requests to the instance_url of the token response, with the client in the form', async () => {
    const log = exchangeLog();
    const before = kit.providers.requests.length;
    const response = await kit.http.send(get(salesforce(), '/services/data/v60.0/query?q=SELECT+Name+FROM+Account'), log.listen);

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ records: [{ Name: 'Mock Account' }] });
    const [tokenRequest, apiRequest] = kit.providers.requests.slice(before);
    expect(tokenRequest?.provider).toBe('salesforce');
    expect(Object.fromEntries(tokenRequest?.form ?? [])).toMatchObject({
      grant_type: 'password',
      username: creds.username,
      password: creds.password,
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    });
    expect(apiRequest).toMatchObject({ provider: 'salesforce-instance', path: '/services/data/v60.0/query' });
    expect(apiRequest?.headers.authorization).toMatch(/^Bearer 00Dmock!/);
    expect(log.exchanges[1]?.url).toBe(`${kit.providers.salesforce.instanceUrl}/services/data/v60.0/query?q=SELECT+Name+FROM+Account`);
    expect(log.exchanges[0]?.requestBody).toContain('client_secret=[redacted]');
    for (const secret of [creds.password, creds.clientSecret]) expect(log.text()).not.toContain(secret);
  });

  it('accepts a login host as token URL and adds the token path', async () => {
    expect(salesforceTokenUrl('https://test.salesforce.com')).toBe('https://test.salesforce.com/services/oauth2/token');
    expect(salesforceTokenUrl('https://test.salesforce.com/')).toBe('https://test.salesforce.com/services/oauth2/token');
    expect(salesforceTokenUrl('https://my.example.com/services/oauth2/token')).toBe('https://my.example.com/services/oauth2/token');
  });

  it('after the session expires (401) logs in again once and goes on', async () => {
    const endpoint = salesforce();
    await kit.http.send(get(endpoint, '/services/data/v60.0/sobjects'), () => {});
    kit.providers.expireTokens();
    const log = exchangeLog();
    const response = await kit.http.send(get(endpoint, '/services/data/v60.0/sobjects'), log.listen);
    expect(response.status).toBe(200);
    expect(log.exchanges.map((x) => x.status)).toEqual([401, 200, 200]);
  });

  it('a wrong password is AUTH_FAILED with the target status and body', async () => {
    const error = await failure(kit.http.send(get(salesforce({ password: 'nope-nope' }), '/services/data'), () => {}));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 400, body: expect.stringContaining('invalid_grant') } });
  });

  it('Test Authentication reports the instance URL', async () => {
    const check = await kit.http.checkAuthentication({ endpoint: salesforce(), timeoutMs: 5_000 }, () => {});
    expect(check.details).toMatchObject({ instanceUrl: kit.providers.salesforce.instanceUrl, tokenUrl: kit.providers.salesforce.tokenUrl });
  });
});
