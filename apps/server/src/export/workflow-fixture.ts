import type { CustomStepCreateInput, EndpointCreateInput, FlowSaveInput } from '@flowyard/engine';
import { storeConnection } from '../endpoints/stored-auth';
import type { TestApp } from '../testing/test-app';

/**
 * Values planted in a workflow's authentication: none may appear in an export file.
 * Each is unique enough that finding it anywhere in the file's JSON means a leak.
 */
export const planted = {
  basicUser: 'planted-basic-user',
  basicPassword: 'planted-basic-password',
  oauth2TokenUrl: 'https://planted-oauth2-idp.example/token',
  oauth2User: 'planted-oauth2-user',
  oauth2Password: 'planted-oauth2-password',
  oauth2ClientId: 'planted-oauth2-client-id',
  oauth2ClientSecret: 'planted-oauth2-client-secret',
  salesforceTokenUrl: 'https://planted-salesforce-login.example',
  salesforceUser: 'planted-salesforce-user',
  salesforcePassword: 'planted-salesforce-password',
  salesforceClientId: 'planted-salesforce-client-id',
  salesforceClientSecret: 'planted-salesforce-client-secret',
  slackAccount: 'planted-slack-team / planted-slack-user',
  slackAccessToken: 'planted-slack-access-token',
  slackRefreshToken: 'planted-slack-refresh-token',
  graphAccount: 'planted-graph-account',
  graphAccessToken: 'planted-graph-access-token',
  graphRefreshToken: 'planted-graph-refresh-token',
  connectedBy: 'planted-connected-by',
  connectedAt: '2026-03-04T05:06:07.000Z',
  remedyUser: 'planted-remedy-user',
  remedyPassword: 'planted-remedy-password',
  servicenowUser: 'planted-servicenow-user',
  servicenowPassword: 'planted-servicenow-password',
};

type Auth = EndpointCreateInput['auth'];
const endpointsByAuth: [string, Auth][] = [
  ['Plain', { type: 'none' }],
  ['Basic API', { type: 'basic', username: planted.basicUser, password: planted.basicPassword, preemptive: false }],
  ['OAuth2 API', { type: 'oauth2', tokenUrl: planted.oauth2TokenUrl, username: planted.oauth2User, password: planted.oauth2Password, clientId: planted.oauth2ClientId, clientSecret: planted.oauth2ClientSecret }],
  ['Salesforce', { type: 'salesforce', tokenUrl: planted.salesforceTokenUrl, username: planted.salesforceUser, password: planted.salesforcePassword, clientId: planted.salesforceClientId, clientSecret: planted.salesforceClientSecret }],
  ['Slack', { type: 'slack' }],
  ['Graph', { type: 'msgraph' }],
  ['Remedy', { type: 'remedy', username: planted.remedyUser, password: planted.remedyPassword }],
  ['ServiceNow', { type: 'servicenow', username: planted.servicenowUser, password: planted.servicenowPassword }],
];

type StepInput = CustomStepCreateInput['step'];
export const posterStep: StepInput = {
  name: 'Post to Slack',
  description: 'Posts a message',
  icon: 'message-square',
  inputs: [{ id: 'msg', label: 'Message', required: true, helpText: 'What to say' }],
  outputs: [{ id: 'ts', label: 'Timestamp' }],
  includeEndpoint: true,
  endpointLabel: 'Target',
  script: [
    "var token = http.authenticate('Slack');",
    "var resp = http.request({ endpoint: 'Slack', method: 'POST', path: '/chat.postMessage', headers: { Authorization: 'Bearer ' + token } }).write({ text: input['Message'] });",
    "http.request({ endpoint: 'Target' }).write();",
    "output['Timestamp'] = constants['Channel'] + require('format').stamp(resp.body);",
  ].join('\n'),
  timeoutMs: 20_000,
};

