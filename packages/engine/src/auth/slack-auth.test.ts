import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customStepBodySchema, type CustomStepDefinition } from '../custom-step/custom-step';
import type { ConnectedTokens } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { endpointNameKey } from '../endpoint/endpoint-name';
import { flowGraphSchema } from '../flow/flow-graph';
import type { RunEvent, StepRecord } from '../run/run-record';
import { runFlow } from '../runner/run-flow';
import { createScriptPool } from '../script/script-pool';
import { approveInMock, endpointWith, failure, get, mockCredentials, startAuthKit, type AuthKit } from './auth-test-kit';
import { completeSlackConnect, slackAuthorizationUrl, type SlackConnectApp } from './connect-slack';

const SLOW = { timeout: 60_000 };
const redirectUri = 'http://127.0.0.1:3999/oauth/callback';
const pool = createScriptPool({ size: 1 });
let kit: AuthKit;
let app: SlackConnectApp;
beforeAll(async () => {
  kit = await startAuthKit();
  app = { url: kit.providers.slack.url, clientId: mockCredentials.slack.clientId, clientSecret: mockCredentials.slack.clientSecret };
  await pool.warmUp();
}, 60_000);
afterAll(async () => {
  await pool.close();
  await kit.close();
});

const deps = () => ({ fetch: (url: string, init: RequestInit) => fetch(url, init), now: kit.clock.now });

async function connect(): Promise<{ tokens: ConnectedTokens; account: string }> {
  const callback = await approveInMock(slackAuthorizationUrl(app, redirectUri, 'st'));
  expect(callback.get('state')).toBe('st');
  const { tokens, account } = await completeSlackConnect(app, redirectUri, callback, deps());
  return { tokens: { ...tokens, connectedAt: kit.clock.now().toISOString() }, account };
}

describe('Slack Connect', () => {
  it('asks for the SPEC scopes, redeems the code at oauth.v2.access and names the account', async () => {
    const url = new URL(slackAuthorizationUrl(app, redirectUri, 'st'));
    expect(url.pathname).toBe('/slack/oauth/v2/authorize');
    expect(url.searchParams.get('scope')).toBe('users:read,team:read,channels:history,channels:write,channels:read,chat:write:bot,chat:write:user');
    const { tokens, account } = await connect();
    expect(tokens.accessToken).toMatch(/^xoxb-/);
    expect(account).toBe('mock.user in Mock Team');
  });

  it("reports Slack's refusal of a used code", async () => {
    const callback = await approveInMock(slackAuthorizationUrl(app, redirectUri, 'st'));
    await completeSlackConnect(app, redirectUri, callback, deps());
    const error = await failure(completeSlackConnect(app, redirectUri, callback, deps()));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('invalid_code'), details: { status: 200 } });
  });
});

describe('Slack requests', () => {
  it('carry no token: the engine adds nothing', async () => {
    const { tokens } = await connect();
    const response = await kit.http.send(get(endpointWith(kit.providers.slack.apiUrl, { type: 'slack', tokens }), '/auth.test', { method: 'POST' }), () => {});
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: 'not_authed' });
    expect(kit.providers.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('http.authenticate fails clearly for an endpoint nobody connected', async () => {
    const error = await failure(kit.http.accessToken({ endpoint: endpointWith(kit.providers.slack.apiUrl, { type: 'slack', tokens: null }, 'Chat'), timeoutMs: 1_000 }, () => {}));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringContaining('"Chat" is not connected') });
  });

  it('a custom step script gets the token only from http.authenticate, and the record never shows it', SLOW, async () => {
    const { tokens } = await connect();
    const slack: ResolvedEndpoint = endpointWith(kit.providers.slack.apiUrl, { type: 'slack', tokens }, 'Slack');
    const definition: CustomStepDefinition = {
      id: 'cs-slack',
      ...customStepBodySchema.parse({
        name: 'Post to Slack',
        outputs: [{ id: 'o1', label: 'Without' }, { id: 'o2', label: 'With' }, { id: 'o3', label: 'Query' }],
        includeEndpoint: true,
        endpointLabel: 'Workspace',
        script: `
          var plain = http.request({ endpoint: 'Workspace', method: 'POST', path: '/auth.test' }).write();
          output['Without'] = JSON.parse(plain.body).error || 'ok';
          var token = http.authenticate('Workspace');
          var posted = http.request({ endpoint: 'Workspace', method: 'POST', path: '/chat.postMessage',
                                      headers: { Authorization: 'Bearer ' + token } }).write({ channel: 'C1', text: 'hi' });
          output['With'] = JSON.parse(posted.body).ok;
          var viaQuery = http.request({ endpoint: 'Slack', method: 'GET', path: '/auth.test?token=' + token }).write();
          output['Query'] = JSON.parse(viaQuery.body).user;
        `,
      }),
    };
    const events: RunEvent[] = [];
    const summary = await runFlow({
      runId: 'run-slack',
      user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
      flow: {
        id: 'flow-slack',
        version: 1,
        graph: flowGraphSchema.parse({
          nodes: [
            { id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Start', config: {} } },
            { id: 's', type: 'custom-step', position: { x: 0, y: 0 }, data: { name: 'Post', config: { customStepId: 'cs-slack', endpointId: slack.id } } },
          ],
          edges: [{ id: 'e', source: 't', target: 's' }],
        }),
      },
      trigger: { nodeId: 't', payload: null, type: 'manual' },
      endpoints: { get: async (id) => (id === slack.id ? slack : undefined), getByName: async (name) => (endpointNameKey(name) === 'slack' ? slack : undefined) },
      http: kit.http,
      scripting: { customSteps: { get: async (id) => (id === definition.id ? definition : undefined) }, scripts: pool, constants: async () => ({}), libraries: async () => ({}) },
      sink: (event) => void events.push(event),
    });
    let step: StepRecord | undefined;
    for (const event of events) if (event.type === 'step' && event.step.nodeId === 's') step = event.step;

    expect(summary.status).toBe('succeeded');
    expect(step?.outputs).toEqual({ Without: 'not_authed', With: 'true', Query: mockCredentials.slack.userName });
    const sent = kit.providers.requests.slice(-3);
    expect(sent.map((r) => r.headers.authorization ?? null)).toEqual([null, `Bearer ${tokens.accessToken}`, null]);
    const record = JSON.stringify(step);
    expect(record).not.toContain(tokens.accessToken);
    expect(step?.exchanges[2]?.url).toBe(`${kit.providers.slack.apiUrl}/auth.test?token=[redacted]`);
  });
});
