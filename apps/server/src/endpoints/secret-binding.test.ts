import { basicAuthorization, type EndpointView, type HttpExchange } from '@flowyard/engine';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveConsent } from '../../../../e2e/mocks/providers/approve-consent';
import { mockCredentials, startMockProviders, type MockProviders } from '../../../../e2e/mocks/providers/start-mock-providers';
import { createApp } from '../http/app';
import { chainGraph } from '../testing/graphs';
import { startRawListener, type RawListener } from '../testing/raw-listener';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { apiErrorOf, createTestApp, type TestApp } from '../testing/test-app';
import { createEndpointResolver } from './endpoint-resolver';

// SPEC §7a: a secret is bound to the origins it is sent to. A Developer moves an admin's endpoint
// to their own host (127.0.0.2, which Linux routes to lo like 127.0.0.1) without the secrets:
// refused, nothing saved, and nothing the endpoint holds ever reaches that host.

const SLOW = { timeout: 60_000 };
// Characters that every encoding writes differently: raw, percent-, form-encoded, base64.
const tricky = ' &+"/\\é=%';
const secrets = {
  basic: `basic-pw${tricky}`,
  oauth2: { password: `oauth2-pw${tricky}`, clientSecret: `oauth2-cs${tricky}` },
  salesforce: { password: `sf-pw${tricky}`, clientSecret: `sf-cs${tricky}` },
  remedy: `remedy-pw${tricky}`,
  servicenow: `snow-pw${tricky}`,
};

let providers: MockProviders;
let app: TestApp;
let developer: TestApp['caller'];
let attacker: RawListener;
let basicTarget: TargetServer;
let otherBasicTarget: TargetServer;
let http: Server;
let publicBase = '';

/** A target that wants Basic `svc` / the basic secret (a 401 challenge otherwise). */
const basicProtected = () =>
  startTargetServer((req, res) => {
    const ok = req.headers.authorization === basicAuthorization('svc', secrets.basic);
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json', ...(ok ? {} : { 'www-authenticate': 'Basic realm="t"' }) });
    res.end(JSON.stringify({ ok }));
  });

