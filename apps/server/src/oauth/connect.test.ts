import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveConsent } from '../../../../e2e/mocks/providers/approve-consent';
import { mockCredentials, startMockProviders, type MockProviders } from '../../../../e2e/mocks/providers/start-mock-providers';
import { createEndpointResolver } from '../endpoints/endpoint-resolver';
import { createApp } from '../http/app';
import { chainGraph } from '../testing/graphs';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';

let providers: MockProviders;
let app: TestApp;
let server: Server;
let base: string;
const publicUrl = 'http://localhost:3917';

beforeAll(async () => {
  providers = await startMockProviders();
  app = await createTestApp({ env: providers.env, publicUrl });
  server = createApp({ services: app.services, webDist: '/nonexistent' }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
  await providers.close();
});

let count = 0;
async function endpoint(type: 'slack' | 'msgraph', baseUrl = type === 'slack' ? providers.slack.apiUrl : providers.microsoft.graphUrl) {
  count += 1;
  return app.caller.endpoints.create({ workflowId: app.workflowId, name: `${type} ${count}`, baseUrl, auth: { type } });
}

/** The browser's part: the popup follows the provider's redirect to our callback. */
async function callback(query: URLSearchParams): Promise<{ status: number; html: string }> {
  // The popup carries the session cookie of the admin who started Connect (app.caller).
  const res = await fetch(`${base}/oauth/callback?${query.toString()}`, { headers: { cookie: await app.sessionCookie() } });
  return { status: res.status, html: await res.text() };
}

/** The message the page's script posts: the JSON in its `data-message` attribute. */
function postedMessage(html: string): unknown {
  const match = /data-message="([^"]*)"/.exec(html);
  return match?.[1] === undefined ? null : JSON.parse(match[1].replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))));
}

