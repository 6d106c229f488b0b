import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuthentication } from '../auth/test-authentication';
import { customStepBodySchema, type CustomStepDefinition } from '../custom-step/custom-step';
import type { ResolvedAuth } from '../endpoint/auth';
import type { ResolvedEndpoint } from '../endpoint/endpoint';
import { endpointNameKey } from '../endpoint/endpoint-name';
import { flowGraphSchema } from '../flow/flow-graph';
import { createHttpClient } from '../http/http-client';
import { sendTestRequest } from '../http/test-request';
import type { RunEvent, StepRecord } from '../run/run-record';
import { createScriptPool } from '../script/script-pool';
import { canariesIn, canary, canaryClientId, canaryUsername, echoCanaries, echoCanaryPairs, type CanarySecret } from '../testing/canaries';
import { startEchoTarget } from '../testing/echo-target';
import type { LocalServer } from '../testing/local-server';
import { runFlow } from './run-flow';

// Worker start-up under tsx is slow on a loaded machine; the runs themselves are fast.
const SLOW = { timeout: 90_000 };

const username = canaryUsername;
const clientId = canaryClientId;
const secret = {
  ...echoCanaries(),
  // Connect tokens and the server's Graph client, as the store would hand them over.
  graphClientSecret: canary('graph-cs'),
  slackAccess: `xoxb-${canary('slack-at')}`,
  slackRefresh: `xoxe-${canary('slack-rt')}`,
  graphAccess: canary('graph-at'),
  graphRefresh: canary('graph-rt'),
  flowyard: `fyr_${canary('run')}`,
};
const forbidden: CanarySecret[] = [...Object.values(secret), ...echoCanaryPairs(secret)];

const http = createHttpClient();
const pool = createScriptPool({ size: 2 });
let echo: LocalServer;
let endpoints: ResolvedEndpoint[];

function endpoint(id: string, baseUrl: string, auth: ResolvedAuth): ResolvedEndpoint {
  return { id, name: `Echo ${id}`, baseUrl, trustSelfSigned: false, auth };
}

beforeAll(async () => {
  echo = await startEchoTarget({ access: secret.access, refresh: secret.refresh, remedy: secret.remedyToken });
  const connectedAt = new Date().toISOString();
  endpoints = [
    endpoint('basic', echo.url, { type: 'basic', username, password: secret.basicPassword, preemptive: true }),
    endpoint('challenge', `${echo.url}/challenge`, { type: 'basic', username, password: secret.challengePassword, preemptive: false }),
    endpoint('oauth2', echo.url, { type: 'oauth2', tokenUrl: `${echo.url}/oauth/token`, username, password: secret.oauth2Password, clientId, clientSecret: secret.oauth2ClientSecret }),
    endpoint('salesforce', 'https://placeholder.example.com', {
      type: 'salesforce',
      tokenUrl: `${echo.url}/oauth/token`,
      username,
      password: secret.salesforcePassword,
      clientId,
      clientSecret: secret.salesforceClientSecret,
    }),
    endpoint('slack', echo.url, { type: 'slack', tokens: { accessToken: secret.slackAccess, refreshToken: secret.slackRefresh, expiresAt: null, connectedAt } }),
    endpoint('msgraph', echo.url, {
      type: 'msgraph',
      tokens: { accessToken: secret.graphAccess, refreshToken: secret.graphRefresh, expiresAt: null, connectedAt },
      client: { tokenUrl: `${echo.url}/oauth/token`, clientId, clientSecret: secret.graphClientSecret },
    }),
    endpoint('remedy', echo.url, { type: 'remedy', username, password: secret.remedyPassword }),
    endpoint('servicenow', echo.url, { type: 'servicenow', username, password: secret.servicenowPassword }),
    endpoint('flowyard', echo.url, { type: 'flowyard', token: secret.flowyard }),
    // Refusals that echo the form and the client's Basic header in their error.
    endpoint('oauth2-refused', echo.url, {
      type: 'oauth2',
      tokenUrl: `${echo.url}/refused/oauth/token`,
      username,
      password: secret.oauth2Password,
      clientId,
      clientSecret: secret.oauth2ClientSecret,
    }),
    endpoint('remedy-refused', `${echo.url}/refused`, { type: 'remedy', username, password: secret.remedyPassword }),
  ];
  await pool.warmUp();
}, 60_000);