beforeAll(async () => {
  providers = await startMockProviders({
    credentials: {
      oauth2: secrets.oauth2,
      salesforce: secrets.salesforce,
      remedy: { password: secrets.remedy },
      servicenow: { password: secrets.servicenow },
    },
  });
  app = await createTestApp({ env: providers.env });
  developer = (await app.createUser('developer')).caller;
  attacker = await startRawListener('127.0.0.2');
  basicTarget = await basicProtected();
  otherBasicTarget = await basicProtected();
  http = createApp({ services: app.services, webDist: '/nonexistent' }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  const address = http.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  publicBase = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await app.close();
  await Promise.all([providers.close(), attacker.close(), basicTarget.close(), otherBasicTarget.close()]);
});

const formEncode = (value: string): string => new URLSearchParams({ s: value }).toString().slice(2);

/** Every form a secret travels in, as the bytes on the wire read in latin1. */
function wireForms(secret: string, username: string, clientId?: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    formEncode(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(`${username}:${secret}`, 'utf8').toString('base64'),
    // The OAuth client's Basic pair: form-encoded id and secret (RFC 6749 §2.3.1), or plainly percent-encoded.
    ...(clientId === undefined
      ? []
      : [`${formEncode(clientId)}:${formEncode(secret)}`, `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`].map((pair) => Buffer.from(pair, 'utf8').toString('base64'))),
  ];
  return forms.map((form) => Buffer.from(form, 'utf8').toString('latin1'));
}

type AuthInput = Parameters<TestApp['caller']['endpoints']['create']>[0]['auth'];
type UpdateInput = Parameters<TestApp['caller']['endpoints']['update']>[0];

interface Case {
  type: 'basic' | 'oauth2' | 'salesforce' | 'remedy' | 'servicenow';
  baseUrl: () => string;
  auth: () => AuthInput;
  /** Each origin a secret goes to, and the update that moves it to the attacker. */
  moves: Array<{ what: string; move: (view: EndpointView, to: string) => UpdateInput }>;
  /** A same-origin path change (and the update that undoes it). */
  pathChange: (view: EndpointView) => UpdateInput;
  secretFields: string[];
  forms: () => string[];
  path: string;
  testable: boolean;
}

const strip = (auth: AuthInput): AuthInput => {
  switch (auth.type) {
    case 'basic':
      return { type: 'basic', username: auth.username, preemptive: auth.preemptive };
    case 'oauth2':
      return { type: 'oauth2', tokenUrl: auth.tokenUrl, username: auth.username, clientId: auth.clientId };
    case 'salesforce':
      return { type: 'salesforce', tokenUrl: auth.tokenUrl, username: auth.username, clientId: auth.clientId };
    case 'remedy':
    case 'servicenow':
      return { type: auth.type, username: auth.username };
    default:
      return auth;
  }
};

const update = (view: EndpointView, auth: AuthInput, baseUrl = view.baseUrl): UpdateInput => ({ id: view.id, name: view.name, baseUrl, trustSelfSigned: false, auth });
const withPassword = (auth: AuthInput, password: string): AuthInput => (auth.type === 'oauth2' || auth.type === 'salesforce' ? { ...auth, password } : auth);
const withTokenUrl = (auth: AuthInput, tokenUrl: string): AuthInput => (auth.type === 'oauth2' || auth.type === 'salesforce' ? { ...auth, tokenUrl } : auth);

const passwordIssue = { path: 'auth.password', message: 'Re-enter the password to send it to the new address' };
const clientSecretIssue = { path: 'auth.clientSecret', message: 'Re-enter the client secret to send it to the new address' };

const cases: Case[] = [
  {
    type: 'basic',
    baseUrl: () => `${basicTarget.url}/api`,
    auth: () => ({ type: 'basic', username: 'svc', password: secrets.basic, preemptive: false }),
    moves: [{ what: 'base URL', move: (view, to) => update(view, strip(authOf('basic')), `${to}/api`) }],
    pathChange: (view) => update(view, strip(authOf('basic')), `${basicTarget.url}/v2`),
    secretFields: ['auth.password'],
    forms: () => wireForms(secrets.basic, 'svc'),
    path: '/hello',
    testable: false,
  },
  {
    type: 'oauth2',
    baseUrl: () => providers.oauth2.apiUrl,
    auth: () => ({ type: 'oauth2', tokenUrl: providers.oauth2.tokenUrl, username: mockCredentials.oauth2.username, clientId: mockCredentials.oauth2.clientId, ...secrets.oauth2 }),
    moves: [
      { what: 'base URL', move: (view, to) => update(view, strip(authOf('oauth2')), `${to}/api`) },
      { what: 'token URL', move: (view, to) => update(view, withTokenUrl(strip(authOf('oauth2')), `${to}/oauth/token`)) },
    ],
    pathChange: (view) => update(view, withTokenUrl(strip(authOf('oauth2')), `${providers.url}/oauth2/other/token`), `${providers.oauth2.apiUrl}/v2`),
    secretFields: ['auth.password', 'auth.clientSecret'],
    forms: () => [...wireForms(secrets.oauth2.password, mockCredentials.oauth2.username), ...wireForms(secrets.oauth2.clientSecret, mockCredentials.oauth2.username, mockCredentials.oauth2.clientId)],
    path: '/orders',
    testable: true,
  },
  {
    type: 'salesforce',
    baseUrl: () => providers.salesforce.instanceUrl,
    // '' : the server's Salesforce login URL.
    auth: () => ({ type: 'salesforce', tokenUrl: '', username: mockCredentials.salesforce.username, clientId: mockCredentials.salesforce.clientId, ...secrets.salesforce }),
    moves: [
      { what: 'base URL', move: (view, to) => update(view, strip(authOf('salesforce')), to) },
      { what: 'token URL', move: (view, to) => update(view, withTokenUrl(strip(authOf('salesforce')), to)) },
    ],
    pathChange: (view) => update(view, withTokenUrl(strip(authOf('salesforce')), providers.salesforce.tokenUrl), `${providers.salesforce.instanceUrl}/v2`),
    secretFields: ['auth.password', 'auth.clientSecret'],
    forms: () => [
      ...wireForms(secrets.salesforce.password, mockCredentials.salesforce.username),
      ...wireForms(secrets.salesforce.clientSecret, mockCredentials.salesforce.username, mockCredentials.salesforce.clientId),
    ],
    path: '/services/data/v60.0/query',
    testable: true,
  },
  {
    type: 'remedy',
    baseUrl: () => providers.remedy.baseUrl,
    auth: () => ({ type: 'remedy', username: mockCredentials.remedy.username, password: secrets.remedy }),
    moves: [{ what: 'base URL', move: (view, to) => update(view, strip(authOf('remedy')), `${to}/remedy`) }],
    pathChange: (view) => update(view, strip(authOf('remedy')), `${providers.url}/elsewhere`),
    secretFields: ['auth.password'],
    forms: () => wireForms(secrets.remedy, mockCredentials.remedy.username),
    path: '/api/arsys/v1/entry/HPD',
    testable: true,
  },
  {
    type: 'servicenow',
    baseUrl: () => providers.servicenow.baseUrl,
    auth: () => ({ type: 'servicenow', username: mockCredentials.servicenow.username, password: secrets.servicenow }),
    moves: [{ what: 'base URL', move: (view, to) => update(view, strip(authOf('servicenow')), `${to}/servicenow`) }],
    pathChange: (view) => update(view, strip(authOf('servicenow')), `${providers.url}/elsewhere`),
    secretFields: ['auth.password'],
    forms: () => wireForms(secrets.servicenow, mockCredentials.servicenow.username),
    path: '/api/now/table/incident',
    testable: true,
  },
];

function authOf(type: Case['type']): AuthInput {
  const found = cases.find((c) => c.type === type);
  if (found === undefined) throw new Error(type);
  return found.auth();
}

describe('secrets bound to their origins (SPEC §7a)', () => {
  it('a Developer cannot move any auth type’s secrets to another host; every request still goes only to the real address', SLOW, async () => {
    const created = new Map<Case['type'], EndpointView>();
    for (const c of cases) created.set(c.type, await app.caller.endpoints.create({ workflowId: app.workflowId, name: `Admin ${c.type}`, baseUrl: c.baseUrl(), auth: c.auth() }));

    for (const c of cases) {
      const view = created.get(c.type);
      if (view === undefined) throw new Error(c.type);
      for (const { what, move } of c.moves) {
        const refused = await apiErrorOf(developer.endpoints.update(move(view, attacker.url)));
        expect(refused, `${c.type}: ${what}`).toMatchObject({ code: 'VALIDATION_FAILED', trpcCode: 'BAD_REQUEST' });
        expect(refused.issues, `${c.type}: ${what}`).toEqual(c.secretFields.map((field) => (field === 'auth.password' ? passwordIssue : clientSecretIssue)));
        // Entering only one of two secrets is not enough: the other would follow.
        if (c.secretFields.length === 2) {
          const half = move(view, attacker.url);
          const partly = await apiErrorOf(developer.endpoints.update({ ...half, auth: withPassword(half.auth, 'typed-anew') }));
          expect(partly.issues).toEqual([clientSecretIssue]);
        }
        expect(await app.caller.endpoints.get({ id: view.id }), `${c.type}: ${what} left the endpoint as it was`).toEqual(view);
      }
      // A path change within the same origins needs no secret, and keeps them.
      const moved = await developer.endpoints.update(c.pathChange(view));
      const stillSet = Object.fromEntries(Object.entries(view.auth).filter(([key]) => key.endsWith('Set')));
      expect(stillSet).not.toEqual({});
      expect(moved.auth).toMatchObject(stillSet);
      await developer.endpoints.update(update(moved, strip(c.auth()), c.baseUrl()));
    }

    // Test request, Test Authentication and a run, as the Developer, with the stored secrets.
    const exchanges: HttpExchange[] = [];
    for (const c of cases) {
      const id = created.get(c.type)?.id ?? '';
      const tested = await developer.endpoints.testRequest({ id, path: c.path });
      expect(tested.response?.status, c.type).toBe(200);
      exchanges.push(...tested.exchanges);
      if (c.testable) {
        const checked = await developer.endpoints.testAuthentication({ id });
        expect(checked.ok, c.type).toBe(true);
        exchanges.push(...checked.exchanges);
      }
    }
    const flow = await developer.flows.create({ workflowId: app.workflowId, name: 'Calls every endpoint' });
    const steps = cases.map((c) => ({ id: c.type, name: `Call ${c.type}`, endpointId: created.get(c.type)?.id ?? null, path: c.path }));
    await developer.flows.save({ id: flow.id, version: flow.version, graph: chainGraph(steps) });
    const { runId } = await developer.runs.start({ flowId: flow.id, payload: {} });
    await app.services.runs.whenIdle();
    const run = await developer.runs.get({ runId });
    expect(run.run.status).toBe('succeeded');
    exchanges.push(...run.steps.flatMap((step) => step.exchanges));

    expect(exchanges.length).toBeGreaterThan(10);
    const real = [providers.url, basicTarget.url];
    expect(exchanges.filter((x) => !real.some((origin) => x.url.startsWith(`${origin}/`))).map((x) => x.url)).toEqual([]);
    // Besides each secret's forms: every credential and token as it travelled to the real targets
    // (the OAuth client's Basic pair in oauth4webapi's strict form encoding, Bearer and AR-JWT tokens).
    const travelled = [...providers.requests.map((r) => r.headers.authorization), ...basicTarget.requests.map((r) => r.headers.authorization)]
      .flatMap((header) => (typeof header === 'string' ? [header.replace(/^\S+ /, '')] : []));
    expect(travelled.length).toBeGreaterThan(10);
    const wire = attacker.received();
    for (const form of [...cases.flatMap((c) => c.forms()), ...travelled]) expect(wire).not.toContain(form);
    expect(attacker.connections()).toBe(0);
  });

  it('a move with every secret entered again is accepted, and the secret goes to the new address', async () => {
    const view = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'Moved with care', baseUrl: basicTarget.url, auth: authOf('basic') });
    const moved = await developer.endpoints.update(update(view, authOf('basic'), `${otherBasicTarget.url}/api`));
    expect(moved.baseUrl).toBe(`${otherBasicTarget.url}/api`);
    const before = otherBasicTarget.requests.length;
    expect((await developer.endpoints.testRequest({ id: view.id, path: '/x' })).response?.status).toBe(200);
    expect(otherBasicTarget.requests.slice(before).map((r) => r.headers.authorization)).toContain(basicAuthorization('svc', secrets.basic));
  });

  it('default ports and the case of the host are the same origin', async () => {
    const view = await app.caller.endpoints.create({
      workflowId: app.workflowId,
      name: 'Same origin spelt otherwise',
      baseUrl: 'https://api.example.com/v1',
      auth: { type: 'servicenow', username: 'u', password: 'pw' },
    });
    const saved = await developer.endpoints.update(update(view, { type: 'servicenow', username: 'u' }, 'HTTPS://API.Example.com:443/v2'));
    expect(saved.auth).toEqual({ type: 'servicenow', username: 'u', passwordSet: true });
    const refused = await apiErrorOf(developer.endpoints.update(update(view, { type: 'servicenow', username: 'u' }, 'https://api.example.com:8443/v2')));
    expect(refused.issues).toEqual([passwordIssue]);
  });

  it('an imported endpoint that needs credentials still chooses its type (and address) on its first save', async () => {
    const source = await app.caller.endpoints.create({ workflowId: app.workflowId, name: 'To import', baseUrl: 'https://old.example.com', auth: { type: 'none' } });
    const file = await app.caller.workflows.export({ workflowId: app.workflowId });
    const result = await app.caller.workflows.import({ workflowId: app.workflowId, file, bindings: {} });
    const imported = result.endpoints.find((e) => e.created && e.name.startsWith(source.name));
    const view = await app.caller.endpoints.get({ id: imported?.id ?? '' });
    expect(view).toMatchObject({ needsCredentials: true, auth: { type: 'none' } });
    const saved = await developer.endpoints.update(update(view, authOf('basic'), basicTarget.url));
    expect(saved).toMatchObject({ needsCredentials: false, baseUrl: basicTarget.url, auth: { type: 'basic', passwordSet: true } });
  });
});

