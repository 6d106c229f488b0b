import { createTestDatabase } from '@flowyard/db/testing';
import { canariesIn, canariesInBytes, canary, canaryClientId, canaryUsername, echoCanaries, echoCanaryPairs, type CanarySecret } from '@flowyard/engine/testing/canaries';
import { startEchoTarget } from '@flowyard/engine/testing/echo-target';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approveConsent } from '../../../e2e/mocks/providers/approve-consent';
import { startMockProviders } from '../../../e2e/mocks/providers/start-mock-providers';
import { createEndpointResolver } from './endpoints/endpoint-resolver';
import { answerLog, captureConsole, serveApp, tempDatabase } from './testing/canary-kit';
import { apiErrorOf, createTestApp } from './testing/test-app';

const SLOW = { timeout: 120_000 };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

const username = canaryUsername;
const clientId = canaryClientId;

describe('canaries holding &+ "/\\é=% sent to a target that echoes everything', () => {
  it('appear in no API answer, log line or byte of the SQLite files, in any form', SLOW, async () => {
    const secret = {
      ...echoCanaries(),
      // Slack's client secrets are hex; the mock reads its Basic header with decodeURIComponent.
      slackClientSecret: `cny-slack-cs-${randomUUID()}`,
      msClientSecret: canary('ms-cs'),
    };
    const logged = captureConsole();

    const echo = await startEchoTarget({ access: secret.access, refresh: secret.refresh, remedy: secret.remedyToken });
    cleanups.push(() => echo.close());
    const providers = await startMockProviders({ credentials: { slack: { clientSecret: secret.slackClientSecret }, microsoft: { clientSecret: secret.msClientSecret } } });
    cleanups.push(() => providers.close());
    // A Graph token that expires at once, to be refreshed with the client secret.
    providers.setTokenLifetime('microsoft', 1);
    const database = tempDatabase('flowyard-canary-echo-');
    cleanups.push(() => database.remove());
    // The built-in endpoint targets the echo too, so the run's fyr_ credential comes back.
    const app = await createTestApp({ database: await createTestDatabase({ sqliteUrl: database.url }), env: providers.env, publicUrl: echo.url });
    cleanups.push(() => app.close());
    const { base, close } = await serveApp(app);
    cleanups.push(close);
    const { record, answers: responses } = answerLog();
    const create = (name: string, baseUrl: string, auth: Parameters<typeof app.caller.endpoints.create>[0]['auth']) =>
      app.caller.endpoints.create({ workflowId: app.workflowId, name, baseUrl, auth }).then(record);

    const basic = await create('Echo Basic', echo.url, { type: 'basic', username, password: secret.basicPassword });
    const challenge = await create('Echo Challenge', `${echo.url}/challenge`, { type: 'basic', username, password: secret.challengePassword, preemptive: false });
    const oauth2 = await create('Echo OAuth2', echo.url, {
      type: 'oauth2',
      tokenUrl: `${echo.url}/oauth/token`,
      username,
      clientId,
      password: secret.oauth2Password,
      clientSecret: secret.oauth2ClientSecret,
    });
    const oauth2Refused = await create('Echo OAuth2 refused', echo.url, {
      type: 'oauth2',
      tokenUrl: `${echo.url}/refused/oauth/token`,
      username,
      clientId,
      password: secret.oauth2Password,
      clientSecret: secret.oauth2ClientSecret,
    });
    const salesforce = await create('Echo Salesforce', 'https://placeholder.example.com', {
      type: 'salesforce',
      tokenUrl: `${echo.url}/oauth/token`,
      username,
      clientId,
      password: secret.salesforcePassword,
      clientSecret: secret.salesforceClientSecret,
    });
    const remedy = await create('Echo Remedy', echo.url, { type: 'remedy', username, password: secret.remedyPassword });
    const remedyRefused = await create('Echo Remedy refused', `${echo.url}/refused`, { type: 'remedy', username, password: secret.remedyPassword });
    const servicenow = await create('Echo ServiceNow', echo.url, { type: 'servicenow', username, password: secret.servicenowPassword });
    const slack = await create('Echo Slack', echo.url, { type: 'slack' });
    const graph = await create('Echo Graph', echo.url, { type: 'msgraph' });
    const builtIn = (await app.caller.endpoints.list({ workflowId: app.workflowId })).find((endpoint) => endpoint.builtIn);
    if (builtIn === undefined) throw new Error('no built-in endpoint');
    expect(builtIn.baseUrl).toBe(echo.url);

    for (const connectable of [slack, graph]) {
      const { url } = record(await app.caller.endpoints.connectUrl({ id: connectable.id }));
      const query = await approveConsent(url);
      const page = await fetch(`${base}/oauth/callback?${query.toString()}`, { headers: { cookie: await app.sessionCookie() } });
      const text = await page.text();
      responses.push(text);
      expect(page.status, text).toBe(200);
    }
    // The Graph token is expired by now: its first use (Test request) refreshes it, with the client
    // secret, for one that lasts.
    providers.setTokenLifetime('microsoft', 3600);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const everyEndpoint = [basic, challenge, oauth2, oauth2Refused, salesforce, remedy, remedyRefused, servicenow, slack, graph, builtIn];
    for (const testable of [oauth2, salesforce, remedy, servicenow, oauth2Refused, remedyRefused]) {
      const result = record(await app.caller.endpoints.testAuthentication({ id: testable.id }));
      expect(result.ok, testable.name).toBe(testable !== oauth2Refused && testable !== remedyRefused);
    }
    for (const endpoint of everyEndpoint) {
      record(await app.caller.endpoints.testRequest({ id: endpoint.id, method: 'POST', path: '/ascii/test?q=1', headers: { 'Content-Type': 'application/json' }, body: '{"n":1}' }));
    }

    const customStep = (name: string, script: string[], endpointType: 'any' | 'flowyard' = 'any') =>
      app.caller.customSteps
        .create({
          workflowId: app.workflowId,
          step: { name, outputs: [{ id: 'b', label: 'Body' }, { id: 't', label: 'Token' }], includeEndpoint: true, endpointType, endpointLabel: 'Target', script: script.join('\n') },
        })
        .then(record);
    const echoLines = [
      "var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/ascii/script' }).write({ hello: 'world' });",
      'console.log(resp.body);',
      "output['Body'] = resp.body;",
      'var parsed = JSON.parse(resp.body);',
      "output[parsed.headers.authorization || 'none'] = 'as a key';",
    ];
    const echoStep = await customStep('Echo script', echoLines);
    const builtInStep = await customStep('Echo as the run user', echoLines, 'flowyard');
    const tokenStep = await customStep('Token script', [
      "var token = http.authenticate('Target');",
      "console.log(http.authenticate('Target'));",
      "var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/chat.postMessage?token=' + encodeURIComponent(token), headers: { 'X-Token': token } }).write({ token: token });",
      "output['Token'] = token;",
      "output['Body'] = resp.body;",
    ]);
    const failStep = await customStep('Failing script', ["var resp = http.request({ endpoint: 'Target', method: 'POST', path: '/fail' }).write('x');", "throw new Error('the target said ' + resp.body);"]);

    type Node =
      | { id: string; type: 'http-request'; data: { name: string; config: { endpointId: string; method: 'POST'; path: string; body: string } } }
      | { id: string; type: 'custom-step'; data: { name: string; config: { customStepId: string; inputs: Record<string, string>; endpointId?: string } } };
    const nodes: Node[] = [];
    for (const [index, endpoint] of everyEndpoint.entries()) {
      nodes.push({ id: `h${index}`, type: 'http-request', data: { name: `Call ${endpoint.name}`, config: { endpointId: endpoint.id, method: 'POST', path: '/echo?x=1', body: '{"n":1}' } } });
      if (endpoint === builtIn || endpoint === oauth2Refused || endpoint === remedyRefused) continue;
      const script = endpoint === slack || endpoint === graph ? tokenStep : echoStep;
      nodes.push({ id: `s${index}`, type: 'custom-step', data: { name: `Script ${endpoint.name}`, config: { customStepId: script.id, inputs: {}, endpointId: endpoint.id } } });
    }
    nodes.push({ id: 'builtin-script', type: 'custom-step', data: { name: 'Script as the run user', config: { customStepId: builtInStep.id, inputs: {} } } });
    for (const endpoint of [basic, oauth2, remedy]) {
      nodes.push({ id: `f-${endpoint.id}`, type: 'custom-step', data: { name: `Fail ${endpoint.name}`, config: { customStepId: failStep.id, inputs: {}, endpointId: endpoint.id } } });
    }
    const flow = record(await app.caller.flows.create({ workflowId: app.workflowId, name: 'Echo canaries' }));
    record(
      await app.caller.flows.save({
        id: flow.id,
        version: flow.version,
        graph: {
          nodes: [
            { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Start', config: {} } },
            ...nodes.map((node, i) => ({ ...node, position: { x: 300, y: 80 * i } })),
          ],
          edges: nodes.map((node) => ({ id: `e-${node.id}`, source: 'trigger', target: node.id })),
        },
      }),
    );
    const { runId } = record(await app.caller.runs.start({ flowId: flow.id, payload: { note: 'hello' } }));
    await app.services.runs.whenIdle();
    const run = record(await app.caller.runs.get({ runId }));
    const step = (name: string) => run.steps.find((s) => s.name === name);
    expect(run.run.status).toBe('failed');
    expect(step('Call Echo OAuth2 refused')?.error?.code).toBe('AUTH_FAILED');
    expect(step('Fail Echo OAuth2')?.error?.code).toBe('SCRIPT_ERROR');
    for (const name of ['Call Echo Basic', 'Call Echo Challenge', 'Call Echo Graph', 'Call Flowyard', 'Script Echo Slack', 'Script Echo Graph', 'Script as the run user']) {
      expect(step(name)?.status, `${name}: ${JSON.stringify(step(name)?.error)}`).toBe('succeeded');
    }
    expect(step('Call Flowyard')?.outputs).toMatchObject({ body: { headers: { authorization: 'Bearer [redacted]' } } });
    expect(step('Script Echo Slack')?.outputs).toMatchObject({ Token: '[redacted]' });
    // The Graph token was refreshed with the client secret.
    expect(providers.requests.some((r) => r.provider === 'microsoft' && r.form.get('grant_type') === 'refresh_token')).toBe(true);

    record(await app.caller.runs.list({ flowId: flow.id }));
    record(await app.caller.endpoints.list({ workflowId: app.workflowId }));
    for (const endpoint of everyEndpoint) record(await app.caller.endpoints.get({ id: endpoint.id }));
    record(await apiErrorOf(app.caller.endpoints.delete({ id: basic.id })));

    // Every token issued, as the server holds them or as they travelled.
    const tokens = new Set<string>();
    const resolver = createEndpointResolver(app, app.workflowId);
    for (const endpoint of [slack, graph]) {
      const auth = (await resolver.get(endpoint.id))?.auth;
      if ((auth?.type === 'slack' || auth?.type === 'msgraph') && auth.tokens !== null) {
        tokens.add(auth.tokens.accessToken);
        if (auth.tokens.refreshToken !== null) tokens.add(auth.tokens.refreshToken);
      }
    }
    for (const request of [...echo.requests, ...providers.requests]) {
      const authorization = request.headers.authorization;
      if (authorization !== undefined && /^(Bearer|AR-JWT) /.test(authorization)) tokens.add(authorization.replace(/^(Bearer|AR-JWT) /, ''));
      const xToken = request.headers['x-token'];
      if (typeof xToken === 'string') tokens.add(xToken);
    }
    for (const request of providers.requests) {
      const refresh = request.form.get('refresh_token');
      if (refresh !== null) tokens.add(refresh);
    }
    expect([...tokens].some((token) => token.startsWith('fyr_'))).toBe(true);
    expect([...tokens].some((token) => token.startsWith('xoxb-'))).toBe(true);
    const forbidden: CanarySecret[] = [
      ...Object.values(secret),
      ...tokens,
      ...echoCanaryPairs(secret),
      { client: [providers.env.FLOWYARD_SLACK_CLIENT_ID ?? '', secret.slackClientSecret] },
    ];

    const answers = JSON.stringify(responses);
    expect(answers).toContain('[redacted]');
    expect(canariesIn(answers, forbidden)).toEqual([]);

    const stepRows = JSON.stringify(await app.sql.query('SELECT * FROM run_steps'));
    expect(stepRows).toContain('Call Echo Remedy');
    expect(canariesIn(stepRows, forbidden)).toEqual([]);
    expect(canariesIn(JSON.stringify(await app.sql.query('SELECT * FROM runs')), forbidden)).toEqual([]);

    const files = database.files();
    expect(files.map((file) => file.name)).toContain(`${database.file}-wal`);
    expect(files.some((file) => file.bytes.includes('Call Echo Remedy'))).toBe(true);
    for (const file of files) expect(canariesInBytes(file.bytes, forbidden), file.name).toEqual([]);
    // Folded into the main file, the pages hold no canary either.
    await app.sql.query('PRAGMA wal_checkpoint(TRUNCATE)');
    const checkpointed = database.files();
    expect(checkpointed.some((file) => file.bytes.includes('Call Echo Remedy'))).toBe(true);
    for (const file of checkpointed) expect(canariesInBytes(file.bytes, forbidden), file.name).toEqual([]);

    expect(canariesIn(logged.join('\n'), forbidden)).toEqual([]);
  });
});