afterAll(async () => {
  await pool.close();
  await http.close();
  await echo.close();
});

function definition(id: string, body: unknown): CustomStepDefinition {
  return { id, ...customStepBodySchema.parse(body) };
}

// Sends to the echo target and hands everything it echoed to the record: console, outputs (values and keys).
const echoScript = definition('cs-echo', {
  name: 'Echo',
  includeEndpoint: true,
  endpointLabel: 'Target',
  outputs: [{ id: 'b', label: 'Body' }, { id: 'a', label: 'Auth' }, { id: 'p', label: 'Parsed' }],
  script: [
    "var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/ascii/script?q=' + encodeURIComponent('a b') }).write({ hello: 'world' });",
    'console.log(resp.body);',
    'console.warn(JSON.stringify(resp.headers));',
    'var parsed = JSON.parse(resp.body);',
    "output['Body'] = resp.body;",
    "output['Auth'] = parsed.headers.authorization || '';",
    "output['Parsed'] = parsed;",
    // Undeclared: dropped, with a warning that names it.
    "output[parsed.headers.authorization || 'no auth'] = 'a key';",
  ].join('\n'),
});

// SPEC §5: a Slack or Graph token handed to the script, printed, sent and echoed.
const tokenScript = definition('cs-token', {
  name: 'Token',
  includeEndpoint: true,
  endpointLabel: 'Target',
  outputs: [{ id: 't', label: 'Token' }, { id: 'b', label: 'Body' }],
  script: [
    "var token = http.authenticate('Target');",
    'console.log(http.authenticate(\'Target\'));',
    'console.info(JSON.stringify({ token: token }));',
    "var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/chat.postMessage?token=' + encodeURIComponent(token), headers: { 'X-Token': token } }).write({ token: token, text: 'hi' });",
    "output['Token'] = token;",
    "output['Body'] = resp.body;",
  ].join('\n'),
});

// A script that fails with what the target said in its message.
const failScript = definition('cs-fail', {
  name: 'Fail',
  includeEndpoint: true,
  endpointLabel: 'Target',
  script: "var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/fail' }).write('x');\nthrow new Error('the target said ' + resp.body);",
});

const position = { x: 0, y: 0 };
const tokenTypes = new Set(['slack', 'msgraph']);

function secretsFlow() {
  const nodes: unknown[] = [{ id: 't', type: 'manual-trigger', position, data: { name: 'Start', config: {} } }];
  const edges: unknown[] = [];
  const add = (id: string, type: string, config: Record<string, unknown>) => {
    nodes.push({ id, type, position, data: { name: id, config } });
    edges.push({ id: `e-${id}`, source: 't', target: id });
  };
  for (const { id } of endpoints) {
    add(`http ${id}`, 'http-request', { endpointId: id, method: 'POST', path: '/echo?x=1', body: '{"n":1}' });
    add(`script ${id}`, 'custom-step', { customStepId: tokenTypes.has(id) ? 'cs-token' : 'cs-echo', inputs: {}, endpointId: id });
  }
  for (const id of ['basic', 'oauth2', 'slack']) add(`fail ${id}`, 'custom-step', { customStepId: 'cs-fail', inputs: {}, endpointId: id });
  return flowGraphSchema.parse({ nodes, edges });
}

async function runSecretsFlow() {
  const events: RunEvent[] = [];
  const summary = await runFlow({
    runId: 'run-secrets',
    user: { id: 'user-1', name: 'Ann', email: 'ann@example.com' },
    flow: { id: 'flow-1', version: 1, graph: secretsFlow() },
    trigger: { nodeId: 't', payload: {}, type: 'manual' },
    endpoints: {
      get: async (id) => endpoints.find((e) => e.id === id),
      getByName: async (name) => endpoints.find((e) => endpointNameKey(e.name) === endpointNameKey(name)),
    },
    http,
    scripting: {
      customSteps: { get: async (id) => [echoScript, tokenScript, failScript].find((d) => d.id === id) },
      scripts: pool,
      constants: async () => ({}),
      libraries: async () => ({}),
    },
    sink: (event) => void events.push(event),
  });
  const steps = new Map<string, StepRecord>();
  for (const event of events) if (event.type === 'step') steps.set(event.step.name, event.step);
  return { summary, events, steps };
}