describe('Slack and Graph connections bound to the base URL origin', () => {
  async function connected(type: 'slack' | 'msgraph'): Promise<EndpointView> {
    const baseUrl = type === 'slack' ? providers.slack.apiUrl : providers.microsoft.graphUrl;
    const view = await app.caller.endpoints.create({ workflowId: app.workflowId, name: `Connected ${type}`, baseUrl, auth: { type } });
    const { url } = await app.caller.endpoints.connectUrl({ id: view.id });
    const query = await approveConsent(url);
    const page = await fetch(`${publicBase}/oauth/callback?${query.toString()}`, { headers: { cookie: await app.sessionCookie() } });
    expect(page.status).toBe(200);
    return app.caller.endpoints.get({ id: view.id });
  }

  it('a path change keeps the connection; a new origin drops it ("Connect again") and no token reaches that host', SLOW, async () => {
    const elsewhere = await startRawListener('127.0.0.2');
    try {
      for (const type of ['slack', 'msgraph'] as const) {
        const view = await connected(type);
        expect(view.auth).toMatchObject({ connection: { connectedBy: 'Admin' }, connectionDropped: false });
        const resolver = createEndpointResolver(app, app.workflowId);
        const before = (await resolver.get(view.id))?.auth;
        const tokens = before?.type === type && before.tokens !== null ? [before.tokens.accessToken, before.tokens.refreshToken ?? ''].filter((t) => t !== '') : [];
        expect(tokens.length).toBeGreaterThan(0);

        const kept = await developer.endpoints.update(update(view, { type }, `${view.baseUrl}/v2`));
        expect(kept.auth).toEqual(view.auth);

        const moved = await developer.endpoints.update(update(view, { type }, `${elsewhere.url}/api`));
        expect(moved.auth).toEqual({ type, connection: null, connectionDropped: true });
        expect((await resolver.get(view.id))?.auth).toMatchObject({ type, tokens: null });
        // Saving again keeps it dropped until someone connects.
        expect((await developer.endpoints.update(update(moved, { type }))).auth).toEqual(moved.auth);

        // Requests through it carry no token: Graph's refuses to send, Slack's goes without one.
        const tested = await developer.endpoints.testRequest({ id: view.id, path: '/me' });
        if (type === 'msgraph') expect(tested.error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('not connected') });
        for (const token of tokens) expect(elsewhere.received()).not.toContain(token);

        // Connect again (at the new address) clears the mark.
        const { url } = await app.caller.endpoints.connectUrl({ id: view.id });
        const page = await fetch(`${publicBase}/oauth/callback?${(await approveConsent(url)).toString()}`, { headers: { cookie: await app.sessionCookie() } });
        expect(page.status).toBe(200);
        expect((await app.caller.endpoints.get({ id: view.id })).auth).toMatchObject({ connection: { connectedBy: 'Admin' }, connectionDropped: false });
      }
    } finally {
      await elsewhere.close();
    }
  });
});