describe('Slack Connect', () => {
  it('runs the authorization-code flow through the popup and shows who connected and when', async () => {
    const created = await endpoint('slack');
    expect(created.auth).toEqual({ type: 'slack', connection: null, connectionDropped: false });

    const { url } = await app.caller.endpoints.connectUrl({ id: created.id });
    const authorize = new URL(url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${providers.slack.url}/oauth/v2/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe(mockCredentials.slack.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${publicUrl}/oauth/callback`);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);

    const back = await approveConsent(url);
    const page = await callback(back);
    expect(page.status).toBe(200);
    expect(postedMessage(page.html)).toEqual({ type: 'flowyard:connected', endpointId: created.id });
    // No inline script (the CSP allows none): the page loads its script from this origin.
    expect(page.html).not.toMatch(/<script>/);
    expect(page.html).toContain('<script src="/oauth/callback.js"></script>');
    const script = await fetch(`${base}/oauth/callback.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain('window.opener.postMessage(message');

    const view = await app.caller.endpoints.get({ id: created.id });
    expect(view.auth).toEqual({ type: 'slack', connection: { account: 'mock.user in Mock Team', connectedBy: 'Admin', connectedAt: expect.any(String) }, connectionDropped: false });
    const resolved = await createEndpointResolver(app, app.workflowId).get(created.id);
    expect(resolved?.auth).toMatchObject({ type: 'slack', tokens: { accessToken: expect.stringMatching(/^xoxb-/) } });

    // The state is single-use: the same callback again is refused.
    const replay = await callback(back);
    expect(replay.status).toBe(400);
    expect(postedMessage(replay.html)).toEqual({ type: 'flowyard:connect-failed', endpointId: null, message: expect.stringContaining('expired or was already used') });
  });

  it('Reconnect replaces the tokens; saving the endpoint keeps the connection', async () => {
    const created = await endpoint('slack');
    await callback(await approveConsent((await app.caller.endpoints.connectUrl({ id: created.id })).url));
    const first = await createEndpointResolver(app, app.workflowId).get(created.id);
    await app.caller.endpoints.update({ id: created.id, name: 'Renamed Slack', baseUrl: created.baseUrl, auth: { type: 'slack' } });
    const afterSave = await createEndpointResolver(app, app.workflowId).get(created.id);
    expect(afterSave?.auth).toEqual(first?.auth);
    expect((await app.caller.endpoints.get({ id: created.id })).auth).toMatchObject({ connection: { account: 'mock.user in Mock Team' } });

    await callback(await approveConsent((await app.caller.endpoints.connectUrl({ id: created.id })).url));
    const second = await createEndpointResolver(app, app.workflowId).get(created.id);
    expect(second?.auth.type === 'slack' && second.auth.tokens?.accessToken).not.toBe(first?.auth.type === 'slack' && first.auth.tokens?.accessToken);
  });

  it('reports a declined consent and a state started by another user, without connecting', async () => {
    const created = await endpoint('slack');
    const denied = await callback(await approveConsent((await app.caller.endpoints.connectUrl({ id: created.id })).url, 'deny'));
    expect(denied.status).toBe(400);
    expect(postedMessage(denied.html)).toMatchObject({ type: 'flowyard:connect-failed', endpointId: created.id, message: expect.stringContaining('access_denied') });

    const query = await approveConsent((await app.caller.endpoints.connectUrl({ id: created.id })).url);
    const other = await app.services.endpoints.completeConnect(query, { id: 'someone-else', name: 'Mallory', email: 'm@example.com', role: 'developer', disabled: false, createdAt: '2024-01-01T00:00:00.000Z' });
    expect(other).toMatchObject({ ok: false, message: expect.stringContaining('another user') });
    expect((await app.caller.endpoints.get({ id: created.id })).auth).toEqual({ type: 'slack', connection: null, connectionDropped: false });
  });

  it('refuses a Connect that completes after the base URL moved to another origin (SPEC §7a)', async () => {
    const created = await endpoint('slack');
    const query = await approveConsent((await app.caller.endpoints.connectUrl({ id: created.id })).url);
    await app.caller.endpoints.update({ id: created.id, name: created.name, baseUrl: 'http://127.0.0.2:9/api', auth: { type: 'slack' } });
    const page = await callback(query);
    expect(postedMessage(page.html)).toMatchObject({ type: 'flowyard:connect-failed', message: expect.stringContaining('moved to another address') });
    expect((await app.caller.endpoints.get({ id: created.id })).auth).toMatchObject({ connection: null });
  });

  it('refuses Connect for other types and says which settings are missing when Slack is not set up', async () => {
    const basic = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Basic one', baseUrl: 'https://a.example', auth: { type: 'none' } });
    expect(await apiErrorOf(app.caller.endpoints.connectUrl({ id: basic.id }))).toMatchObject({ code: 'VALIDATION_FAILED' });

    const bare = await createTestApp({ publicUrl });
    try {
      const created = await bare.caller.endpoints.create({ workflowId: bare.workflowId, name: 'S', baseUrl: 'https://slack.com/api', auth: { type: 'slack' } });
      const error = await apiErrorOf(bare.caller.endpoints.connectUrl({ id: created.id }));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('FLOWYARD_SLACK_CLIENT_ID and FLOWYARD_SLACK_CLIENT_SECRET') });
      expect(await bare.caller.endpoints.authSettings()).toEqual({
        salesforceLoginUrl: 'https://login.salesforce.com',
        connect: {
          slack: { configured: false, missing: 'FLOWYARD_SLACK_CLIENT_ID and FLOWYARD_SLACK_CLIENT_SECRET' },
          msgraph: { configured: false, missing: 'FLOWYARD_MS_CLIENT_ID and FLOWYARD_MS_CLIENT_SECRET' },
        },
      });
    } finally {
      await bare.close();
    }
  });
});