describe('secrets in every form they travel in', () => {
  it('reach the echo target but no run record: step outputs, console lines, errors, exchanges, summary', SLOW, async () => {
    const { summary, events, steps } = await runSecretsFlow();

    // The secrets really travelled, in their encoded forms, and came back.
    const sent = JSON.stringify(echo.requests);
    expect(canariesIn(sent, [{ basic: [username, secret.basicPassword] }, { client: [clientId, secret.oauth2ClientSecret] }, secret.access, secret.remedyToken])).not.toEqual([]);
    expect(sent).toContain(new URLSearchParams({ password: secret.oauth2Password }).toString());

    for (const { id } of endpoints.filter((e) => !e.id.endsWith('-refused'))) {
      expect(steps.get(`http ${id}`)?.status, id).toBe('succeeded');
      expect(steps.get(`script ${id}`)?.status, `script ${id}`).toBe('succeeded');
    }
    // Each echo shows where a secret was: now [redacted].
    expect(steps.get('http basic')?.outputs).toMatchObject({ body: { headers: { authorization: 'Basic [redacted]' }, keys: { 'Basic [redacted]': true } } });
    expect(steps.get('http basic')?.outputs?.['headers']).toMatchObject({ 'x-echo-authorization': 'Basic [redacted]' });
    expect(steps.get('http flowyard')?.outputs).toMatchObject({ body: { headers: { authorization: 'Bearer [redacted]' } } });
    expect(steps.get('script oauth2')?.outputs).toMatchObject({ Auth: 'Bearer [redacted]' });
    expect(steps.get('script remedy')?.outputs).toMatchObject({ Auth: 'AR-JWT [redacted]' });
    expect(steps.get('script servicenow')?.logs.map((line) => line.message).join('\n')).toContain('Basic [redacted]');
    expect(steps.get('script oauth2')?.logs.at(-1)?.message).toBe("The script set output 'Bearer [redacted]', which this step does not declare; it was dropped");
    for (const id of ['slack', 'msgraph']) {
      const record = steps.get(`script ${id}`);
      expect(record?.outputs?.['Token']).toBe('[redacted]');
      expect(record?.logs.map((line) => line.message).slice(0, 2)).toEqual(['[redacted]', '{"token":"[redacted]"}']);
    }
    // Errors: AUTH_FAILED echoing the form and the client's Basic header, a script error carrying the body.
    expect(steps.get('http oauth2-refused')?.error).toMatchObject({ code: 'AUTH_FAILED' });
    expect(steps.get('http oauth2-refused')?.error?.message).toContain('password=[redacted]');
    expect(steps.get('http remedy-refused')?.error).toMatchObject({ code: 'AUTH_FAILED', details: { status: 401 } });
    expect(steps.get('fail oauth2')?.error).toMatchObject({ code: 'SCRIPT_ERROR' });
    expect(steps.get('fail oauth2')?.error?.message).toContain('Bearer [redacted]');
    expect(summary.status).toBe('failed');

    expect(canariesIn(JSON.stringify(events), forbidden)).toEqual([]);
    expect(canariesIn(JSON.stringify(summary), forbidden)).toEqual([]);
  });

  it('reach no Test request or Test Authentication result, refused or not', SLOW, async () => {
    const results: unknown[] = [];
    for (const target of endpoints) {
      results.push(await sendTestRequest(target, { method: 'POST', path: '/ascii/test?q=1', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }, { http }));
    }
    for (const id of ['oauth2', 'salesforce', 'remedy', 'servicenow', 'oauth2-refused', 'remedy-refused']) {
      const target = endpoints.find((e) => e.id === id);
      if (target === undefined) throw new Error(`no endpoint ${id}`);
      const result = await testAuthentication(target, { http });
      expect(result.ok, id).toBe(!id.endsWith('-refused'));
      results.push(result);
    }
    const shown = JSON.stringify(results);
    expect(shown).toContain('[redacted]');
    expect(canariesIn(shown, forbidden)).toEqual([]);
  });
});
