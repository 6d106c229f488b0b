import type { FlowSaveInput, IntegrationBodyInput } from '@flowyard/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiErrorOf, createTestApp } from '../testing/test-app';
import { startTargetServer, type TargetServer } from '../testing/target-server';
import { startHookTestServer, type HookTestServer } from '../triggers/hook-test-server';
import { REFUSALS_LOGGED_PER_MINUTE } from './inbound-calls';

type Graph = FlowSaveInput['graph'];
const position = { x: 0, y: 0 };

/** A Manual trigger alone: a run of it succeeds at once. */
const manualOnly: Graph = { nodes: [{ id: 'trigger', type: 'manual-trigger', position, data: { name: 'Start', config: {} } }], edges: [] };

/** A Manual trigger, then an HTTP Request to `endpointId`. */
function callGraph(endpointId: string, path = '/fail'): Graph {
  return {
    nodes: [
      { id: 'trigger', type: 'manual-trigger', position, data: { name: 'Start', config: {} } },
      { id: 'call', type: 'http-request', position, data: { name: 'Call target', config: { endpointId, method: 'GET', path } } },
    ],
    edges: [{ id: 'e', source: 'trigger', target: 'call' }],
  };
}

let server: HookTestServer;
let target: TargetServer;
let targetFlowId: string;
let endpointId: string;
let deadEndpointId: string;
beforeAll(async () => {
  server = await startHookTestServer();
  target = await startTargetServer((req, res) => {
    const status = req.url?.startsWith('/fail') ? 500 : 200;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status === 200 }));
  });
  targetFlowId = await server.flow('Target', manualOnly);
  const endpoint = await server.app.caller.endpoints.create({
    workflowId: server.app.workflowId,
    name: 'Target API',
    baseUrl: target.url,
    auth: { type: 'basic', username: 'svc', password: 's3cret-pass', preemptive: true },
  });
  endpointId = endpoint.id;
  // Nothing listens on port 1: a step calling it fails with HTTP_CONNECT_FAILED.
  deadEndpointId = (await server.app.caller.endpoints.create({ workflowId: server.app.workflowId, name: 'Dead', baseUrl: 'http://127.0.0.1:1', auth: { type: 'none' } })).id;
}, 60_000);
afterAll(async () => {
  await server.close();
  await target.close();
});

const app = () => server.app;
let named = 0;
const uniqueName = (base: string) => `${base} ${++named}`;

function inbound(extra: Partial<Extract<IntegrationBodyInput, { kind: 'inbound' }>> = {}): IntegrationBodyInput {
  return { kind: 'inbound', name: uniqueName('Inbound'), script: '', auth: { type: 'url', actAsUserId: app().admin.id }, ...extra };
}

function outbound(extra: Partial<Extract<IntegrationBodyInput, { kind: 'outbound' }>> = {}): IntegrationBodyInput {
  return { kind: 'outbound', name: uniqueName('Outbound'), script: '', trigger: { events: ['run.failed'], flowId: null }, ...extra };
}

const create = (integration: IntegrationBodyInput) => app().caller.integrations.create({ workflowId: app().workflowId, integration });

const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  server.fetch(path, { method: init.method ?? 'POST', headers: init.headers, body: init.body });

const runIdsAnswer = z.object({ runIds: z.array(z.string()) });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string() }), runIds: z.array(z.string()).optional() });
const echoAnswer = z.object({ runId: z.string(), auth: z.string() });
const readAs = async <T>(schema: z.ZodType<T>, response: Response): Promise<T> => schema.parse(await response.json());

async function settle(): Promise<void> {
  await app().services.runs.whenIdle();
  await app().services.outboundEvents.whenIdle();
  await app().services.runs.whenIdle();
  await app().services.outboundEvents.whenIdle();
}

async function runRows(flowId: string) {
  return app().sql.query('SELECT id, trigger_type, user_id, origin FROM runs WHERE flow_id = ? ORDER BY started_at, id', [flowId]);
}