/** A workflow with an endpoint of every auth type (and a step using the built-in one) (Slack and Graph connected, https ones trusting self-signed), flows, a custom step, constants and a library. */
export async function seedWorkflow(app: TestApp) {
  const ids: Record<string, string> = {};
  for (const [name, auth] of endpointsByAuth) {
    const created = await app.caller.endpoints.create({ workflowId: app.workflowId, name, baseUrl: `https://${name.toLowerCase().replace(/\W/g, '')}.example/api`, trustSelfSigned: true, auth });
    ids[name] = created.id;
  }
  const slackTokens = { accessToken: planted.slackAccessToken, expiresAt: null, refreshToken: planted.slackRefreshToken, connectedAt: planted.connectedAt };
  const graphTokens = { accessToken: planted.graphAccessToken, expiresAt: 1_900_000_000_000, refreshToken: planted.graphRefreshToken, connectedAt: planted.connectedAt };
  await connect(app, ids['Slack'] ?? '', 'slack', planted.slackAccount, slackTokens);
  await connect(app, ids['Graph'] ?? '', 'msgraph', planted.graphAccount, graphTokens);

  const builtinId = (await app.caller.endpoints.list({ workflowId: app.workflowId })).find((e) => e.builtIn)?.id ?? null;
  const step = await app.caller.customSteps.create({ workflowId: app.workflowId, step: posterStep });
  await app.caller.constants.set({ workflowId: app.workflowId, name: 'Channel', value: '#general' });
  await app.caller.libraries.save({ workflowId: app.workflowId, name: 'format', source: 'exports.stamp = function (s) { return String(s).length; };' });

  const graph: FlowSaveInput['graph'] = {
    nodes: [
      { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Start', config: { testPayload: '{"who":"me"}' } } },
      {
        id: 'fetch',
        type: 'http-request',
        position: { x: 10, y: 120 },
        data: { name: 'Fetch', config: { endpointId: ids['ServiceNow'] ?? null, method: 'POST', path: '/table?x=1', headers: [{ name: 'X-Trace', value: '{{trigger.body.who}}' }], body: '{"a":1}' } },
      },
      { id: 'post', type: 'custom-step', position: { x: 20, y: 240 }, data: { name: 'Post', config: { customStepId: step.id, inputs: { msg: '{{Fetch.body}}' }, endpointId: ids['Basic API'] ?? null } } },
      { id: 'route', type: 'switch', position: { x: 30, y: 360 }, data: { name: 'Route', config: { value: '{{Fetch.status}}', cases: [{ id: 'ok', value: '200' }] } } },
      { id: 'unbound', type: 'http-request', position: { x: 40, y: 480 }, data: { name: 'Not ready', config: { endpointId: null } } },
      { id: 'self', type: 'http-request', position: { x: 50, y: 600 }, data: { name: 'Who am I', config: { endpointId: builtinId, path: '/api/v1/users?search=a' } } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'fetch' },
      { id: 'e2', source: 'fetch', target: 'post' },
      { id: 'e3', source: 'post', target: 'route' },
      { id: 'e4', source: 'route', target: 'unbound', sourceHandle: 'ok' },
      { id: 'e5', source: 'route', target: 'self', sourceHandle: 'default' },
    ],
  };
  const main = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Main flow' });
  await app.caller.flows.save({ id: main.id, version: main.version, graph });
  const second = await app.caller.flows.create({ workflowId: app.workflowId, name: 'Salesforce sync' });
  await app.caller.flows.save({
    id: second.id,
    version: second.version,
    graph: {
      nodes: [
        { id: 't', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Trigger', config: {} } },
        { id: 'sf', type: 'http-request', position: { x: 0, y: 100 }, data: { name: 'Query', config: { endpointId: ids['Salesforce'] ?? null, path: '/query' } } },
      ],
      edges: [{ id: 'e', source: 't', target: 'sf' }],
    },
  });
  return { endpointIds: ids, customStepId: step.id, builtinId };
}

async function connect(app: TestApp, id: string, type: 'slack' | 'msgraph', account: string, tokens: { accessToken: string; expiresAt: number | null; refreshToken: string | null; connectedAt: string }) {
  const columns = storeConnection(type, { account, connectedBy: planted.connectedBy, connectedAt: planted.connectedAt }, tokens, id, app.secretBox);
  await app.store.repos.endpoints.update(id, columns);
}
