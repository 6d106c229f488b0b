import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockCredentials, startMockProviders, type MockProviders } from '../../../../e2e/mocks/providers/start-mock-providers';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { createEndpointResolver } from './endpoint-resolver';

let providers: MockProviders;
let app: TestApp;
beforeAll(async () => {
  providers = await startMockProviders();
  app = await createTestApp({ env: providers.env });
});
afterAll(async () => {
  await app.close();
  await providers.close();
});

let n = 0;
const create = (auth: Parameters<TestApp['caller']['endpoints']['create']>[0]['auth'], baseUrl = 'https://api.example.com') =>
  app.caller.endpoints.create({ workflowId: app.workflowId, name: `Endpoint ${++n}`, baseUrl, auth });
const resolve = async (id: string) => (await createEndpointResolver(app, app.workflowId).get(id))?.auth;

describe('auth types: storage and views', () => {
  it('OAuth2: secrets are required on create, shown only as set, kept when absent on update', async () => {
    const missing = await apiErrorOf(create({ type: 'oauth2', tokenUrl: 'https://idp.example.com/token', username: 'u', clientId: 'c' }));
    expect(missing).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'auth.password', message: 'Password is required' },
        { path: 'auth.clientSecret', message: 'Client secret is required' },
      ],
    });
    const badUrl = await apiErrorOf(create({ type: 'oauth2', tokenUrl: 'ftp://idp', username: 'u', clientId: 'c', password: 'p', clientSecret: 's' }));
    expect(badUrl.issues).toEqual([{ path: 'auth.tokenUrl', message: expect.stringContaining('Access token URL must start with http:// or https://') }]);

    const created = await create({ type: 'oauth2', tokenUrl: 'https://idp.example.com/token', username: 'u', clientId: 'c', password: 'pw-1', clientSecret: 'cs-1' });
    expect(created.auth).toEqual({ type: 'oauth2', tokenUrl: 'https://idp.example.com/token', username: 'u', clientId: 'c', passwordSet: true, clientSecretSet: true });
    expect(JSON.stringify(created)).not.toMatch(/pw-1|cs-1/);

    await app.caller.endpoints.update({ id: created.id, name: created.name, baseUrl: created.baseUrl, auth: { type: 'oauth2', tokenUrl: 'https://idp.example.com/token', username: 'u2', clientId: 'c', password: 'pw-2' } });
    expect(await resolve(created.id)).toEqual({ type: 'oauth2', tokenUrl: 'https://idp.example.com/token', username: 'u2', clientId: 'c', password: 'pw-2', clientSecret: 'cs-1' });
  });

  it('Salesforce: an empty token URL uses the server setting', async () => {
    const created = await create({ type: 'salesforce', username: 'u', clientId: 'c', password: 'p', clientSecret: 's' });
    expect(created.auth).toMatchObject({ type: 'salesforce', tokenUrl: '' });
    expect(await resolve(created.id)).toMatchObject({ tokenUrl: `${providers.salesforce.loginUrl}/services/oauth2/token` });
  });

  it('Remedy, ServiceNow: username and a write-only password', async () => {
    for (const type of ['remedy', 'servicenow'] as const) {
      expect(await apiErrorOf(create({ type, username: 'u' }))).toMatchObject({ issues: [{ path: 'auth.password', message: 'Password is required' }] });
      const created = await create({ type, username: 'u', password: 'pw' });
      expect(created.auth).toEqual({ type, username: 'u', passwordSet: true });
      await app.caller.endpoints.update({ id: created.id, name: created.name, baseUrl: created.baseUrl, auth: { type, username: 'v' } });
      expect(await resolve(created.id)).toEqual({ type, username: 'v', password: 'pw' });
    }
  });

  it('Slack and Graph: nothing to type, not connected until Connect; Graph gets the server Connect app for refreshes', async () => {
    const slack = await create({ type: 'slack' });
    expect(slack.auth).toEqual({ type: 'slack', connection: null, connectionDropped: false });
    expect(await resolve(slack.id)).toEqual({ type: 'slack', tokens: null });
    const graph = await create({ type: 'msgraph' });
    expect(await resolve(graph.id)).toEqual({
      type: 'msgraph',
      tokens: null,
      client: { tokenUrl: `${providers.microsoft.identityUrl}/common/oauth2/v2.0/token`, clientId: mockCredentials.microsoft.clientId, clientSecret: mockCredentials.microsoft.clientSecret },
    });
  });

  it('the type cannot change after creation', async () => {
    const created = await create({ type: 'remedy', username: 'u', password: 'pw' });
    const error = await apiErrorOf(app.caller.endpoints.update({ id: created.id, name: created.name, baseUrl: created.baseUrl, auth: { type: 'servicenow', username: 'u' } }));
    expect(error.code).toBe('AUTH_TYPE_IMMUTABLE');
  });
});