describe('Microsoft Graph Connect', () => {
  it('uses PKCE S256, keeps the verifier on the server, and connects', async () => {
    const created = await endpoint('msgraph');
    const { url } = await app.caller.endpoints.connectUrl({ id: created.id });
    const authorize = new URL(url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${providers.microsoft.identityUrl}/common/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toContain('offline_access');
    expect(url).not.toContain('code_verifier');

    const page = await callback(await approveConsent(url));
    expect(postedMessage(page.html)).toEqual({ type: 'flowyard:connected', endpointId: created.id });
    const exchange = providers.requests.filter((r) => r.provider === 'microsoft' && r.path.endsWith('/token')).at(-1);
    expect(exchange?.form.get('grant_type')).toBe('authorization_code');
    expect(exchange?.form.get('code_verifier')).toMatch(/^[\w-]{43,}$/);
    expect((await app.caller.endpoints.get({ id: created.id })).auth).toMatchObject({
      type: 'msgraph',
      connection: { account: 'Megan Bowen (megan@contoso.example)', connectedBy: 'Admin' },
    });
  });

  it('a callback whose code was issued for another state fails the PKCE check at the provider', async () => {
    const first = await endpoint('msgraph');
    const second = await endpoint('msgraph');
    const firstQuery = await approveConsent((await app.caller.endpoints.connectUrl({ id: first.id })).url);
    const secondQuery = await approveConsent((await app.caller.endpoints.connectUrl({ id: second.id })).url);
    // The first popup's code with the second popup's state: the second verifier does not match.
    const mixed = new URLSearchParams({ code: firstQuery.get('code') ?? '', state: secondQuery.get('state') ?? '' });
    const page = await callback(mixed);
    expect(page.status).toBe(400);
    expect(postedMessage(page.html)).toMatchObject({ type: 'flowyard:connect-failed', endpointId: second.id, message: expect.stringContaining('invalid_grant') });
  });

  it('runs a flow with the connected token, refreshes it after expiry and stores the rotated refresh token', async () => {
    const created = await endpoint('msgraph');
    await callback(await approveConsent((await app.caller.endpoints.connectUrl({ id: created.id })).url));
    const connected = await createEndpointResolver(app, app.workflowId).get(created.id);
    const flow = await app.caller.flows.create({ workflowId: app.workflowId, name: `Graph flow ${created.id}` });
    await app.caller.flows.save({ id: flow.id, version: flow.version, graph: chainGraph([{ id: 'me', name: 'Me', endpointId: created.id, path: '/v1.0/me' }]) });

    const first = await app.caller.runs.start({ flowId: flow.id, payload: {} });
    await app.services.runs.whenIdle();
    const firstRun = await app.caller.runs.get({ runId: first.runId });
    expect(firstRun.run.status).toBe('succeeded');
    expect(firstRun.steps.find((s) => s.nodeId === 'me')?.exchanges.map((x) => x.status)).toEqual([200]);

    providers.expireTokens();
    const second = await app.caller.runs.start({ flowId: flow.id, payload: {} });
    await app.services.runs.whenIdle();
    const secondRun = await app.caller.runs.get({ runId: second.runId });
    expect(secondRun.steps.find((s) => s.nodeId === 'me')?.exchanges.map((x) => `${x.method} ${x.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200']);

    // The rotated refresh token is stored (the mock refuses the used one from now on).
    const stored = await waitForStoredRefresh(created.id, connected?.auth.type === 'msgraph' ? connected.auth.tokens?.refreshToken : undefined);
    expect(stored).toMatch(/^ms-refresh-/);
  });
});

async function waitForStoredRefresh(id: string, previous: string | null | undefined): Promise<string | null | undefined> {
  for (let i = 0; i < 50; i += 1) {
    const resolved = await createEndpointResolver(app, app.workflowId).get(id);
    const current = resolved?.auth.type === 'msgraph' ? resolved.auth.tokens?.refreshToken : undefined;
    if (current !== previous) return current;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the refreshed tokens were not stored');
}
