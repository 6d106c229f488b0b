import { createTestDatabase } from '@flowyard/db/testing';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approveConsent } from '../../../e2e/mocks/providers/approve-consent';
import { startMockProviders } from '../../../e2e/mocks/providers/start-mock-providers';
import { createEndpointResolver } from './endpoints/endpoint-resolver';
import { answerLog, captureConsole, serveApp, tempDatabase } from './testing/canary-kit';
import { apiErrorOf, createTestApp } from './testing/test-app';

const SLOW = { timeout: 60_000 };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

const canary = (field: string) => `canary-${field}-${randomUUID()}`;

describe('canaries in every secret field of every auth type', () => {
  it('appear in no API response, run record, log line, and not in clear in the SQLite files', SLOW, async () => {
    const secrets = {
      oauth2Password: canary('oauth2-pw'),
      oauth2ClientSecret: canary('oauth2-cs'),
      salesforcePassword: canary('sf-pw'),
      salesforceClientSecret: canary('sf-cs'),
      remedyPassword: canary('remedy-pw'),
      servicenowPassword: canary('snow-pw'),
      slackClientSecret: canary('slack-cs'),
      msClientSecret: canary('ms-cs'),
    };
    const logged = captureConsole();

    const providers = await startMockProviders({
      credentials: {
        oauth2: { password: secrets.oauth2Password, clientSecret: secrets.oauth2ClientSecret },
        salesforce: { password: secrets.salesforcePassword, clientSecret: secrets.salesforceClientSecret },
        remedy: { password: secrets.remedyPassword },
        servicenow: { password: secrets.servicenowPassword },
        slack: { clientSecret: secrets.slackClientSecret },
        microsoft: { clientSecret: secrets.msClientSecret },
      },
    });
    cleanups.push(() => providers.close());
    const database = tempDatabase('flowyard-canary-auth-');
    cleanups.push(() => database.remove());
    const app = await createTestApp({ database: await createTestDatabase({ sqliteUrl: database.url }), env: providers.env });
    cleanups.push(() => app.close());
    const { base, close } = await serveApp(app);
    cleanups.push(close);
    const { record, answers: responses } = answerLog();
    const create = (name: string, baseUrl: string, auth: Parameters<typeof app.caller.endpoints.create>[0]['auth']) =>
      app.caller.endpoints.create({ workflowId: app.workflowId, name, baseUrl, auth }).then(record);

    const oauth2 = await create('Canary OAuth2', providers.oauth2.apiUrl, {
      type: 'oauth2',
      tokenUrl: providers.oauth2.tokenUrl,
      username: 'oauth-user',
      clientId: 'flowyard-client',
      password: secrets.oauth2Password,
      clientSecret: secrets.oauth2ClientSecret,
    });
    const salesforce = await create('Canary Salesforce', 'https://placeholder.example.com', {
      type: 'salesforce',
      username: 'sf-user@example.com',
      clientId: 'sf-consumer-key',
      password: secrets.salesforcePassword,
      clientSecret: secrets.salesforceClientSecret,
    });
    const remedy = await create('Canary Remedy', providers.remedy.baseUrl, { type: 'remedy', username: 'remedy-user', password: secrets.remedyPassword });
    const servicenow = await create('Canary ServiceNow', providers.servicenow.baseUrl, { type: 'servicenow', username: 'snow-admin', password: secrets.servicenowPassword });
    const slack = await create('Canary Slack', providers.slack.apiUrl, { type: 'slack' });
    const graph = await create('Canary Graph', providers.microsoft.graphUrl, { type: 'msgraph' });
    // Saving again without secrets keeps them (and must not echo them either).
    record(await app.caller.endpoints.update({ id: remedy.id, name: remedy.name, baseUrl: remedy.baseUrl, auth: { type: 'remedy', username: 'remedy-user' } }));

    for (const connectable of [slack, graph]) {
      const { url } = record(await app.caller.endpoints.connectUrl({ id: connectable.id }));
      const query = await approveConsent(url);
      // The popup carries the session cookie of the admin who started Connect.
      const page = await fetch(`${base}/oauth/callback?${query.toString()}`, { headers: { cookie: await app.sessionCookie() } });
      responses.push(await page.text());
      expect(page.status).toBe(200);
    }

    for (const testable of [oauth2, salesforce, remedy, servicenow]) {
      const result = record(await app.caller.endpoints.testAuthentication({ id: testable.id }));
      expect(result.ok).toBe(true);
    }
    record(await app.caller.endpoints.testRequest({ id: oauth2.id, method: 'POST', path: '/echo', body: '{"hello":1}' }));
    record(await app.caller.endpoints.testRequest({ id: salesforce.id, path: '/services/data/v60.0' }));
    record(await app.caller.endpoints.testRequest({ id: remedy.id, path: '/api/arsys/v1/entry/X' }));
    record(await app.caller.endpoints.testRequest({ id: servicenow.id, path: '/api/now/table/incident' }));
    record(await app.caller.endpoints.testRequest({ id: graph.id, path: '/v1.0/me' }));
    record(await app.caller.endpoints.testRequest({ id: slack.id, method: 'POST', path: '/auth.test' }));

    // A flow: HTTP Request steps for the types that add credentials, a script step for Slack's http.authenticate.
    const slackStep = record(
      await app.caller.customSteps.create({
        workflowId: app.workflowId,
        step: {
          name: 'Canary Slack post',
          outputs: [{ id: 'ok', label: 'Ok' }],
          includeEndpoint: true,
          endpointLabel: 'Workspace',
          script: [
            "var token = http.authenticate('Workspace');",
            "var resp = http.request({ endpoint: 'Workspace', method: 'POST', path: '/chat.postMessage?token=' + token }).write({ channel: 'C1', text: 'hi' });",
            "output['Ok'] = JSON.parse(resp.body).ok;",
          ].join('\n'),
        },
      }),
    );
    const steps = [
      { id: 'oauth2', endpointId: oauth2.id, path: '/orders' },
      { id: 'salesforce', endpointId: salesforce.id, path: '/services/data/v60.0/query' },
      { id: 'remedy', endpointId: remedy.id, path: '/api/arsys/v1/entry/HPD' },
      { id: 'servicenow', endpointId: servicenow.id, path: '/api/now/table/incident' },
      { id: 'graph', endpointId: graph.id, path: '/v1.0/me' },
    ];
    const flow = record(await app.caller.flows.create({ workflowId: app.workflowId, name: 'Canary auth flow' }));
    record(
      await app.caller.flows.save({
        id: flow.id,
        version: flow.version,
        graph: {
          nodes: [
            { id: 'trigger', type: 'manual-trigger', position: { x: 0, y: 0 }, data: { name: 'Start', config: {} } },
            ...steps.map((step, i) => ({
              id: step.id,
              type: 'http-request' as const,
              position: { x: 0, y: 100 * (i + 1) },
              data: { name: `Call ${step.id}`, config: { endpointId: step.endpointId, method: 'GET' as const, path: step.path } },
            })),
            { id: 'slack', type: 'custom-step', position: { x: 300, y: 100 }, data: { name: 'Post to Slack', config: { customStepId: slackStep.id, inputs: {}, endpointId: slack.id } } },
          ],
          edges: [...steps, { id: 'slack' }].map((step) => ({ id: `e-${step.id}`, source: 'trigger', target: step.id })),
        },
      }),
    );

    const runOnce = async () => {
      const { runId } = record(await app.caller.runs.start({ flowId: flow.id, payload: { note: 'hello' } }));
      await app.services.runs.whenIdle();
      return record(await app.caller.runs.get({ runId }));
    };
    const first = await runOnce();
    expect(first.run.status).toBe('succeeded');
    expect(first.steps.find((s) => s.nodeId === 'slack')?.outputs).toEqual({ Ok: 'true' });
    // Expired tokens: every token type refreshes after its 401, so refresh answers get recorded too.
    providers.expireTokens();
    const second = await runOnce();
    expect(second.run.status).toBe('succeeded');
    expect(second.steps.find((s) => s.nodeId === 'remedy')?.exchanges.map((x) => x.status)).toEqual([401, 200, 200]);
    record(await app.caller.runs.list({ flowId: flow.id }));
    record(await app.caller.endpoints.list({ workflowId: app.workflowId }));
    for (const endpoint of [oauth2, salesforce, remedy, servicenow, slack, graph]) record(await app.caller.endpoints.get({ id: endpoint.id }));
    record(await app.caller.endpoints.authSettings());
    record(await apiErrorOf(app.caller.endpoints.delete({ id: oauth2.id })));

    // Every token the providers issued, as the server holds them or as they travelled.
    const resolver = createEndpointResolver(app, app.workflowId);
    const tokens = new Set<string>();
    for (const endpoint of [slack, graph]) {
      const auth = (await resolver.get(endpoint.id))?.auth;
      if (auth?.type === 'slack' || auth?.type === 'msgraph') {
        if (auth.tokens !== null) tokens.add(auth.tokens.accessToken);
        if (auth.tokens?.refreshToken) tokens.add(auth.tokens.refreshToken);
      }
    }
    for (const request of providers.requests) {
      const authorization = request.headers.authorization;
      if (authorization !== undefined && /^(Bearer|AR-JWT) /.test(authorization)) tokens.add(authorization.replace(/^(Bearer|AR-JWT) /, ''));
      const refresh = request.form.get('refresh_token');
      if (refresh !== null) tokens.add(refresh);
      const queryToken = request.query.get('token');
      if (queryToken !== null) tokens.add(queryToken);
    }
    expect(tokens.size).toBeGreaterThanOrEqual(8);
    const basic = Buffer.from(`snow-admin:${secrets.servicenowPassword}`).toString('base64');
    const forbidden = [...Object.values(secrets), basic, ...tokens];

    const everything = JSON.stringify(responses);
    expect(everything).toContain('Canary Remedy');
    for (const secret of forbidden) expect(everything).not.toContain(secret);

    const runRows = JSON.stringify(await app.sql.query('SELECT * FROM runs'));
    const stepRows = JSON.stringify(await app.sql.query('SELECT * FROM run_steps'));
    expect(stepRows).toContain('Call remedy');
    for (const secret of forbidden) {
      expect(runRows).not.toContain(secret);
      expect(stepRows).not.toContain(secret);
    }

    const bytes = database.files().map((file) => file.bytes);
    expect(bytes.some((b) => b.includes('Canary Remedy'))).toBe(true);
    for (const secret of forbidden) {
      for (const b of bytes) {
        expect(b.includes(secret)).toBe(false);
        expect(b.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    }
    await app.sql.query('PRAGMA wal_checkpoint(TRUNCATE)');
    for (const file of database.files()) for (const secret of forbidden) expect(file.bytes.includes(secret)).toBe(false);

    const logText = logged.join('\n');
    for (const secret of forbidden) expect(logText).not.toContain(secret);
  });
});