describe('integrations: definitions', { timeout: 60_000 }, () => {
  it('creates, lists, gets, updates and deletes; URL authentication answers its token once', async () => {
    const saved = await create(inbound({ name: 'Orders in' }));
    expect(saved.token).toMatch(/^fyi_[A-Za-z0-9_-]{43}$/);
    expect(saved.tokenPath).toBe(`/inbound/${saved.integration.id}/${saved.token}`);
    expect(saved.integration).toMatchObject({
      path: `/inbound/${saved.integration.id}`,
      actAs: { id: app().admin.id },
      integration: { kind: 'inbound', name: 'Orders in', enabled: true, timeoutMs: 10_000, auth: { type: 'url' } },
    });
    expect(saved.integration.tokenCreatedAt).not.toBeNull();
    const [row] = await app().sql.query('SELECT token_hash FROM integrations WHERE id = ?', [saved.integration.id]);
    expect(String(row?.token_hash)).not.toContain(saved.token ?? '');
    expect(JSON.stringify(await app().caller.integrations.get({ id: saved.integration.id }))).not.toContain(saved.token ?? '');
    expect((await app().caller.integrations.list({ workflowId: app().workflowId })).map((i) => i.integration.name)).toContain('Orders in');

    const updated = await app().caller.integrations.update({ id: saved.integration.id, integration: inbound({ name: 'Orders inbound', auth: { type: 'apiKey' } }) });
    expect(updated).toMatchObject({ token: null, tokenPath: null, integration: { tokenCreatedAt: null, actAs: null, integration: { auth: { type: 'apiKey' } } } });
    // Back to URL authentication: a new token.
    const back = await app().caller.integrations.update({ id: saved.integration.id, integration: inbound({ name: 'Orders inbound' }) });
    expect(back.token).toMatch(/^fyi_/);
    expect(back.token).not.toBe(saved.token);

    expect(await app().caller.integrations.delete({ id: saved.integration.id })).toEqual({ id: saved.integration.id });
    expect((await apiErrorOf(app().caller.integrations.get({ id: saved.integration.id }))).code).toBe('NOT_FOUND');
  });

  it('refuses bad input with errors naming the field', async () => {
    const taken = await create(inbound({ name: 'Taken' }));
    const cases: [IntegrationBodyInput, string][] = [
      [inbound({ name: '  ' }), 'integration.name'],
      [inbound({ name: 'TAKEN' }), 'integration.name'],
      [inbound({ auth: { type: 'url', actAsUserId: 'nobody' } }), 'integration.auth.actAsUserId'],
      [inbound({ timeoutMs: 5 }), 'integration.timeoutMs'],
      [outbound({ trigger: { events: [], flowId: null } }), 'integration.trigger.events'],
      [outbound({ trigger: { events: ['run.failed'], flowId: 'not-a-flow' } }), 'integration.trigger.flowId'],
      [outbound({ rateLimit: { perMinute: 0 } }), 'integration.rateLimit.perMinute'],
    ];
    for (const [integration, path] of cases) {
      const error = await apiErrorOf(create(integration));
      expect(error.code, path).toBe('VALIDATION_FAILED');
      expect(error.issues.map((issue) => issue.path), path).toContain(path);
    }
    const kind = await apiErrorOf(app().caller.integrations.update({ id: taken.integration.id, integration: outbound({ name: 'Taken' }) }));
    expect(kind.issues.map((issue) => issue.path)).toEqual(['integration.kind']);
    const rotate = await apiErrorOf(app().caller.integrations.rotate({ id: (await create(inbound({ auth: { type: 'apiKey' } }))).integration.id }));
    expect(rotate.code).toBe('VALIDATION_FAILED');
    expect((await app().caller.integrations.list({ workflowId: app().workflowId })).filter((i) => i.integration.name === 'Taken')).toHaveLength(1);
  });

  it('needs flows.edit to create, edit, delete, rotate and test, and runs.view to read the log', async () => {
    const { integration } = await create(inbound());
    const standard = await app().createUser('standard');
    const rest = await app().createUser('rest');
    const developer = await app().createUser('developer');
    for (const caller of [standard.caller, rest.caller]) {
      expect((await apiErrorOf(caller.integrations.create({ workflowId: app().workflowId, integration: inbound() }))).code).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.integrations.update({ id: integration.id, integration: inbound() }))).code).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.integrations.rotate({ id: integration.id }))).code).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.integrations.delete({ id: integration.id }))).code).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.integrations.test({ workflowId: app().workflowId, integration: inbound() }))).code).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.integrations.log({ integrationId: integration.id }))).code).toBe('FORBIDDEN');
    }
    expect((await developer.caller.integrations.log({ integrationId: integration.id })).entries).toEqual([]);
    expect((await developer.caller.integrations.rotate({ id: integration.id })).token).toMatch(/^fyi_/);
  });
});