describe('Test Authentication and Test request procedures', () => {
  it('OAuth2: the token endpoint error body with a wrong password, then success', async () => {
    const wrong = await create(
      { type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, ...mockCredentials.oauth2, password: 'wrong-password-x' },
      providers.oauth2.apiUrl,
    );
    const failed = await app.caller.endpoints.testAuthentication({ id: wrong.id });
    expect(failed).toMatchObject({ ok: false, code: 'AUTH_FAILED', status: 400, body: expect.stringContaining('invalid_grant') });
    await app.caller.endpoints.update({ id: wrong.id, name: wrong.name, baseUrl: wrong.baseUrl, auth: { type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, ...mockCredentials.oauth2 } });
    const ok = await app.caller.endpoints.testAuthentication({ id: wrong.id });
    expect(ok).toMatchObject({ ok: true, message: expect.stringContaining(mockCredentials.oauth2.username) });
    expect(JSON.stringify([failed, ok])).not.toMatch(new RegExp(`${mockCredentials.oauth2.password}|${mockCredentials.oauth2.clientSecret}|wrong-password-x|oauth2-at-`));
  });

  it('Salesforce, Remedy and ServiceNow report success against their mocks', async () => {
    const salesforce = await create({ type: 'salesforce', ...mockCredentials.salesforce }, 'https://placeholder.example.com');
    expect(await app.caller.endpoints.testAuthentication({ id: salesforce.id })).toMatchObject({ ok: true, details: { instanceUrl: providers.salesforce.instanceUrl } });
    const remedy = await create({ type: 'remedy', ...mockCredentials.remedy }, providers.remedy.baseUrl);
    expect(await app.caller.endpoints.testAuthentication({ id: remedy.id })).toMatchObject({ ok: true });
    const snow = await create({ type: 'servicenow', ...mockCredentials.servicenow, password: 'bad' }, providers.servicenow.baseUrl);
    expect(await app.caller.endpoints.testAuthentication({ id: snow.id })).toMatchObject({ ok: false, status: 401, body: expect.stringContaining('User Not Authenticated') });
  });

  it('is refused for types without a credentials check', async () => {
    const none = await create({ type: 'none' });
    expect(await apiErrorOf(app.caller.endpoints.testAuthentication({ id: none.id }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('Test request sends the real thing with the same auth and returns the redacted exchanges', async () => {
    const salesforce = await create({ type: 'salesforce', ...mockCredentials.salesforce }, 'https://placeholder.example.com');
    const result = await app.caller.endpoints.testRequest({ id: salesforce.id, method: 'get', path: '/services/data/v60.0/sobjects' });
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 200 });
    expect(result.exchanges.map((x) => `${x.method} ${x.url} ${x.status}`)).toEqual([
      `POST ${providers.salesforce.tokenUrl} 200`,
      `GET ${providers.salesforce.instanceUrl}/services/data/v60.0/sobjects 200`,
    ]);
    expect(result.exchanges[1]?.requestHeaders.authorization).toBe('[redacted]');
    expect(JSON.stringify(result)).not.toContain(mockCredentials.salesforce.password);

    const snow = await create({ type: 'servicenow', ...mockCredentials.servicenow }, providers.servicenow.baseUrl);
    const posted = await app.caller.endpoints.testRequest({ id: snow.id, method: 'POST', path: '/api/now/table/incident', body: '{"short_description":"x"}' });
    expect(posted.response).toMatchObject({ status: 201 });
    expect(posted.exchanges[0]?.requestHeaders).toMatchObject({ 'Content-Type': 'application/json', authorization: '[redacted]' });

    const badMethod = await apiErrorOf(app.caller.endpoints.testRequest({ id: snow.id, method: 'GE T', path: '/' }));
    expect(badMethod.issues[0]?.path).toBe('method');
  });
});