describe('integrations: inbound calls', { timeout: 60_000 }, () => {
  it('with URL authentication: starts the flow as the configured user, answers 202 { runIds }; a rotated token is refused', async () => {
    const { user } = await app().createUser('developer', 'Ivy Integration');
    const saved = await create(inbound({ auth: { type: 'url', actAsUserId: user.id }, script: "flows.start('Target', { order: JSON.parse(request.body).order });" }));
    const before = (await runRows(targetFlowId)).length;
    const response = await call(saved.tokenPath ?? '', { headers: { 'content-type': 'application/json' }, body: '{"order":42}' });
    expect(response.status).toBe(202);
    const answer = await readAs(runIdsAnswer, response);
    expect(answer).toEqual({ runIds: [expect.any(String)] });
    await settle();
    const rows = await runRows(targetFlowId);
    expect(rows).toHaveLength(before + 1);
    const run = await app().caller.runs.get({ runId: answer.runIds[0] ?? '' });
    expect(run.run).toMatchObject({ status: 'succeeded', trigger: { type: 'integration' }, actedAs: { id: user.id }, origin: { integrationId: saved.integration.id, chain: [saved.integration.id] } });
    expect(run.steps[0]?.outputs).toMatchObject({ body: { order: 42 } });

    const missing = await call(`/inbound/${saved.integration.id}`, { body: '{}' });
    expect(missing.status).toBe(401);
    expect((await readAs(errorAnswer, missing)).error.code).toBe('UNAUTHORIZED');
    const wrong = await call(`/inbound/${saved.integration.id}/fyi_${'x'.repeat(43)}`, { body: '{}' });
    expect(wrong.status).toBe(401);

    const rotated = await app().caller.integrations.rotate({ id: saved.integration.id });
    expect((await call(saved.tokenPath ?? '', { body: '{}' })).status).toBe(401);
    expect((await call(rotated.tokenPath ?? '', { body: '{"order":1}' })).status).toBe(202);
    expect((await call('/inbound/nope/x', { body: '{}' })).status).toBe(404);
  });

  it('logs refused calls (no log entry holds the presented token), at most REFUSALS_LOGGED_PER_MINUTE a minute', async () => {
    const saved = await create(inbound({ script: "flows.start('Target');" }));
    const id = saved.integration.id;
    const wrongToken = `fyi_${'w'.repeat(43)}`;
    expect((await call(`/inbound/${id}/${wrongToken}`, { body: `token=${wrongToken}` })).status).toBe(401);
    expect((await call(`/inbound/${id}`, { body: 'no token' })).status).toBe(401);
    const [missing, wrong] = (await app().caller.integrations.log({ integrationId: id })).entries;
    expect(wrong).toMatchObject({ kind: 'inbound', method: 'POST', outcome: 'failed', status: 401, caller: null, durationMs: null, runIds: [], error: { code: 'UNAUTHORIZED' }, body: 'token=[redacted]' });
    expect(missing).toMatchObject({ outcome: 'failed', status: 401, body: 'no token', error: { code: 'UNAUTHORIZED', message: expect.stringContaining('takes its token in the URL') } });

    await app().caller.integrations.update({ id, integration: inbound({ name: saved.integration.integration.name, enabled: false }) });
    expect((await call(saved.tokenPath ?? '', { body: '{}' })).status).toBe(404);
    const [off] = (await app().caller.integrations.log({ integrationId: id })).entries;
    expect(off).toMatchObject({ outcome: 'failed', status: 404, error: { code: 'NOT_FOUND', message: expect.stringContaining('turned off') } });

    for (let i = 0; i < REFUSALS_LOGGED_PER_MINUTE + 5; i++) expect((await call(`/inbound/${id}/${wrongToken}`, { body: '' })).status).toBe(404);
    const logged = [];
    for (let cursor: string | undefined, page = 0; page < 10; page++) {
      const { entries, nextCursor } = await app().caller.integrations.log({ integrationId: id, limit: 50, cursor });
      logged.push(...entries);
      if (nextCursor === null) break;
      cursor = nextCursor;
    }
    expect(logged).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
    expect(JSON.stringify(logged)).not.toContain(wrongToken);
  });

  it('with an API key (Bearer or Basic, as HTTP triggers take it): the run acts as the key\'s user; wrong or missing keys get 401', async () => {
    const caller = await server.userWithKey('rest', 'Rita Rest');
    const { integration } = await create(inbound({ auth: { type: 'apiKey' }, script: "response.status = 200; response.body = { runId: flows.start('Target'), auth: request.headers['authorization'] };" }));
    const path = `/inbound/${integration.id}`;
    const ok = await call(path, { method: 'PUT', headers: { authorization: `Bearer ${caller.key}` } });
    expect(ok.status).toBe(200);
    const body = await readAs(echoAnswer, ok);
    expect(body.auth).toBe('[redacted]');
    await settle();
    expect((await app().caller.runs.get({ runId: body.runId })).run.actedAs.id).toBe(caller.user.id);
    const basic = await call(path, { headers: { authorization: `Basic ${Buffer.from(`any:${caller.key}`).toString('base64')}` } });
    expect(basic.status).toBe(200);

    const noKey: Record<string, string> = {};
    for (const headers of [noKey, { authorization: `Bearer fy_${'x'.repeat(40)}` }]) {
      const refused = await call(path, { headers });
      expect(refused.status).toBe(401);
      expect((await readAs(errorAnswer, refused)).error.code).toBe('UNAUTHORIZED');
    }
    const standard = await server.userWithKey('standard');
    const disabledRole = await app().caller.users.update({ id: standard.user.id, disabled: true });
    expect(disabledRole.disabled).toBe(true);
    expect((await call(path, { headers: { authorization: `Bearer ${standard.key}` } })).status).toBe(403);
    await settle();
  });

  it('gives the script parameters from the query and a form-urlencoded body, the raw body, and logs the call', async () => {
    const saved = await create(
      inbound({
        script: `
          var req = http.request({ endpoint: 'Target API', path: '/ok' });
          var answer = req.write({ from: request.parameters.who });
          console.log('target said', answer.statusCode);
          response.status = 200;
          response.body = { parameters: request.parameters, body: request.body, method: request.method };
        `,
      }),
    );
    const response = await call(`${saved.tokenPath ?? ''}?source=query&tag=a`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'who=Ada+L&tag=b' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ parameters: { source: 'query', tag: ['a', 'b'], who: 'Ada L' }, body: 'who=Ada+L&tag=b', method: 'POST' });

    const { entries } = await app().caller.integrations.log({ integrationId: saved.integration.id });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ kind: 'inbound', method: 'POST', outcome: 'succeeded', status: 200, body: 'who=Ada+L&tag=b', bodyTruncated: false, caller: { id: app().admin.id }, runIds: [] });
    expect(entry?.logs.map((line) => line.message)).toEqual(['target said 200']);
    expect(entry?.exchanges).toHaveLength(1);
    expect(entry?.exchanges[0]?.requestHeaders).toMatchObject({ authorization: '[redacted]' });
    expect(JSON.stringify(entry)).not.toContain('s3cret-pass');
    expect(JSON.stringify(entry)).not.toContain(saved.token ?? '');
  });

  it('logs a capped body and the run ids; a script error answers its code and is logged as failed', async () => {
    const saved = await create(inbound({ script: "flows.start('Target'); if (request.body.length > 10) throw new Error('too long: ' + request.body.length);" }));
    const big = 'x'.repeat(100 * 1024);
    const failed = await call(saved.tokenPath ?? '', { headers: { 'content-type': 'text/plain' }, body: big });
    expect(failed.status).toBe(422);
    const answer = await readAs(errorAnswer, failed);
    expect(answer).toMatchObject({ error: { code: 'SCRIPT_ERROR', message: expect.stringContaining('too long: 102400') }, runIds: [expect.any(String)] });
    await settle();
    const { entries } = await app().caller.integrations.log({ integrationId: saved.integration.id });
    expect(entries[0]).toMatchObject({ outcome: 'failed', status: 422, bodyTruncated: true, error: { code: 'SCRIPT_ERROR' }, runIds: answer.runIds });
    expect(entries[0]?.body.length).toBe(64 * 1024);

    const noFlow = await create(inbound({ script: "flows.start('No such flow');" }));
    const refused = await call(noFlow.tokenPath ?? '', { body: '' });
    expect(refused.status).toBe(422);
    expect((await readAs(errorAnswer, refused)).error.message).toContain('There is no flow named "No such flow"');
  });

  it('reaches Flowyard through the built-in endpoint as the user the call acts as, the credential redacted', async () => {
    const { user } = await app().createUser('standard', 'Sam Standard');
    const saved = await create(
      inbound({
        auth: { type: 'url', actAsUserId: user.id },
        script: `var answer = http.request({ endpoint: 'Flowyard', path: '/api/v1/users/${app().admin.id}' }).write(); response.status = 200; response.body = { status: answer.statusCode };`,
      }),
    );
    const response = await call(saved.tokenPath ?? '', { method: 'GET' });
    // A standard user may read only themself: the request acted as them, not as an admin.
    expect(await response.json()).toEqual({ status: 403 });
    const { entries } = await app().caller.integrations.log({ integrationId: saved.integration.id });
    expect(entries[0]?.exchanges[0]?.requestHeaders).toMatchObject({ authorization: '[redacted]' });
    const [left] = await app().sql.query("SELECT count(*) AS n FROM run_credentials WHERE run_id LIKE 'integration-call:%'", []);
    expect(Number(left?.n)).toBe(0);
  });

  it('drops response headers that cannot go on the wire', async () => {
    const saved = await create(inbound({ script: "response.headers = { 'X-Ok': 'yes', 'Bad Name': 'x', 'X-Split': 'a\\r\\nSet-Cookie: evil=1', 'Content-Length': '1' }; response.body = 'hello';" }));
    const response = await call(saved.tokenPath ?? '', { body: '' });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('hello');
    expect(response.headers.get('x-ok')).toBe('yes');
    expect(response.headers.get('x-split')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('has the workflow\'s constants and shared libraries, as custom steps do', async () => {
    await app().caller.constants.set({ workflowId: app().workflowId, name: 'Greeting', value: 'Hello' });
    await app().caller.libraries.save({ workflowId: app().workflowId, name: 'greeter', source: 'exports.greet = function (who) { return who + "!"; };' });
    const saved = await create(inbound({ script: "response.body = constants['Greeting'] + ' ' + require('greeter').greet(request.parameters.who);" }));
    const response = await call(`${saved.tokenPath ?? ''}?who=Ada`, { method: 'GET' });
    expect(await response.text()).toBe('Hello Ada!');
  });

  it('pages the log newest first', async () => {
    const saved = await create(inbound({ script: 'response.body = request.body;' }));
    for (const body of ['one', 'two', 'three']) expect((await call(saved.tokenPath ?? '', { body })).status).toBe(202);
    const first = await app().caller.integrations.log({ integrationId: saved.integration.id, limit: 2 });
    expect(first.entries.map((e) => e.body)).toEqual(['three', 'two']);
    const second = await app().caller.integrations.log({ integrationId: saved.integration.id, limit: 2, cursor: first.nextCursor });
    expect(second.entries.map((e) => e.body)).toEqual(['one']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('integrations: outbound', { timeout: 60_000 }, () => {
  it('on a run failure calls the target with the callback, and logs it', async () => {
    const failingFlowId = await server.flow(uniqueName('Failing'), callGraph(deadEndpointId));
    const saved = await create(
      outbound({
        trigger: { events: ['run.failed', 'step.failed'], flowId: failingFlowId },
        script: `
          var callback = JSON.parse(request.body);
          http.request({ endpoint: 'Target API', method: 'POST', path: '/hook' }).write({ event: callback.event, flow: callback.flow.name, step: callback.step && callback.step.name });
        `,
      }),
    );
    const seen = target.requests.length;
    const { runId } = await app().caller.runs.start({ flowId: failingFlowId, payload: {} });
    await settle();
    const hooks = target.requests.slice(seen).filter((request) => request.url === '/hook').map((request) => JSON.parse(request.body));
    expect(hooks).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'run.failed' }), expect.objectContaining({ event: 'step.failed', step: 'Call target' })]));
    const { entries } = await app().caller.integrations.log({ integrationId: saved.integration.id });
    expect(entries.map((e) => e.event).sort()).toEqual(['run.failed', 'step.failed']);
    expect(entries[0]).toMatchObject({ kind: 'outbound', sourceRunId: runId, outcome: 'succeeded', method: null, status: null });
    expect(JSON.parse(entries[0]?.body ?? '{}')).toMatchObject({ run: { id: runId, status: 'failed' }, flow: { id: failingFlowId }, actedAs: { id: app().admin.id } });
    expect(entries[0]?.exchanges[0]?.requestHeaders).toMatchObject({ authorization: '[redacted]' });
    // A run of another flow does not concern it.
    await app().caller.runs.start({ flowId: targetFlowId, payload: {} });
    await settle();
    expect((await app().caller.integrations.log({ integrationId: saved.integration.id })).entries).toHaveLength(2);
  });

  it('keeps the flow it is triggered by from being deleted, naming itself; any-flow triggers do not', async () => {
    const watchedName = uniqueName('Watched');
    const watchedId = await server.flow(watchedName, manualOnly);
    const saved = await create(outbound({ trigger: { events: ['run.failed'], flowId: watchedId } }));
    await create(outbound({ trigger: { events: ['run.failed'], flowId: null } }));
    const refused = await apiErrorOf(app().caller.flows.delete({ id: watchedId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(`"${saved.integration.integration.name}"`);
    expect(refused.message).toContain(watchedName);
    expect((await app().caller.flows.get({ id: watchedId })).name).toBe(watchedName);

    await app().caller.integrations.delete({ id: saved.integration.id });
    expect(await app().caller.flows.delete({ id: watchedId })).toEqual({ id: watchedId });
  });

  it('is not triggered by runs it caused (loop guard)', async () => {
    const sourceFlowId = await server.flow(uniqueName('Source'), manualOnly);
    const loopFlow = uniqueName('Loop target');
    const loopFlowId = await server.flow(loopFlow, manualOnly);
    const saved = await create(outbound({ trigger: { events: ['run.succeeded'], flowId: null }, script: `flows.start(${JSON.stringify(loopFlow)}, { from: callback.run.id });` }));
    await app().caller.runs.start({ flowId: sourceFlowId, payload: {} });
    await settle();
    await settle();
    const rows = await runRows(loopFlowId);
    expect(rows).toHaveLength(1);
    const { entries } = await app().caller.integrations.log({ integrationId: saved.integration.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.runIds).toEqual([rows[0]?.id]);
    await app().caller.integrations.update({ id: saved.integration.id, integration: outbound({ name: saved.integration.integration.name, enabled: false, trigger: { events: ['run.succeeded'], flowId: null } }) });
  });

  it('holds to its rate limit, logging when it trips', async () => {
    const flowId = await server.flow(uniqueName('Often failing'), callGraph(deadEndpointId));
    const saved = await create(outbound({ trigger: { events: ['run.failed'], flowId }, rateLimit: { perMinute: 1 }, script: "console.log('called');" }));
    for (let i = 0; i < 3; i += 1) await app().caller.runs.start({ flowId, payload: {} });
    await settle();
    const { entries } = await app().caller.integrations.log({ integrationId: saved.integration.id });
    expect(entries.map((e) => e.outcome).sort()).toEqual(['rate-limited', 'succeeded']);
    expect(entries.find((e) => e.outcome === 'rate-limited')?.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('1 per minute') });
  });
});

describe('integrations.test', { timeout: 60_000 }, () => {
  it('runs the script once with a sample request or callback, recording nothing', async () => {
    const before = (await runRows(targetFlowId)).length;
    const inboundResult = await app().caller.integrations.test({
      workflowId: app().workflowId,
      integration: inbound({ script: "var id = flows.start('Target', { a: request.parameters.a }); console.log('started', id, request.headers.authorization, request.headers['x-thing']); response.body = 'ok ' + id;" }),
      request: { method: 'POST', parameters: { a: '1' }, headers: { Authorization: 'Bearer sample-secret', 'X-Thing': 'x' } },
    });
    expect(inboundResult).toMatchObject({
      response: { status: 202, body: 'ok test-run-1' },
      flowStarts: [{ flowName: 'Target', payload: { a: '1' } }],
      error: null,
      logs: [expect.objectContaining({ message: 'started test-run-1 [redacted] x' })],
    });
    const outboundResult = await app().caller.integrations.test({
      workflowId: app().workflowId,
      integration: outbound({ script: "var cb = JSON.parse(request.body); console.log(cb.event, callback.run.id); throw new Error('nope');" }),
    });
    expect(outboundResult).toMatchObject({ error: { code: 'SCRIPT_ERROR', message: expect.stringContaining('nope') }, logs: [expect.objectContaining({ message: 'run.failed sample-run' })] });
    await settle();
    expect(await runRows(targetFlowId)).toHaveLength(before);
    const [count] = await app().sql.query('SELECT count(*) AS n FROM integrations', []);
    const [logged] = await app().sql.query("SELECT count(*) AS n FROM integration_log WHERE body LIKE '%sample-run%'", []);
    expect(Number(count?.n)).toBeGreaterThan(0);
    expect(Number(logged?.n)).toBe(0);
  });
});

describe('integrations: endpoint usage', { timeout: 60_000 }, () => {
  it('lists integrations whose scripts name the endpoint, rewrites them on a rename, and keeps the endpoint from deletion', async () => {
    const endpoint = await app().caller.endpoints.create({ workflowId: app().workflowId, name: 'Ticketing', baseUrl: 'https://tickets.example.com', auth: { type: 'none' } });
    const saved = await create(inbound({ name: 'Tickets in', script: "http.request({ endpoint: 'Ticketing', path: '/a' }).write(); http.request({ endpoint: \"ticketing\" }).write();" }));
    const use = { kind: 'integration', integrationId: saved.integration.id, integrationName: 'Tickets in', occurrences: 2 };
    expect((await app().caller.endpoints.usage({ id: endpoint.id })).items).toEqual([use]);
    expect((await app().caller.endpoints.get({ id: endpoint.id })).usageCount).toBe(1);
    expect(await app().caller.endpoints.renameImpact({ id: endpoint.id, name: 'Tickets' })).toEqual({ renamed: true, scripts: [], integrations: [use] });

    const refused = await apiErrorOf(app().caller.endpoints.delete({ id: endpoint.id }));
    expect(refused.code).toBe('ENDPOINT_IN_USE');
    expect(refused.message).toContain('1 integration');

    await app().caller.endpoints.update({ id: endpoint.id, name: 'Tickets', baseUrl: endpoint.baseUrl, auth: { type: 'none' }, updateScripts: true });
    expect((await app().caller.integrations.get({ id: saved.integration.id })).integration.script).toBe(
      "http.request({ endpoint: 'Tickets', path: '/a' }).write(); http.request({ endpoint: \"Tickets\" }).write();",
    );
    expect((await app().caller.endpoints.usage({ id: endpoint.id })).items).toEqual([use]);

    await app().caller.integrations.delete({ id: saved.integration.id });
    expect(await app().caller.endpoints.delete({ id: endpoint.id })).toEqual({ id: endpoint.id });
  });
});

describe('integrations: export and import', { timeout: 60_000 }, () => {
  it('carry script, trigger and authentication method, never a token; an imported URL integration gets a fresh token', async () => {
    const flowName = uniqueName('Exported flow');
    const flowId = await server.flow(flowName, manualOnly);
    const url = await create(inbound({ name: 'Exported URL in', script: "http.request({ endpoint: 'Target API' }).write();" }));
    await create(inbound({ name: 'Exported key in', auth: { type: 'apiKey' } }));
    await create(outbound({ name: 'Exported out', trigger: { events: ['run.succeeded'], flowId }, rateLimit: { perMinute: 7 } }));
    const file = await app().caller.workflows.export({ workflowId: app().workflowId });
    const text = JSON.stringify(file);
    expect(text).not.toContain(url.token ?? '');
    expect(text).not.toContain('fyi_');
    expect(text).not.toMatch(/token/i);
    expect(file.integrations.find((i) => i.integration.name === 'Exported out')).toEqual({
      integration: expect.objectContaining({ kind: 'outbound', trigger: { events: ['run.succeeded'], flowId: null }, rateLimit: { perMinute: 7 } }),
      flowName,
    });

    const fresh = await createTestApp();
    try {
      const result = await fresh.caller.workflows.import({ workflowId: fresh.workflowId, file: text, bindings: {} });
      expect(result.summary.integrations).toBe(file.integrations.length);
      const imported = result.integrations.find((i) => i.name === 'Exported URL in');
      expect(imported?.token).toMatch(/^fyi_/);
      expect(imported?.token).not.toBe(url.token);
      expect(imported?.tokenPath).toBe(`/inbound/${imported?.id}/${imported?.token}`);
      expect(result.integrations.find((i) => i.name === 'Exported key in')?.token).toBeNull();
      const views = await fresh.caller.integrations.list({ workflowId: fresh.workflowId });
      const out = views.find((v) => v.integration.name === 'Exported out');
      const importedFlow = result.flows.find((f) => f.name === flowName);
      expect(out?.integration).toMatchObject({ kind: 'outbound', trigger: { flowId: importedFlow?.id } });
      // The exporting install's user is not here: runs act as whoever imported.
      expect(views.find((v) => v.integration.name === 'Exported URL in')?.actAs?.id).toBe(fresh.admin.id);
      // Scripts naming endpoints are indexed for Usage after an import too.
      const endpoint = (await fresh.caller.endpoints.list({ workflowId: fresh.workflowId })).find((e) => e.name === 'Target API');
      expect((await fresh.caller.endpoints.usage({ id: endpoint?.id ?? '' })).counts.integration).toBe(file.integrations.filter((i) => i.integration.script.includes("'Target API'")).length);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a file whose outbound integration names a flow it does not hold, nothing written', async () => {
    const file = await app().caller.workflows.export({ workflowId: app().workflowId });
    const broken = { ...file, flows: [], integrations: [{ integration: { kind: 'outbound', name: 'Lonely', trigger: { events: ['run.failed'], flowId: null } }, flowName: 'Missing flow' }] };
    const error = await apiErrorOf(app().caller.workflows.import({ workflowId: app().workflowId, file: broken, bindings: {} }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toContainEqual({ path: 'integrations[0].flowName', message: 'The file has no flow named "Missing flow"' });
  });
});

describe('integrations: log retention', { timeout: 60_000 }, () => {
  it('follows the run retention setting: by age, and by count per integration', async () => {
    const fresh = await createTestApp();
    try {
      const { integration } = await fresh.caller.integrations.create({ workflowId: fresh.workflowId, integration: inbound({ auth: { type: 'url', actAsUserId: fresh.admin.id } }) });
      const day = 86_400_000;
      const add = (id: string, daysAgo: number) =>
        fresh.store.repos.integrations.addLogEntry({
          id,
          integrationId: integration.id,
          at: new Date(Date.now() - daysAgo * day).toISOString(),
          durationMs: 1,
          kind: 'inbound',
          caller: null,
          method: 'POST',
          event: null,
          sourceRunId: null,
          body: '',
          bodyTruncated: false,
          logs: [],
          exchanges: [],
          outcome: 'succeeded',
          status: 202,
          error: null,
          runIds: [],
        });
      for (const [id, age] of [['a', 40], ['b', 3], ['c', 2], ['d', 1]] as const) await add(id, age);
      const ids = async () => (await fresh.caller.integrations.log({ integrationId: integration.id })).entries.map((e) => e.id);
      await fresh.caller.settings.retention.set({ maxAgeDays: 30, maxRunsPerFlow: null });
      await fresh.services.runPruner.runNow();
      expect(await ids()).toEqual(['d', 'c', 'b']);
      await fresh.caller.settings.retention.set({ maxAgeDays: null, maxRunsPerFlow: 2 });
      await fresh.services.runPruner.runNow();
      expect(await ids()).toEqual(['d', 'c']);
    } finally {
      await fresh.close();
    }
  });
});
